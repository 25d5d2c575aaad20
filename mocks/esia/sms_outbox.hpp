// The SMS outbox (MOCK-CP-9): every code esia "sends" (ESIA-LOGIN-20, -17a) is recorded by
// canonical phone, the last one per phone, so the tester can read it with
// `GET /mock/esia/sms?phone=`. Entries expire (MOCK-CAP-1). Thread-safe over EsiaState.
#pragma once

#include "mocks/esia/esia_state.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace logintest::mocks::esia {

// Records `code` as the last SMS to `phone`; false when the outbox is full (answer 503).
bool record_sms(EsiaState& state, const std::string& phone, const std::string& code);

// The last SMS to this phone, in any form ESIA-LOGIN-11 accepts.
std::optional<SmsRecord> last_sms(EsiaState& state, std::string_view phone);

} // namespace logintest::mocks::esia
