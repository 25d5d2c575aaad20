// The built-in template functions: the dispatcher over every family's table (arity checks,
// unknown names), and the NetSchool family itself: pw2/pw (NS-HASH-3), md5, ns_md5, uuid.
#include "harness/scenario/functions.hpp"

#include "crypto/digest.hpp"
#include "crypto/netschool_hash.hpp"
#include "harness/scenario/functions_table.hpp"

#include <boost/uuid/uuid.hpp>
#include <boost/uuid/uuid_generators.hpp>
#include <boost/uuid/uuid_io.hpp>

#include <array>
#include <vector>

namespace logintest::harness::scenario {
namespace {

FunctionResult fn_pw2(std::span<const std::string> a) {
    return ok(crypto::netschool_proof(a[0], a[1]).pw2);
}
FunctionResult fn_pw(std::span<const std::string> a) {
    return ok(crypto::netschool_proof(a[0], a[1]).pw);
}
FunctionResult fn_md5(std::span<const std::string> a) {
    return ok(crypto::md5_hex(a[0]));
}
FunctionResult fn_ns_md5(std::span<const std::string> a) {
    return ok(crypto::netschool_password_md5(a[0]));
}

// A random version-4 UUID, 36 lowercase characters (spec §0.3), from Boost.UUID. A
// Mersenne Twister per thread, seeded from the OS, as before: cheap on the load path and
// not a secret (the client's `state` only has to be unique).
FunctionResult fn_uuid(std::span<const std::string>) {
    thread_local boost::uuids::random_generator_mt19937 generate;
    return ok(boost::uuids::to_string(generate()));
}

constexpr std::array<FunctionDef, 5> netschool = {{
    {"pw2", 2, 2, fn_pw2},
    {"pw", 2, 2, fn_pw},
    {"md5", 1, 1, fn_md5},
    {"ns_md5", 1, 1, fn_ns_md5},
    {"uuid", 0, 0, fn_uuid},
}};

const FunctionDef* find(std::string_view name) {
    for (const auto family :
         {netschool_functions(), text_functions(), crypto_functions(), time_functions()}) {
        for (const auto& f : family) {
            if (f.name == name) {
                return &f;
            }
        }
    }
    return nullptr;
}

std::string takes(const FunctionDef& f) {
    const auto plural = [](int n) {
        return std::to_string(n) + (n == 1 ? " argument" : " arguments");
    };
    if (f.max_args < 0) {
        return "at least " + plural(f.min_args);
    }
    if (f.min_args == f.max_args) {
        return plural(f.min_args);
    }
    return std::to_string(f.min_args) + " or " + plural(f.max_args);
}

} // namespace

std::span<const FunctionDef> netschool_functions() {
    return netschool;
}

FunctionResult call_function(std::string_view name, std::span<const std::string> args) {
    const FunctionDef* f = find(name);
    if (f == nullptr) {
        return fail("unknown function '" + std::string(name) + "'");
    }
    if (auto problem = arity_problem(name, args.size()); !problem.empty()) {
        return fail(problem);
    }
    FunctionResult r = f->impl(args);
    if (!r.error.empty()) {
        r.error = std::string(name) + "(): " + r.error;
    }
    return r;
}

bool is_function(std::string_view name) {
    return find(name) != nullptr;
}

std::vector<std::string> function_names() {
    std::vector<std::string> names;
    for (const auto family :
         {netschool_functions(), text_functions(), crypto_functions(), time_functions()}) {
        for (const auto& f : family) {
            names.emplace_back(f.name);
        }
    }
    return names;
}

int function_arity(std::string_view name) {
    const FunctionDef* f = find(name);
    return f == nullptr ? -1 : f->min_args;
}

std::string arity_problem(std::string_view name, std::size_t count) {
    const FunctionDef* f = find(name);
    if (f == nullptr) {
        return "";
    }
    const int n = static_cast<int>(count);
    if (n >= f->min_args && (f->max_args < 0 || n <= f->max_args)) {
        return "";
    }
    return std::string(name) + "() takes " + takes(*f) + ", got " + std::to_string(count);
}

} // namespace logintest::harness::scenario
