// The account-kinds table (see account_kinds.hpp).
#include "harness/scenario/account_kinds.hpp"

#include <boost/json.hpp>

namespace logintest::embedded {
extern const std::string_view account_kinds_json;
} // namespace logintest::embedded

namespace logintest::harness::scenario {

AccountKinds::ParseResult AccountKinds::parse(std::string_view json,
                                              const std::string& source_name) {
    ParseResult result;
    boost::system::error_code ec;
    const boost::json::value root = boost::json::parse(json, ec);
    if (ec) {
        result.error = source_name + ": not valid JSON: " + ec.message();
        return result;
    }
    const auto* kinds = root.is_object() ? root.as_object().if_contains("kinds") : nullptr;
    if (kinds == nullptr || !kinds->is_object()) {
        result.error = source_name + ": expected an object with a \"kinds\" object";
        return result;
    }
    for (const auto& [name, list] : kinds->as_object()) {
        const std::string kind(name);
        if (!list.is_array() || list.as_array().empty()) {
            result.error = source_name + ": kinds." + kind + " must be a non-empty array";
            return result;
        }
        std::vector<model::AccountRef> refs;
        for (std::size_t i = 0; i < list.as_array().size(); ++i) {
            const auto* obj = list.as_array()[i].if_object();
            const auto* login = obj ? obj->if_contains("login") : nullptr;
            const auto* scid = obj ? obj->if_contains("scid") : nullptr;
            if (login == nullptr || !login->is_string() || scid == nullptr || !scid->is_int64()) {
                result.error = source_name + ": kinds." + kind + "[" + std::to_string(i) +
                               "] needs a string login and an integer scid";
                return result;
            }
            refs.push_back({std::string(login->as_string()), static_cast<int>(scid->as_int64())});
        }
        result.kinds.kinds_.emplace(kind, std::move(refs));
    }
    return result;
}

const AccountKinds& AccountKinds::builtin() {
    static const AccountKinds kinds = [] {
        auto parsed = parse(embedded::account_kinds_json, "scenarios/data/account-kinds.json");
        return std::move(parsed.kinds); // a broken embedded table leaves no kinds
    }();
    return kinds;
}

const std::vector<model::AccountRef>* AccountKinds::find(std::string_view kind) const {
    const auto it = kinds_.find(kind);
    return it == kinds_.end() ? nullptr : &it->second;
}

std::vector<std::string> AccountKinds::names() const {
    std::vector<std::string> out;
    for (const auto& [name, refs] : kinds_) {
        out.push_back(name);
    }
    return out;
}

} // namespace logintest::harness::scenario
