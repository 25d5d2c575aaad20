# embed_file(OUT_CPP INPUT SYMBOL): generates OUT_CPP defining
#   extern const std::string_view SYMBOL;   (in namespace logintest::embedded)
# holding the bytes of INPUT, regenerated whenever INPUT changes.
function(embed_file out_cpp input symbol)
    add_custom_command(
        OUTPUT ${out_cpp}
        COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${out_cpp} -DSYMBOL=${symbol}
                -P ${CMAKE_SOURCE_DIR}/cmake/EmbedFileScript.cmake
        DEPENDS ${input} ${CMAKE_SOURCE_DIR}/cmake/EmbedFileScript.cmake
        COMMENT "Embedding ${input}")
endfunction()
