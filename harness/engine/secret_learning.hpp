// Learning secret values from the wire: every value a fetch carried under a secret name (see
// redaction::is_secret_name) is registered with the journey's SecretScrubber, so it is masked
// wherever it shows up later, under any name or none (a token echoed in an expected value, a
// code inside a redirect URL in a JSON string). Learnt, per exchange: the request's secret
// query and form parameters, Cookie values and Authorization; the answer's Set-Cookie values,
// the secret query parameters of its Location, and in a JSON body every string under a
// secret key and every secret query parameter of a URL held in a string. Called by the step
// runner after every fetch (check and load alike); pure apart from the scrubber.
#pragma once

#include "harness/engine/secret_scrubber.hpp"
#include "harness/http/message.hpp"

namespace logintest::harness::engine {

void learn_secrets(const http::FetchResult& fetch, SecretScrubber& scrubber);

} // namespace logintest::harness::engine
