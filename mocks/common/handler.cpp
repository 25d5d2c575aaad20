// Responder and the synchronous-handler adapter (handler.hpp).
#include "mocks/common/handler.hpp"

#include "mocks/common/responses.hpp"

namespace logintest::mocks::common {

Responder& Responder::operator=(Responder&& other) noexcept {
    if (this != &other) {
        answer_dropped();
        impl_ = std::move(other.impl_);
    }
    return *this;
}

Responder::~Responder() {
    answer_dropped();
}

void Responder::operator()(Response response) {
    if (!impl_) {
        return;
    }
    auto impl = std::move(impl_); // disarm first: the callback may destroy this Responder
    impl->call(std::move(response));
}

void Responder::answer_dropped() noexcept {
    if (!impl_) {
        return;
    }
    auto impl = std::move(impl_);
    try {
        impl->call(internal_error());
    } catch (...) {
        // Nothing more can be done for this request.
    }
}

Handler sync(SyncHandler handler) {
    return [handler = std::move(handler)](const Request& req, Responder respond) {
        Response response;
        try {
            response = handler(req);
        } catch (...) {
            response = internal_error(); // a throwing handler answers 500, never escapes
        }
        respond(std::move(response));
    };
}

} // namespace logintest::mocks::common
