# One short libFuzzer run for the ctest test fuzz.<target> (tests/fuzz/CMakeLists.txt):
# FUZZER over a fresh scratch folder SCRATCH (where libFuzzer writes the inputs it finds, and
# any crash artifact) plus the repository's seed corpus CORPUS, which is only read. ARGS are
# the libFuzzer options. Fails when the fuzzer is missing or exits non-zero (a crash, a leak,
# a timeout, an out-of-memory or a sanitizer report).
if(NOT EXISTS "${FUZZER}")
    message(FATAL_ERROR "${FUZZER} is missing: build the fixture asan_build first "
                        "(ctest -R sanitize.build-address-undefined)")
endif()
file(REMOVE_RECURSE "${SCRATCH}")
file(MAKE_DIRECTORY "${SCRATCH}/corpus" "${SCRATCH}/artifacts")
execute_process(COMMAND "${FUZZER}" ${ARGS} "-artifact_prefix=${SCRATCH}/artifacts/"
                        "${SCRATCH}/corpus" "${CORPUS}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    file(GLOB artifacts "${SCRATCH}/artifacts/*")
    message(FATAL_ERROR "the fuzzer failed (exit ${rc}); reproducer: ${artifacts}\n"
                        "replay it with: ${FUZZER} <file> (docs/fuzzing.md)")
endif()
