// MemoryTransport: an in-memory http::Transport for tests, the way Beast tests with its
// test::stream. It answers scripted responses per host and path (the query is ignored), or a
// scripted transport error, and keeps every request as the client sent it (Cookie, Host and
// the other client headers included). Give it to ClientContext::create and every Session of
// that context (the engine's too) exchanges through it, without sockets or threads. An
// unscripted host/path answers 404. Single-threaded; header-only.
#pragma once

#include "harness/http/client.hpp"
#include "harness/http/transport.hpp"

#include <boost/asio/awaitable.hpp>

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace logintest::tests {

class MemoryTransport final : public harness::http::Transport {
public:
    using Response = harness::http::Response;
    using TransportError = harness::http::TransportError;

    // One scripted reply: an answer, or a transport error.
    struct Reply {
        Response response;
        std::optional<TransportError> error;
    };

    // Replies for host/path are given in order; the last one repeats.
    void answer(const std::string& host, const std::string& path, Response response) {
        replies_[{host, path}].push_back({std::move(response), std::nullopt});
    }
    void answer(const std::string& host, const std::string& path, int status, std::string body = {},
                std::vector<harness::http::Header> headers = {}) {
        Response response;
        response.status = status;
        response.headers = std::move(headers);
        response.body = std::move(body);
        answer(host, path, std::move(response));
    }
    void fail(const std::string& host, const std::string& path, harness::model::Outcome outcome,
              std::string message) {
        replies_[{host, path}].push_back({{}, TransportError{outcome, std::move(message), 0}});
    }

    // Every request exchanged, in order, with the URL it went to.
    const std::vector<harness::http::Request>& requests() const { return requests_; }

    boost::asio::awaitable<std::optional<TransportError>>
    exchange(const harness::http::UrlParts& url, const harness::http::Request& request,
             Response& out) override {
        requests_.push_back(request);
        auto found = replies_.find({url.host, url.path});
        if (found == replies_.end() || found->second.empty()) {
            out = Response{};
            out.status = 404;
            co_return std::nullopt;
        }
        std::deque<Reply>& queue = found->second;
        const Reply reply = queue.front();
        if (queue.size() > 1) {
            queue.pop_front();
        }
        if (reply.error) {
            co_return reply.error;
        }
        out = reply.response;
        co_return std::nullopt;
    }

private:
    std::map<std::pair<std::string, std::string>, std::deque<Reply>> replies_;
    std::vector<harness::http::Request> requests_;
};

} // namespace logintest::tests
