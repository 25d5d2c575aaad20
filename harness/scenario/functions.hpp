// The built-in functions available in templates: md5, pw2/pw (NetSchool proof, NS-HASH-3),
// ns_md5 (md5 of the browser encoding), uuid, ... Each takes already-expanded string
// arguments. Thread-safe (uuid draws from a thread-local generator).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::harness::scenario {

struct FunctionResult {
    std::string value;
    std::string error; // empty on success
};

// Calls the built-in `name`; an unknown name or a wrong argument count is an error.
FunctionResult call_function(std::string_view name, std::span<const std::string> args);

// True when `name` is a built-in (for the loader's "unknown function" error).
bool is_function(std::string_view name);

// Names of every built-in, for help texts and docs.
std::vector<std::string> function_names();

// How many arguments the built-in `name` takes, or -1 when there is no such built-in
// (for the loader's "takes 2 arguments" error).
int function_arity(std::string_view name);

} // namespace logintest::harness::scenario
