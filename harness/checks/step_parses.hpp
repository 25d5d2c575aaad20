// StepParses: what the checks and extractors of one step parse, parsed once and kept for the
// step: the final body as JSON and as an HTML document, the last `of` text likewise, and the
// final URL's parts. Owned by checks::StepView (one per step, built by the engine), filled
// lazily on first use, so a step with fifteen JSON checks parses its body once and a step
// without body checks parses nothing. Not thread-safe; the step's answer must not change
// while it lives (the documents and the pointers into them stay valid until then).
#pragma once

#include "harness/http/url.hpp"

#include <boost/json/fwd.hpp>

#include <memory>
#include <optional>
#include <string>

namespace pugi {
class xml_document;
} // namespace pugi

namespace logintest::harness::checks {

// Which text is parsed: the final answer's body, or the `of` text of a check or extract.
enum class TextSource { body, of };

class StepParses {
public:
    StepParses();
    ~StepParses();
    StepParses(const StepParses&) = delete;
    StepParses& operator=(const StepParses&) = delete;

    // The JSON value of `text`, or nullptr when it is not JSON.
    [[nodiscard]] const boost::json::value* json(const std::string& text, TextSource source);
    // The HTML5 parse of `text` (harness/checks/html_document.hpp); any text gives one.
    const pugi::xml_document& html(const std::string& text, TextSource source);
    // The parts of `url` (the step's final URL); nullopt when it is not an absolute URL.
    const std::optional<http::UrlParts>& final_url(const std::string& url);

private:
    struct Parsed;
    Parsed& slot(const std::string& text, TextSource source);

    std::unique_ptr<Parsed> body_; // created on first use
    std::unique_ptr<Parsed> of_;
    bool url_parsed_ = false;
    std::optional<http::UrlParts> url_;
};

} // namespace logintest::harness::checks
