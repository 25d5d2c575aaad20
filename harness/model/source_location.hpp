// SourceLocation: where in a scenario file an element was written (file and 1-based line).
// Carried by every model element so that loader errors and verdicts can point at the XML.
#pragma once

#include <string>

namespace logintest::harness::model {

struct SourceLocation {
    std::string file;
    int line = 0;
};

} // namespace logintest::harness::model
