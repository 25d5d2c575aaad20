// Reading a --target file (see target_file.hpp) with Boost.JSON.
#include "cli/target_file.hpp"

#include <boost/json.hpp>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

namespace logintest::cli {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

constexpr std::array<std::string_view, 7> keys = {"asurso",   "esia",    "resolve", "ca_file",
                                                  "insecure", "fixture", "mock"};

std::string kind_of(const json::value& v) {
    switch (v.kind()) {
    case json::kind::null:
        return "null";
    case json::kind::bool_:
        return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
        return "a number";
    case json::kind::string:
        return "a string";
    case json::kind::array:
        return "an array";
    case json::kind::object:
        return "an object";
    }
    return "?";
}

std::string strip_slash(std::string url) {
    while (!url.empty() && url.back() == '/') {
        url.pop_back();
    }
    return url;
}

} // namespace

TargetFileLoad parse_target_file(const std::string& text, const std::string& path) {
    TargetFileLoad load;
    auto problem = [&](const std::string& key, const std::string& message) {
        load.errors.push_back(path + ": " + (key.empty() ? "" : key + ": ") + message);
    };
    std::error_code ec;
    const json::value doc = json::parse(text, ec);
    if (ec) {
        problem("", "not JSON (" + ec.message() + ")");
        return load;
    }
    if (!doc.is_object()) {
        problem("", "expected a JSON object, got " + kind_of(doc));
        return load;
    }
    const fs::path folder = fs::path(path).parent_path();
    auto relative_to_file = [&](const std::string& p) {
        return p.empty() || fs::path(p).is_absolute() ? p : (folder / p).string();
    };
    auto string_of = [&](const std::string& key, const json::value& v, std::string& out) {
        if (!v.is_string()) {
            problem(key, "expected a string, got " + kind_of(v));
            return;
        }
        out = std::string(v.get_string());
    };
    auto bool_of = [&](const std::string& key, const json::value& v, bool& out) {
        if (!v.is_bool()) {
            problem(key, "expected true or false, got " + kind_of(v));
            return;
        }
        out = v.get_bool();
    };
    TargetFile& t = load.target;
    for (const auto& [key_view, value] : doc.get_object()) {
        const std::string key(key_view);
        if (key == "asurso") {
            string_of(key, value, t.asurso);
        } else if (key == "esia") {
            string_of(key, value, t.esia);
        } else if (key == "resolve") {
            if (!value.is_array()) {
                problem(key, "expected an array of \"host:port:address\" strings, got " +
                                 kind_of(value));
                continue;
            }
            for (std::size_t i = 0; i < value.get_array().size(); ++i) {
                const auto& entry = value.get_array()[i];
                if (!entry.is_string()) {
                    problem(key + "." + std::to_string(i),
                            "expected a \"host:port:address\" string, got " + kind_of(entry));
                    continue;
                }
                t.resolve.emplace_back(entry.get_string());
            }
        } else if (key == "ca_file") {
            string_of(key, value, t.ca_file);
            t.ca_file = relative_to_file(t.ca_file);
        } else if (key == "insecure") {
            bool_of(key, value, t.insecure);
        } else if (key == "fixture") {
            string_of(key, value, t.fixture);
            t.fixture = relative_to_file(t.fixture);
        } else if (key == "mock") {
            bool_of(key, value, t.mock);
        } else {
            std::string known;
            for (const auto k : keys) {
                known += (known.empty() ? "" : ", ") + std::string(k);
            }
            problem(key, "unknown key (known: " + known + ")");
        }
    }
    for (const auto* key : {"asurso", "esia"}) {
        const std::string& url = std::string_view(key) == "asurso" ? t.asurso : t.esia;
        if (!doc.get_object().contains(key)) {
            problem(key,
                    "missing: the base URL, e.g. \"https://" + std::string(key) + ".example\"");
        } else if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
            if (doc.get_object().at(key).is_string()) {
                problem(key, "expected an http:// or https:// base URL, got \"" + url + "\"");
            }
        }
    }
    t.asurso = strip_slash(t.asurso);
    t.esia = strip_slash(t.esia);
    return load;
}

TargetFileLoad load_target_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        TargetFileLoad load;
        load.errors.push_back(path + ": cannot read the target file");
        return load;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_target_file(text.str(), path);
}

} // namespace logintest::cli
