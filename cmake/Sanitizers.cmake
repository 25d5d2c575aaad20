# Sanitizer and fuzzing instrumentation for the whole project, chosen by two cache options
# (docs/architecture.md, "Sanitizer and fuzz builds"). Included by the top-level
# CMakeLists.txt before any target exists, so the flags reach every target:
#   LOGINTEST_SANITIZE  "" (default), "address,undefined" or "thread": compile and link
#                       flags -fsanitize=<value> -fno-omit-frame-pointer -g1, and for UBSan
#                       -fno-sanitize-recover=undefined so a finding fails the test, and
#                       -fno-sanitize=function: clang 14 cannot compile our C++20 coroutines
#                       with that one UBSan check ("Cannot represent a difference across
#                       sections", llvm/llvm-project#54153); that check only looks at calls
#                       through a function pointer of the wrong type.
#   LOGINTEST_FUZZ      OFF (default) or ON (clang only): every project library is also
#                       compiled with -fsanitize=fuzzer-no-link (coverage for libFuzzer);
#                       logintest_fuzz_instrument_libraries() applies it once all exist.
# tests/tooling/sanitize.sh configures the two shared sanitizer folders with them.
set(LOGINTEST_SANITIZE "" CACHE STRING
    "Sanitizers for every target: empty, address,undefined or thread")
set_property(CACHE LOGINTEST_SANITIZE PROPERTY STRINGS "" "address,undefined" "thread")
option(LOGINTEST_FUZZ "Instrument the project libraries for libFuzzer (clang only)" OFF)

if(LOGINTEST_SANITIZE STREQUAL "address,undefined")
    set(LOGINTEST_SANITIZE_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -g1
        -fno-sanitize-recover=undefined)
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        list(APPEND LOGINTEST_SANITIZE_FLAGS -fno-sanitize=function)
    endif()
elseif(LOGINTEST_SANITIZE STREQUAL "thread")
    set(LOGINTEST_SANITIZE_FLAGS -fsanitize=thread -fno-omit-frame-pointer -g1)
elseif(NOT LOGINTEST_SANITIZE STREQUAL "")
    message(FATAL_ERROR "LOGINTEST_SANITIZE='${LOGINTEST_SANITIZE}': expected empty, "
                        "'address,undefined' or 'thread'")
endif()
if(LOGINTEST_SANITIZE_FLAGS)
    add_compile_options(${LOGINTEST_SANITIZE_FLAGS})
    add_link_options(${LOGINTEST_SANITIZE_FLAGS})
endif()

if(LOGINTEST_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "LOGINTEST_FUZZ needs clang (libFuzzer); configure with "
                            "CC=clang CXX=clang++")
    endif()
    # Executables that link an instrumented library need the coverage hooks' runtime.
    add_link_options(-fsanitize=fuzzer-no-link)
endif()

# Every static or object library defined below DIR (recursively) gets -fsanitize=fuzzer-no-link;
# called once at the end of the top-level CMakeLists.txt, so libraries added later in any
# folder are covered without a line of their own.
function(logintest_fuzz_instrument_libraries dir)
    get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
    foreach(target IN LISTS targets)
        get_target_property(type ${target} TYPE)
        if(type STREQUAL "STATIC_LIBRARY" OR type STREQUAL "OBJECT_LIBRARY")
            target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
        endif()
    endforeach()
    get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
    foreach(subdir IN LISTS subdirs)
        logintest_fuzz_instrument_libraries(${subdir})
    endforeach()
endfunction()
