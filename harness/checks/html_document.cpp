// gumbo HTML5 tree -> pugixml document, copied iteratively (no recursion on deep pages), and
// the XPath helpers of html_document.hpp.
#include "harness/checks/html_document.hpp"

#include <gumbo.h>

#include <cmath>
#include <memory>
#include <utility>
#include <vector>

namespace logintest::harness::checks {
namespace {

struct GumboDeleter {
    void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};

std::string tag_name(const GumboElement& element) {
    if (element.tag != GUMBO_TAG_UNKNOWN) {
        return gumbo_normalized_tagname(element.tag);
    }
    GumboStringPiece original = element.original_tag;
    gumbo_tag_from_original_text(&original);
    std::string name(original.data, original.length);
    for (char& c : name) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return name.empty() ? std::string("unknown") : name;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    bool pending_space = false;
    for (const char c : text) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        out += c;
    }
    return out;
}

void append_text(const pugi::xml_node& node, std::string& out) {
    for (const pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            out += child.value();
        } else if (child.type() == pugi::node_element) {
            append_text(child, out);
        }
    }
}

} // namespace

pugi::xml_document parse_html(std::string_view html) {
    pugi::xml_document doc;
    const std::unique_ptr<GumboOutput, GumboDeleter> output(
        gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
    if (!output) {
        doc.append_child("html");
        return doc;
    }
    std::vector<std::pair<const GumboNode*, pugi::xml_node>> pending;
    pending.emplace_back(output->root, doc);
    while (!pending.empty()) {
        auto [node, parent] = pending.back();
        pending.pop_back();
        switch (node->type) {
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
            const GumboElement& element = node->v.element;
            pugi::xml_node out = parent.append_child(tag_name(element).c_str());
            for (unsigned i = 0; i < element.attributes.length; ++i) {
                const auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
                out.append_attribute(attr->name).set_value(attr->value);
            }
            // Pushed in reverse so children are appended in document order.
            for (unsigned i = element.children.length; i > 0; --i) {
                pending.emplace_back(static_cast<const GumboNode*>(element.children.data[i - 1]),
                                     out);
            }
            break;
        }
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA:
            parent.append_child(pugi::node_pcdata).set_value(node->v.text.text);
            break;
        case GUMBO_NODE_COMMENT:
            parent.append_child(pugi::node_comment).set_value(node->v.text.text);
            break;
        case GUMBO_NODE_DOCUMENT:
            for (unsigned i = node->v.document.children.length; i > 0; --i) {
                pending.emplace_back(
                    static_cast<const GumboNode*>(node->v.document.children.data[i - 1]), parent);
            }
            break;
        }
    }
    return doc;
}

std::string node_text(const pugi::xpath_node& node) {
    if (node.attribute()) {
        return node.attribute().value();
    }
    std::string text;
    const pugi::xml_node n = node.node();
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
        text = n.value();
    } else {
        append_text(n, text);
    }
    return collapse_whitespace(text);
}

XPathValue evaluate_xpath(const pugi::xml_document& doc, const std::string& xpath) {
    XPathValue result;
    try {
        const pugi::xpath_query query(xpath.c_str());
        switch (query.return_type()) {
        case pugi::xpath_type_node_set: {
            const pugi::xpath_node first = query.evaluate_node_set(doc).first();
            if (first) {
                result.text = node_text(first);
            }
            break;
        }
        case pugi::xpath_type_number: {
            const double n = query.evaluate_number(doc);
            if (std::isfinite(n) && n == std::floor(n) && std::fabs(n) < 1e15) {
                result.text = std::to_string(static_cast<long long>(n));
            } else {
                result.text = std::to_string(n);
            }
            break;
        }
        case pugi::xpath_type_boolean:
            result.text = query.evaluate_boolean(doc) ? "true" : "false";
            break;
        default:
            result.text = query.evaluate_string(doc);
            break;
        }
    } catch (const pugi::xpath_exception& e) {
        result.error = std::string("bad XPath '") + xpath + "': " + e.result().description();
    } catch (const std::exception& e) {
        result.error = std::string("XPath '") + xpath + "' failed: " + e.what();
    }
    return result;
}

} // namespace logintest::harness::checks
