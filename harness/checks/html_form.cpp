// The successful controls of an HTML form (see html_form.hpp).
#include "harness/checks/html_form.hpp"

#include "harness/checks/html_document.hpp"
#include "harness/http/url.hpp"
#include "support/text/strings.hpp"

#include <algorithm>

namespace logintest::harness::checks {
namespace {

// The raw text of an element (an <option>'s or <textarea>'s content).
std::string raw_text(const pugi::xml_node& node) {
    std::string out;
    for (const pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            out += child.value();
        } else if (child.type() == pugi::node_element) {
            out += raw_text(child);
        }
    }
    return out;
}

// An option's value: its value attribute, else its text (whitespace collapsed).
std::string option_value(const pugi::xml_node& option) {
    if (const auto value = option.attribute("value")) {
        return value.value();
    }
    return node_text(pugi::xpath_node(option));
}

std::string select_value(const pugi::xml_node& select, bool& has_value) {
    pugi::xml_node first;
    for (const pugi::xpath_node& found : select.select_nodes(".//option")) {
        const pugi::xml_node option = found.node();
        if (option.attribute("disabled")) {
            continue;
        }
        if (!first) {
            first = option;
        }
        if (option.attribute("selected")) {
            has_value = true;
            return option_value(option);
        }
    }
    has_value = static_cast<bool>(first);
    return first ? option_value(first) : std::string();
}

void add(FormValues& form, std::string name, std::string value) {
    const bool seen = std::any_of(form.fields.begin(), form.fields.end(),
                                  [&](const auto& field) { return field.first == name; });
    if (!seen) {
        form.fields.emplace_back(std::move(name), std::move(value));
    }
}

} // namespace

FormValues read_form(const pugi::xml_document& doc, const std::string& xpath,
                     const std::string& page_url) {
    FormValues form;
    pugi::xml_node node;
    try {
        const pugi::xpath_query query(xpath.c_str());
        if (query.return_type() != pugi::xpath_type_node_set) {
            form.error = "XPath " + xpath + " does not select a node";
            return form;
        }
        node = query.evaluate_node_set(doc).first().node();
    } catch (const pugi::xpath_exception& e) {
        form.error = "bad XPath '" + xpath + "': " + e.result().description();
        return form;
    } catch (const std::exception& e) {
        form.error = "XPath '" + xpath + "' failed: " + e.what();
        return form;
    }
    if (!node) {
        form.error = "no form matches " + xpath;
        return form;
    }
    if (std::string_view(node.name()) != "form") {
        form.error = xpath + " selects <" + node.name() + ">, not a <form>";
        return form;
    }
    form.method = support::to_upper(node.attribute("method").value());
    if (form.method.empty()) {
        form.method = "GET";
    }
    const std::string action = node.attribute("action").value();
    if (action.empty()) {
        form.action = page_url;
    } else if (auto resolved = http::resolve_url(page_url, action)) {
        form.action = std::move(*resolved);
    } else {
        form.action = action;
    }
    for (const pugi::xpath_node& found : node.select_nodes(".//input|.//select|.//textarea")) {
        const pugi::xml_node control = found.node();
        const std::string name = control.attribute("name").value();
        if (name.empty() || control.attribute("disabled")) {
            continue;
        }
        const std::string_view tag = control.name();
        if (tag == "select") {
            bool has_value = false;
            std::string value = select_value(control, has_value);
            if (has_value) {
                add(form, name, std::move(value));
            }
        } else if (tag == "textarea") {
            add(form, name, raw_text(control));
        } else {
            const std::string type = support::to_lower(control.attribute("type").value());
            if (type == "checkbox" || type == "radio") {
                if (control.attribute("checked")) {
                    const auto value = control.attribute("value");
                    add(form, name, value ? value.value() : "on");
                }
            } else if (type == "submit" || type == "reset" || type == "button" || type == "image" ||
                       type == "file") {
                continue;
            } else {
                add(form, name, control.attribute("value").value());
            }
        }
    }
    return form;
}

} // namespace logintest::harness::checks
