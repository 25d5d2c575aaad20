// Learning secret values from the wire: every value a fetch carried under a secret name (see
// redaction::is_secret_name) is registered with the journey's SecretScrubber, so it is masked
// wherever it shows up later, under any name or none (a token echoed in an expected value, a
// code inside a redirect URL in a JSON string). Learnt, per exchange: the request's secret
// query and form parameters, Cookie values and Authorization; the answer's Set-Cookie values,
// the secret query parameters of its Location, and in a JSON body every string under a
// secret key and every secret query parameter of a URL held in a string. Called by the step
// runner after every fetch (check and load alike), before the extracts and checks.
#pragma once

#include "harness/checks/evaluate.hpp"
#include "harness/engine/secret_scrubber.hpp"

namespace logintest::harness::engine {

// The final answer's JSON body is read through the view's parse (checks::StepParses), so it is
// parsed once for the step whether checks read it or not.
void learn_secrets(const checks::StepView& view, SecretScrubber& scrubber);

} // namespace logintest::harness::engine
