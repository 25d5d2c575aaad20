// GEN-9 parameter checks (webapi_params.hpp).
#include "mocks/asurso/webapi_params.hpp"

#include "mocks/asurso/texts.hpp"
#include "mocks/common/responses.hpp"

namespace logintest::mocks::asurso {
namespace {

std::optional<common::Params> checked(std::string_view encoded,
                                      std::initializer_list<std::string_view> once) {
    auto parsed = common::parse_params(encoded); // GEN-3
    if (!parsed || parsed->any_repeated(once)) {
        return std::nullopt; // GEN-9
    }
    return std::move(*parsed);
}

} // namespace

std::optional<common::Params> query_params(const common::Request& req,
                                           std::initializer_list<std::string_view> once) {
    return checked(req.query, once);
}

std::optional<common::Params> form_params(const common::Request& req,
                                          std::initializer_list<std::string_view> once) {
    const bool typed = req.header("content-type").has_value();
    if (typed || !req.body.empty()) {
        if (req.media_type() != "application/x-www-form-urlencoded") {
            return std::nullopt; // GEN-9: e.g. JSON sent to a form endpoint
        }
    }
    return checked(req.body, once);
}

common::Response bad_request() {
    return common::message(400, texts::bad_request);
}

} // namespace logintest::mocks::asurso
