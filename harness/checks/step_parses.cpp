// The per-step parses of checks and extractors (see step_parses.hpp).
#include "harness/checks/step_parses.hpp"

#include "harness/checks/html_document.hpp"

#include <boost/json.hpp>

namespace logintest::harness::checks {

// The parses of one text. JSON goes into a monotonic resource: one or two blocks for the
// whole document instead of one allocation per member, all freed with the step.
struct StepParses::Parsed {
    std::string text; // the `of` text this slot holds (empty for the body slot)
    boost::json::monotonic_resource memory;
    bool json_done = false;
    std::optional<boost::json::value> value; // nullopt: not JSON
    std::unique_ptr<pugi::xml_document> html;
};

StepParses::StepParses() = default;
StepParses::~StepParses() = default;

StepParses::Parsed& StepParses::slot(const std::string& text, TextSource source) {
    if (source == TextSource::body) {
        if (!body_) {
            body_ = std::make_unique<Parsed>();
        }
        return *body_;
    }
    // Consecutive checks of a step often read the same `of` text (several claims of one
    // id_token): keep the last one.
    if (!of_ || of_->text != text) {
        of_ = std::make_unique<Parsed>();
        of_->text = text;
    }
    return *of_;
}

const boost::json::value* StepParses::json(const std::string& text, TextSource source) {
    Parsed& parsed = slot(text, source);
    if (!parsed.json_done) {
        std::error_code ec;
        boost::json::value value = boost::json::parse(text, ec, &parsed.memory);
        if (!ec) {
            parsed.value.emplace(std::move(value));
        }
        parsed.json_done = true;
    }
    return parsed.value ? &*parsed.value : nullptr;
}

const pugi::xml_document& StepParses::html(const std::string& text, TextSource source) {
    Parsed& parsed = slot(text, source);
    if (!parsed.html) {
        parsed.html = std::make_unique<pugi::xml_document>(parse_html(text));
    }
    return *parsed.html;
}

const std::optional<http::UrlParts>& StepParses::final_url(const std::string& url) {
    if (!url_parsed_) {
        url_ = http::parse_url(url);
        url_parsed_ = true;
    }
    return url_;
}

} // namespace logintest::harness::checks
