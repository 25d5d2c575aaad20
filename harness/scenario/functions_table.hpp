// The built-in template functions as tables, one per family (internal to harness/scenario):
// each entry has a name, the number of arguments it takes (a range; max -1 = any number) and
// an implementation over already-expanded arguments. functions.cpp dispatches over them.
#pragma once

#include "harness/scenario/functions.hpp"

#include <span>
#include <string>
#include <string_view>

namespace logintest::harness::scenario {

using FunctionImpl = FunctionResult (*)(std::span<const std::string>);

struct FunctionDef {
    std::string_view name;
    int min_args;
    int max_args; // -1: any number
    FunctionImpl impl;
};

inline FunctionResult ok(std::string value) {
    return {std::move(value), ""};
}
inline FunctionResult fail(std::string error) {
    return {"", std::move(error)};
}

// pw2, pw, md5, ns_md5, uuid (functions.cpp)
std::span<const FunctionDef> netschool_functions();
// upper, lower, urlencode, layout_ru, layout_en, snils, random_password, concat, add, sub
// (functions_text.cpp)
std::span<const FunctionDef> text_functions();
// streebog, sha256, gost_sign, cert_hash, b64url, b64url_decode, jwt_header, jwt_payload,
// jwt_verify (functions_crypto.cpp)
std::span<const FunctionDef> crypto_functions();
// esia_timestamp, now (functions_time.cpp)
std::span<const FunctionDef> time_functions();

} // namespace logintest::harness::scenario
