// The SMS outbox (sms_outbox.hpp).
#include "mocks/esia/sms_outbox.hpp"

#include "mocks/esia/identifiers.hpp"

#include <algorithm>

namespace logintest::mocks::esia {

bool record_sms(EsiaState& state, const std::string& phone, const std::string& code) {
    const auto now = state.now();
    // Kept at least as long as the code is valid, and an hour for inspection.
    const auto ttl = std::chrono::seconds(std::max<long long>(state.config.otp.ttl_s, 3600));
    SmsRecord record{phone, code, now};
    const bool replaced = state.sms
                              .with(phone, now,
                                    [&](SmsRecord& r, TimePoint& expires_at) {
                                        r = record;
                                        expires_at = now + ttl;
                                    })
                              .has_value();
    if (replaced) {
        return true;
    }
    const auto result = state.sms.insert(phone, record, now + ttl, now);
    if (result == SmsOutbox::Insert::exists) { // raced with another sender: last one wins
        state.sms.with(phone, now, [&](SmsRecord& r, TimePoint&) { r = record; });
        return true;
    }
    return result == SmsOutbox::Insert::inserted;
}

std::optional<SmsRecord> last_sms(EsiaState& state, std::string_view phone) {
    const auto canonical = normalise_phone(phone);
    if (!canonical) {
        return std::nullopt;
    }
    return state.sms.get(*canonical, state.now());
}

} // namespace logintest::mocks::esia
