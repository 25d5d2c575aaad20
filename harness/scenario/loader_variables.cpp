// The loader's variable definitions: <account> (fixture accounts, by login or from a pool),
// <var> (bound before the first step), <set> (assigned at run time between steps), and the
// prescan that knows where each variable is first defined for "used before" messages.
#include "harness/scenario/account_kinds.hpp"
#include "harness/scenario/loader_impl.hpp"

#include <charconv>

namespace logintest::harness::scenario {

using schema::Names;
using schema::trim;

void Loader::prescan(const pugi::xml_node& root) {
    const std::string& file = source_->path();
    for (const pugi::xml_node child : root.children()) {
        const std::string_view name = child.name();
        if ((name == "var" && child.attribute("name")) ||
            (name == "set" && child.attribute("var"))) {
            const char* var =
                name == "var" ? child.attribute("name").value() : child.attribute("var").value();
            definitions_.try_emplace(
                var, Definition{"set by <" + std::string(name) + ">", file, line_of(child)});
        } else if (name == "account" && child.attribute("as")) {
            const std::string as = child.attribute("as").value();
            for (const auto field : schema::account_fields) {
                definitions_.try_emplace(as + "." + std::string(field),
                                         Definition{"set by <account>", file, line_of(child)});
            }
            if (child.attribute("pool")) {
                for (const auto field : schema::pool_account_fields) {
                    definitions_.try_emplace(as + "." + std::string(field),
                                             Definition{"set by <account>", file, line_of(child)});
                }
            }
        } else if (name == "step") {
            for (const pugi::xml_node ex : child.children("extract")) {
                if (ex.attribute("var") || (ex.attribute("form") && ex.attribute("as"))) {
                    const std::string_view step = child.attribute("name").value();
                    definitions_.try_emplace(
                        ex.attribute("var") ? std::string(ex.attribute("var").value())
                                            : std::string(ex.attribute("as").value()) + ".*",
                        Definition{step.empty() ? std::string("extracted")
                                                : "extracted by step " + schema::quoted(step),
                                   file, line_of(ex)});
                }
            }
        }
    }
}

bool Loader::check_variable_name(const pugi::xml_node& node, std::string_view attr,
                                 const std::string& name) {
    if (!schema::is_identifier(name, true)) {
        error(line_of(node, attr),
              "variable name " + schema::quoted(name) +
                  " must start with a letter or '_' and hold letters, digits, '_', '.', '-'");
        return false;
    }
    if (predefined_.contains(name)) {
        error(line_of(node, attr), "variable " + schema::quoted(name) + " is predefined");
        return false;
    }
    return true;
}

// An <account>: a fixture account by login (and scid), any account of a kind, or any account
// of a pool; defines `as.login`, `as.password`, ... (and the ESIA fields for a pool).
void Loader::load_account(const pugi::xml_node& node, model::Journey& journey) {
    check_no_children(node);
    const bool pooled = static_cast<bool>(node.attribute("pool"));
    const bool by_kind = static_cast<bool>(node.attribute("kind"));
    if (!check_attributes(node, {"as", "login", "scid", "pool", "kind"},
                          pooled || by_kind ? Names{"as"} : Names{"as", "login"})) {
        return;
    }
    model::AccountUse account;
    account.as = node.attribute("as").value();
    account.login = node.attribute("login").value();
    account.pool = node.attribute("pool").value();
    account.kind = node.attribute("kind").value();
    account.where = where(node);
    if (by_kind) {
        load_account_kind(node, account);
    }
    if (pooled) {
        check_account_pool(node, account);
    }
    if (!schema::is_identifier(account.as, false)) {
        error(line_of(node, "as"),
              "account name " + schema::quoted(account.as) + " must be letters, digits and '_'");
    }
    for (const auto& other : journey.accounts) {
        if (other.as == account.as) {
            error(line_of(node, "as"), "account " + schema::quoted(account.as) +
                                           " is already defined at line " +
                                           std::to_string(other.where.line));
        }
    }
    if (!pooled && !by_kind && trim(account.login).empty()) {
        error(line_of(node, "login"), "<account> login is empty");
    }
    if (const auto scid = node.attribute("scid"); scid && !by_kind) {
        account.scid = account_scid(node);
    }
    define_account_fields(account.as, schema::account_fields);
    if (pooled) {
        define_account_fields(account.as, schema::pool_account_fields);
    }
    journey.accounts.push_back(std::move(account));
}

// `kind="..."`: any free account of the kind, leased per journey run.
void Loader::load_account_kind(const pugi::xml_node& node, model::AccountUse& account) {
    if (node.attribute("pool") || node.attribute("login") || node.attribute("scid")) {
        error(line_of(node, "kind"),
              "<account> takes one of kind, pool or login (and scid), not several");
    }
    const auto& kinds = AccountKinds::builtin();
    if (const auto* members = kinds.find(account.kind)) {
        account.kind_accounts = *members;
    } else {
        error(line_of(node, "kind"), "unknown account kind " + schema::quoted(account.kind) +
                                         " (known: " + schema::join(kinds.names()) +
                                         "; scenarios/data/account-kinds.json)");
    }
}

// MOCK-FIX-5: `pool="..."`, any account of a pool, leased per journey; no login or school.
void Loader::check_account_pool(const pugi::xml_node& node, const model::AccountUse& account) {
    if (node.attribute("login") || node.attribute("scid")) {
        error(line_of(node, "pool"), "<account> takes either pool or login (and scid), not both");
    }
    const bool known = std::any_of(std::begin(model::account_pools), std::end(model::account_pools),
                                   [&](const char* pool) { return account.pool == pool; });
    if (!known) {
        error(line_of(node, "pool"),
              "unknown account pool " + schema::quoted(account.pool) + " (known: load, bind)");
    }
}

// `scid="N"`; nullopt after an error.
std::optional<int> Loader::account_scid(const pugi::xml_node& node) {
    const std::string_view text = node.attribute("scid").value();
    int value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) {
        error(line_of(node, "scid"), "scid " + schema::quoted(text) + " is not an integer");
        return std::nullopt;
    }
    return value;
}

template <std::size_t N>
void Loader::define_account_fields(const std::string& as,
                                   const std::array<std::string_view, N>& fields) {
    for (const auto field : fields) {
        const std::string name = as + "." + std::string(field);
        defined_.insert(name);
        setup_defined_.insert(name);
    }
}

// A <var> is bound before the first step, so it may use only what exists then.
void Loader::load_var(const pugi::xml_node& node, model::Journey& journey) {
    check_no_children(node);
    if (!check_attributes(node, {"name", "value"}, {"name", "value"})) {
        return;
    }
    const std::string name = node.attribute("name").value();
    const std::string value = node.attribute("value").value();
    if (check_variable_name(node, "name", name) && journey.variables.contains(name)) {
        error(line_of(node, "name"), "variable " + schema::quoted(name) + " is already defined");
    }
    check_template(value, line_of(node, "value"), "<var> value", setup_defined_);
    journey.variables[name] = model::Template{value};
    journey.variable_order.push_back(name);
    defined_.insert(name);
    setup_defined_.insert(name);
}

// A <set> runs when the journey reaches it: before the next step's request.
void Loader::load_set(const pugi::xml_node& node, const Scope& scope) {
    check_no_children(node);
    const bool mock_only = flag(node, "mock-only");
    if (!check_attributes(node, {"var", "value", "mock-only"}, {"var", "value"})) {
        return;
    }
    model::Assignment set;
    set.var = node.attribute("var").value();
    set.value.text = node.attribute("value").value();
    set.mock_only = mock_only || scope.mock_only;
    set.where = where(node);
    set.guards = guards_of(scope);
    check_variable_name(node, "var", set.var);
    check_template(set.value.text, line_of(node, "value"), "<set> value", defined_);
    defined_.insert(set.var);
    pending_sets_.push_back(std::move(set));
}

} // namespace logintest::harness::scenario
