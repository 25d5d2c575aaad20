// Reading a --target file (see target_file.hpp): the file's schema declared on the shared
// JSON configuration reader (support/config/config_schema.hpp), then the two required URLs.
#include "cli/target_file.hpp"

#include "support/config/config_schema.hpp"
#include "support/text/file.hpp"
#include "support/text/strings.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <filesystem>
#include <string_view>

namespace logintest::cli {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using support::ConfigReader;
using Errors = std::vector<std::string>;

// Target-file messages name every number "a number" (docs/target.md).
std::string kind_of(const json::value& v) {
    return std::string(support::json_kind(v, support::Integers::numbers));
}

ConfigReader string_of(std::string& out) {
    return [&out](const json::value& v, const std::string& key, Errors& errors) {
        if (!v.is_string()) {
            errors.push_back(key + ": expected a string, got " + kind_of(v));
            return;
        }
        out = std::string(v.get_string());
    };
}

ConfigReader bool_of(bool& out) {
    return [&out](const json::value& v, const std::string& key, Errors& errors) {
        if (!v.is_bool()) {
            errors.push_back(key + ": expected true or false, got " + kind_of(v));
            return;
        }
        out = v.get_bool();
    };
}

// Keeps every string entry, naming each other one as "resolve.<index>".
ConfigReader resolve_of(std::vector<std::string>& out) {
    return [&out](const json::value& v, const std::string& key, Errors& errors) {
        if (!v.is_array()) {
            errors.push_back(key + ": expected an array of \"host:port:address\" strings, got " +
                             kind_of(v));
            return;
        }
        for (std::size_t i = 0; i < v.get_array().size(); ++i) {
            const auto& entry = v.get_array()[i];
            if (!entry.is_string()) {
                errors.push_back(key + "." + std::to_string(i) +
                                 ": expected a \"host:port:address\" string, got " +
                                 kind_of(entry));
                continue;
            }
            out.emplace_back(entry.get_string());
        }
    };
}

// The file's schema: every key of docs/target.md, in the order the unknown-key note lists.
support::ConfigSchema target_schema(TargetFile& t) {
    support::ConfigSchema schema;
    schema.add("asurso", string_of(t.asurso));
    schema.add("esia", string_of(t.esia));
    schema.add("resolve", resolve_of(t.resolve));
    schema.add("ca_file", string_of(t.ca_file));
    schema.add("insecure", bool_of(t.insecure));
    schema.add("fixture", string_of(t.fixture));
    schema.add("mock", bool_of(t.mock));
    schema.set_unknown_key_note(
        " (known: asurso, esia, resolve, ca_file, insecure, fixture, mock)");
    return schema;
}

// Both base URLs are required and must be http:// or https://.
void check_urls(const json::object& doc, const TargetFile& t, Errors& errors) {
    for (const std::string key : {"asurso", "esia"}) {
        const std::string& url = key == "asurso" ? t.asurso : t.esia;
        if (!doc.contains(key)) {
            errors.push_back(key + ": missing: the base URL, e.g. \"https://" + key + ".example\"");
        } else if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0 &&
                   doc.at(key).is_string()) {
            errors.push_back(key + ": expected an http:// or https:// base URL, got \"" + url +
                             "\"");
        }
    }
}

} // namespace

TargetFileLoad parse_target_file(const std::string& text, const std::string& path) {
    TargetFileLoad load;
    std::error_code ec;
    const json::value doc = json::parse(text, ec);
    if (ec) {
        load.errors.push_back(path + ": not JSON (" + ec.message() + ")");
        return load;
    }
    if (!doc.is_object()) {
        load.errors.push_back(path + ": expected a JSON object, got " + kind_of(doc));
        return load;
    }
    TargetFile& t = load.target;
    Errors errors;
    target_schema(t).apply(doc, "", errors);
    check_urls(doc.get_object(), t, errors);
    for (const auto& e : errors) {
        load.errors.push_back(path + ": " + e);
    }
    const fs::path folder = fs::path(path).parent_path();
    for (std::string* file : {&t.ca_file, &t.fixture}) {
        if (!file->empty() && !fs::path(*file).is_absolute()) {
            *file = (folder / *file).string(); // relative to the target file's folder
        }
    }
    t.asurso = support::strip_slash(t.asurso);
    t.esia = support::strip_slash(t.esia);
    return load;
}

TargetFileLoad load_target_file(const std::string& path) {
    auto text = support::read_file(path);
    if (!text) {
        TargetFileLoad load;
        load.errors.push_back(path + ": cannot read the target file");
        return load;
    }
    return parse_target_file(*text, path);
}

} // namespace logintest::cli
