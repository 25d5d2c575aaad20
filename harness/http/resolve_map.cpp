// ResolveMap: parsing curl-style `host:port:address` entries and looking them up.
#include "harness/http/resolve_map.hpp"

#include "support/text/strings.hpp"

#include <boost/url/ipv4_address.hpp>
#include <boost/url/ipv6_address.hpp>

#include <charconv>

namespace logintest::harness::http {

namespace {

std::string_view strip_brackets(std::string_view s) {
    if (s.size() >= 2 && s.front() == '[' && s.back() == ']') {
        return s.substr(1, s.size() - 2);
    }
    return s;
}

// Splits off the first field of `rest` up to ':', honouring a bracketed IPv6 literal.
std::optional<std::string_view> take_field(std::string_view& rest) {
    std::size_t end = 0;
    if (!rest.empty() && rest.front() == '[') {
        end = rest.find(']');
        if (end == std::string_view::npos) {
            return std::nullopt;
        }
        ++end;
    }
    end = rest.find(':', end);
    if (end == std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view field = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    return field;
}

bool is_ip_literal(std::string_view s) {
    return boost::urls::parse_ipv4_address(s).has_value() ||
           boost::urls::parse_ipv6_address(s).has_value();
}

} // namespace

std::string ResolveMap::add(std::string_view entry) {
    const std::string quoted = "'" + std::string(entry) + "'";
    std::string_view rest = entry;
    auto host = take_field(rest);
    auto port_text = host ? take_field(rest) : std::nullopt;
    if (!host || !port_text) {
        return "malformed --resolve entry " + quoted + ": expected host:port:address";
    }
    std::string_view host_name = strip_brackets(*host);
    if (host_name.empty()) {
        return "malformed --resolve entry " + quoted + ": empty host";
    }
    unsigned port = 0;
    auto [end, ec] =
        std::from_chars(port_text->data(), port_text->data() + port_text->size(), port);
    if (ec != std::errc() || end != port_text->data() + port_text->size() || port == 0 ||
        port > 65535) {
        return "malformed --resolve entry " + quoted + ": port must be 1-65535";
    }
    std::string_view address = strip_brackets(rest);
    if (address.empty()) {
        return "malformed --resolve entry " + quoted + ": empty address";
    }
    if (!is_ip_literal(address)) {
        return "malformed --resolve entry " + quoted + ": '" + std::string(address) +
               "' is not an IPv4 or IPv6 address";
    }
    add(std::string(host_name), static_cast<std::uint16_t>(port), std::string(address));
    return {};
}

void ResolveMap::add(const std::string& host, std::uint16_t port, std::string address) {
    entries_[{support::to_lower(host), port}] = std::move(address);
}

std::optional<std::string> ResolveMap::lookup(std::string_view host, std::uint16_t port) const {
    auto it = entries_.find({support::to_lower(strip_brackets(host)), port});
    if (it == entries_.end()) {
        return std::nullopt;
    }
    return it->second;
}

} // namespace logintest::harness::http
