// The per-client state of the esia host, each kind in its own MOCK-CAP-1 store (expiring,
// capped, never evicting live entries): ESIA sessions (the `ESIA_SESSION` cookie, with the
// pending authorization of ESIA-AC-5, the authentication of ESIA-LOGIN-8, the SMS-code
// transaction of ESIA-LOGIN-20 and the captcha gates of ESIA-LOGIN-16), authorization codes
// (ESIA-TE-4), captchas (ESIA-LOGIN-17), the SMS outbox (MOCK-CP-9) and refresh tokens
// (ESIA-TE-8). Plain data; the stores lock internally. Lock order inside the host: sessions,
// then captchas, then accounts, then codes / outbox; no store is entered from inside a later
// one.
#pragma once

#include "mocks/common/expiring_store.hpp"
#include "mocks/esia/esia_config.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace logintest::mocks::esia {

using TimePoint = std::chrono::system_clock::time_point;

// Who authenticated, and when (ESIA-LOGIN-8; the `auth_time` of ESIA-JWT-3).
struct Subject {
    std::int64_t oid = 0;
    TimePoint auth_time{};
};

// ESIA-AC-5: {client_id, redirect_uri, scope, state, access_type, created}.
struct PendingAuthorization {
    std::string client_id;
    std::string redirect_uri;
    std::string scope; // as received (space-separated)
    std::string state;
    std::string access_type;
    TimePoint created{};
    // The authentication that serves this authorization while consent is asked
    // (ESIA-LOGIN-24) or when it came from a foreign computer (ESIA-LOGIN-8).
    std::optional<Subject> subject;
};

// ESIA-LOGIN-20, -21: the login transaction waiting for an SMS code.
struct OtpTransaction {
    std::int64_t oid = 0;
    std::string code;
    std::string phone; // canonical
    TimePoint sent_at{};
    int attempts_left = 3;
    bool foreign_computer = false;
};

// ESIA-LOGIN-16: the captcha this session must solve before a password check of `oid`.
struct CaptchaGate {
    std::int64_t oid = 0;
    std::string guid;
};

struct EsiaSession {
    std::string sid; // `urn:esia:sid` (ESIA-JWT-3): a UUID kept across cookie rotation
    std::optional<PendingAuthorization> pending;
    std::optional<Subject> authenticated; // single sign-on (ESIA-AC-6)
    std::optional<OtpTransaction> otp;
    std::vector<CaptchaGate> captchas;
};

// ESIA-LOGIN-7 (3): a code bound to {client_id, redirect_uri, scope, oid, auth_time}.
struct IssuedCode {
    std::string client_id;
    std::string redirect_uri;
    std::string scope;
    std::int64_t oid = 0;
    TimePoint auth_time{};
    std::string sid;
    TimePoint issued_at{};
    bool consumed = false; // ESIA-TE-3: kept until it expires, never redeemed again
};

// ESIA-LOGIN-17 / -17a: a captcha (or SMS anomaly reaction) and who may solve it.
struct Captcha {
    std::string answer; // 6 digits
    std::string sid;    // the session that was challenged
    std::int64_t oid = 0;
    bool solved = false;
    bool sms = false; // ESIA-LOGIN-17a
    // ESIA-LOGIN-17a: the login that waits for the reaction, run again once it is solved.
    std::string login, password, id_type;
    bool foreign_computer = false;
    bool has_login = false;
};

// MOCK-CP-9: the last SMS sent to a phone.
struct SmsRecord {
    std::string phone; // canonical
    std::string code;
    TimePoint sent_at{};
};

// ESIA-TE-8: what a refresh token may renew.
struct RefreshGrant {
    std::string client_id;
    std::string redirect_uri;
    std::string scope;
    std::int64_t oid = 0;
    TimePoint auth_time{};
    std::string sid;
};

using SessionStore = common::ExpiringStore<std::string, EsiaSession>;
using CodeStore = common::ExpiringStore<std::string, IssuedCode>;
using CaptchaStore = common::ExpiringStore<std::string, Captcha>;
using SmsOutbox = common::ExpiringStore<std::string, SmsRecord>;
using RefreshStore = common::ExpiringStore<std::string, RefreshGrant>;

// ESIA-AC-5, ESIA-LOGIN-3: the session holds a pending authorization younger than
// `esia.pending_auth_ttl_s`.
bool has_valid_pending(const EsiaSession& session, const EsiaConfig& config, TimePoint now);

} // namespace logintest::mocks::esia
