// The network transport of a Session (transport.hpp): at most one keep-alive connection per
// scheme+host+port, plain or TLS (SNI, host name verification, the TLS session of the last
// connection resumed per origin), connect and request timeouts, failures as model::Outcome
// values. The only Beast code of the client, compiled in network_transport.cpp. One per
// Session, on its executor; not thread-safe.
#pragma once

#include "harness/http/transport.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <memory>
#include <string>

namespace logintest::harness::http {

class ClientContext;

// A transport over the network for one Session; `context` must outlive it.
std::unique_ptr<Transport> make_network_transport(boost::asio::any_io_executor executor,
                                                  const ClientContext& context);

// "host:port" of a URL, an IPv6 host in brackets (messages, connection keys, Host headers).
std::string host_port(const UrlParts& url);

} // namespace logintest::harness::http
