// How a mock handler answers: it gets the Request and a Responder, a move-only callable it
// must invoke exactly once with the Response, now or later from any thread (an async handler
// keeps the Responder while it waits for, say, a server-to-server call). A Responder that is
// destroyed without being invoked answers 500, so a dropped or throwing handler never leaves
// a connection hanging. A second invocation is ignored. `sync()` adapts a plain
// `Response(const Request&)` function. The Request stays valid until the Responder is invoked.
#pragma once

#include "mocks/common/http_message.hpp"

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace logintest::mocks::common {

class Responder {
public:
    Responder() = default;
    template <class F>
    requires(!std::is_same_v<std::decay_t<F>, Responder>) explicit Responder(F callback)
        : impl_(std::make_unique<Model<F>>(std::move(callback))) {}
    Responder(Responder&&) noexcept = default;
    Responder& operator=(Responder&& other) noexcept;
    Responder(const Responder&) = delete;
    Responder& operator=(const Responder&) = delete;
    ~Responder(); // answers 500 if still armed

    // Delivers the response; only the first call has an effect.
    void operator()(Response response);
    // True until invoked (or moved from).
    explicit operator bool() const { return impl_ != nullptr; }

private:
    struct Concept {
        virtual ~Concept() = default;
        virtual void call(Response response) = 0;
    };
    template <class F> struct Model final : Concept {
        explicit Model(F f) : fn(std::move(f)) {}
        void call(Response response) override { fn(std::move(response)); }
        F fn;
    };
    void answer_dropped() noexcept;
    std::unique_ptr<Concept> impl_;
};

// A route handler; it must complete `respond` exactly once.
using Handler = std::function<void(const Request&, Responder)>;

// A handler that answers synchronously.
using SyncHandler = std::function<Response(const Request&)>;

// Adapts a synchronous handler to Handler; a handler that throws answers 500.
Handler sync(SyncHandler handler);

} // namespace logintest::mocks::common
