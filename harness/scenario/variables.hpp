// Variables: the name -> value map a journey's templates are expanded against (fixture
// accounts as `pupil.login`, extracted values, `asurso`, `esia`, ...). One per journey run.
#pragma once

#include <map>
#include <string>

namespace logintest::harness::scenario {

using Variables = std::map<std::string, std::string, std::less<>>;

} // namespace logintest::harness::scenario
