// The fixture of spec §22 (scenarios/data/fixture.json) compiled into the mocks library
// (see mocks/CMakeLists.txt, embed_file). The default fixture of both hosts.
#pragma once

#include <string_view>

namespace logintest::embedded {
extern const std::string_view fixture_json;
} // namespace logintest::embedded
