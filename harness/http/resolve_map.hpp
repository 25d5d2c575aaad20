// ResolveMap: curl-style `--resolve host:port:address` overrides, consulted by the client
// before DNS. Used to point the public names (asurso.ru, esia.gosuslugi.ru) at loopback
// mock addresses while the Host header and TLS SNI keep the public name. Read-only after
// set-up; safe to share between threads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace logintest::harness::http {

class ResolveMap {
public:
    // Adds "host:port:address" (IPv6 addresses may be written in brackets). Returns an
    // error message for a malformed entry, empty on success.
    std::string add(std::string_view entry);
    void add(const std::string& host, std::uint16_t port, std::string address);

    // The address for host:port, if overridden. Host names compare case-insensitively.
    std::optional<std::string> lookup(std::string_view host, std::uint16_t port) const;

    bool empty() const { return entries_.empty(); }

private:
    std::map<std::pair<std::string, std::uint16_t>, std::string> entries_;
};

} // namespace logintest::harness::http
