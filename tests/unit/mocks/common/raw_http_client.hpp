// A blocking test client for the mock servers over real sockets, plain or TLS (verifying the
// server with a CA file and a host name). It sends raw bytes and reads either one parsed
// response or everything up to the close, and tells a reset from an orderly close, so fault
// tests can see what the wire carried. Test code only; one client per thread.
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include <openssl/ssl.h>

#include <chrono>
#include <optional>
#include <string>

namespace logintest::mocks::testing {

namespace net = boost::asio;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;

// What one request got back.
struct RawResult {
    http::response<http::string_body> response; // result 0 if none could be parsed
    boost::system::error_code error;            // the read error, if any
    double elapsed_ms = 0;
};

class RawHttpClient {
public:
    RawHttpClient(const std::string& address, std::uint16_t port) : socket_(ioc_) {
        socket_.connect(tcp::endpoint(net::ip::make_address(address), port));
    }

    void send(const std::string& bytes) { net::write(socket_, net::buffer(bytes)); }

    // Sends a request and reads one response.
    RawResult request(const std::string& method, const std::string& target,
                      const std::string& body = {}, const std::string& host = "asurso.ru") {
        const auto start = std::chrono::steady_clock::now();
        std::string text = method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
        if (!body.empty() || method == "POST" || method == "PUT") {
            text +=
                "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                "\r\n";
        }
        text += "\r\n" + body;
        send(text);
        RawResult result;
        http::read(socket_, buffer_, result.response, result.error);
        if (result.error) {
            result.response = {};
            result.response.result(0u);
        }
        result.elapsed_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        return result;
    }

    // Everything the server sends until it closes; `error` is eof for an orderly close and
    // connection_reset for a reset.
    std::string read_to_close(boost::system::error_code& error) {
        std::string out(static_cast<const char*>(buffer_.data().data()), buffer_.size());
        buffer_.clear();
        char chunk[4096];
        for (;;) {
            const std::size_t n = socket_.read_some(net::buffer(chunk), error);
            out.append(chunk, n);
            if (error) {
                return out;
            }
        }
    }

    tcp::socket& socket() { return socket_; }

private:
    net::io_context ioc_;
    tcp::socket socket_;
    boost::beast::flat_buffer buffer_;
};

// One HTTPS GET, verifying the server certificate against `ca_file` for `host_name` (also
// sent as SNI). Returns the response, or nullopt with `error` set (handshake failures too).
inline std::optional<http::response<http::string_body>>
https_get(const std::string& address, std::uint16_t port, const std::string& host_name,
          const std::string& ca_file, const std::string& target, std::string& error) {
    net::io_context ioc;
    net::ssl::context ctx(net::ssl::context::tls_client);
    boost::system::error_code ec;
    ctx.load_verify_file(ca_file, ec);
    if (ec) {
        error = "load_verify_file: " + ec.message();
        return std::nullopt;
    }
    ctx.set_verify_mode(net::ssl::verify_peer);
    net::ssl::stream<tcp::socket> stream(ioc, ctx);
    stream.set_verify_callback(net::ssl::host_name_verification(host_name));
    SSL_set_tlsext_host_name(stream.native_handle(), host_name.c_str());
    stream.next_layer().connect(tcp::endpoint(net::ip::make_address(address), port), ec);
    if (!ec) {
        stream.handshake(net::ssl::stream_base::client, ec);
    }
    if (ec) {
        error = "handshake: " + ec.message();
        return std::nullopt;
    }
    const std::string request =
        "GET " + target + " HTTP/1.1\r\nHost: " + host_name + "\r\nConnection: close\r\n\r\n";
    net::write(stream, net::buffer(request), ec);
    boost::beast::flat_buffer buffer;
    http::response<http::string_body> res;
    if (!ec) {
        http::read(stream, buffer, res, ec);
    }
    if (ec) {
        error = "request: " + ec.message();
        return std::nullopt;
    }
    return res;
}

} // namespace logintest::mocks::testing
