// The built-in functions available in templates: pw2/pw (NetSchool proof, NS-HASH-3), md5,
// ns_md5, uuid (functions.cpp); text and numbers: layout_ru/en, snils, random_password, concat,
// add, sub, ... (functions_text.cpp); crypto: streebog, sha256, gost_sign, cert_hash, b64url,
// jwt_* (functions_crypto.cpp); time: esia_timestamp, now (functions_time.cpp). Each takes
// already-expanded string arguments. Thread-safe (random ones draw from thread-local
// generators).
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
[[nodiscard]] FunctionResult call_function(std::string_view name,
                                           std::span<const std::string> args);

// True when `name` is a built-in (for the loader's "unknown function" error).
bool is_function(std::string_view name);

// Names of every built-in, for help texts and docs.
std::vector<std::string> function_names();

// The least number of arguments the built-in `name` takes, or -1 when there is no such built-in
// (for the loader's "takes 2 arguments" error).
int function_arity(std::string_view name);

// Why `name` cannot take `count` arguments ("pw2() takes 2 arguments, got 1"); empty when it
// can, or when there is no such built-in.
std::string arity_problem(std::string_view name, std::size_t count);

} // namespace logintest::harness::scenario
