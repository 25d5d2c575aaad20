// Internal to harness/http: the Asio SSL context a ClientContext owns (set up in client.cpp,
// used by the network transport). Read-only after the ClientContext is made.
#pragma once

#include "harness/http/client.hpp"

#include <boost/asio/ssl/context.hpp>

namespace logintest::harness::http {

struct ClientContext::Tls {
    boost::asio::ssl::context ssl{boost::asio::ssl::context::tls_client};
};

} // namespace logintest::harness::http
