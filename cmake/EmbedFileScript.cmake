# Script half of embed_file(): writes INPUT's bytes as a char array into OUTPUT.
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE ${OUTPUT}
"// Generated from ${INPUT} by cmake/EmbedFileScript.cmake. Do not edit.\n"
"#include <string_view>\n"
"namespace logintest::embedded {\n"
"static const char data_[] = {${bytes} '\\0'};\n"
"extern const std::string_view ${SYMBOL};\n"
"const std::string_view ${SYMBOL}{data_, ${size}};\n"
"}\n")
