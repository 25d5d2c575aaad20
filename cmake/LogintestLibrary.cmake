# logintest_library(NAME DIR [EXTRA_SOURCES...]): a static library of every .cpp below DIR,
# with the alias logintest::NAME, the project root as include directory and our warnings.
# Globbing keeps "one concept per file" cheap: add a file, re-run the build.
function(logintest_library name dir)
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/${dir}/*.cpp)
    if(NOT sources AND NOT ARGN)
        # A layer being written may have headers only for a while.
        set(sources ${CMAKE_BINARY_DIR}/empty_${name}.cpp)
        file(WRITE ${sources} "// ${dir} has no sources yet\n")
    endif()
    add_library(logintest_${name} STATIC ${sources} ${ARGN})
    add_library(logintest::${name} ALIAS logintest_${name})
    target_include_directories(logintest_${name} PUBLIC ${CMAKE_SOURCE_DIR})
    target_link_libraries(logintest_${name} PRIVATE logintest::warnings)
endfunction()
