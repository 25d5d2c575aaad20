// EsiaBackchannel: asurso's own small asynchronous HTTP client for its server-to-server calls
// to esia (MOCK-HOST-4: the token exchange of NS-ESIA-11 and /rs/prns), so that esia's
// faults, defects and counters apply to them. It owns one io_context run by one thread of
// its own, never blocks the caller (handlers run on the server's threads) and calls `done`
// exactly once per request, on its thread, with the answer or an error_code (transport
// error, timeout, stopped). One connection per request (Connection: close); HTTP, or HTTPS
// when the base URL says so (MOCK-HOST-5: esia's certificate verified against the mock CA
// for the name of the Host header). Beast and Asio SSL stay in the .cpp.
// Thread-safe. stop() (also run by the destructor) aborts what is in flight (their `done`
// run with operation_aborted) and joins the thread; later requests fail at once.
#pragma once

#include "mocks/common/http_message.hpp"

#include <boost/system/error_code.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::mocks::asurso {

struct BackchannelRequest {
    std::string method = "POST";
    std::string target;                  // path and query, e.g. "/aas/oauth2/v3/te"
    std::string host;                    // the Host header: the authority of <esia>
    std::vector<common::Header> headers; // e.g. Content-Type, Authorization
    std::string body;
};

struct BackchannelResponse {
    boost::system::error_code error; // set: no answer (status 0)
    int status = 0;
    std::vector<common::Header> headers;
    std::string body;

    std::optional<std::string_view> header(std::string_view name) const;
};

class EsiaBackchannel {
public:
    using Done = std::function<void(BackchannelResponse)>;

    // `tls_ca_pem`: the CA that esia's certificate must chain to; empty = the system roots.
    explicit EsiaBackchannel(const std::string& tls_ca_pem = {});
    ~EsiaBackchannel();
    EsiaBackchannel(const EsiaBackchannel&) = delete;
    EsiaBackchannel& operator=(const EsiaBackchannel&) = delete;

    // Sends `request` to `base_url` ("http://127.0.0.2:8080", "https://127.0.0.2:8443";
    // anything else fails with operation_not_supported) and calls `done` within
    // `timeout` (the whole exchange: connect, write, read).
    void send(const std::string& base_url, BackchannelRequest request,
              std::chrono::milliseconds timeout, Done done);

    // Aborts requests in flight and joins the thread. Idempotent.
    void stop();

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

} // namespace logintest::mocks::asurso
