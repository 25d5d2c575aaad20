// Target guard: a load tester that can be pointed at the real Gosuslugi by accident is a
// liability, so load goes only to loopback addresses (127.0.0.0/8, and ::1) unless the user
// names the host with --allow-target. Each base URL's host is mapped as the client would map
// it (the --resolve map first, then an IP literal, then DNS), and every address it may reach
// is checked. Called once before a run; blocking (DNS).
#pragma once

#include "harness/http/resolve_map.hpp"

#include <string>
#include <vector>

namespace logintest::harness::load {

// Empty when every base URL may be loaded; else why not, and what to add to allow it.
std::string check_load_target(const std::vector<std::string>& base_urls,
                              const http::ResolveMap& resolve,
                              const std::vector<std::string>& allowed_hosts);

// True for 127.0.0.0/8 and ::1 (also ::ffff:127.x.x.x).
bool is_loopback_address(const std::string& address);

} // namespace logintest::harness::load
