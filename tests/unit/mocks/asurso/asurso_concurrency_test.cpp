// MOCK-HOST-7 on the asurso host: single-use salts and exact lockout counters when many
// threads hit the app at once (the server may run several threads).
#include "asurso_test_support.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace logintest::mocks::testing {
namespace {

std::vector<common::Header> cookie_header(const Client& c) {
    return {{"Cookie", "NSSESSIONID=" + c.cookies.at("NSSESSIONID")},
            {"Content-Type", "application/x-www-form-urlencoded"}};
}

TEST(AsursoConcurrency, AReplayedSaltIsAcceptedOnceUnderAnyInterleaving) {
    auto app = make_asurso();
    Client client(*app);
    const auto body =
        form_encode(Client::login_fields(client.getdata(), "ИвановИ", "Qwe123!z", 2436));
    const auto headers = cookie_header(client);
    std::atomic<int> ok{0};
    std::atomic<int> stale{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            const Response r =
                call(*app, common::make_request("POST", "/webapi/login", headers, body));
            (r.status == 200 ? ok : stale)++;
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    EXPECT_EQ(ok.load(), 1);
    EXPECT_EQ(stale.load(), 7);
    EXPECT_EQ(app->state().counters.event("logins_stale_salt"), 7);
}

TEST(AsursoConcurrency, ConcurrentWrongPasswordsLockExactlyOnce) {
    auto app = make_asurso();
    constexpr int attempts = 16;
    std::vector<std::unique_ptr<Client>> clients;
    std::vector<std::string> bodies;
    for (int i = 0; i < attempts; ++i) {
        clients.push_back(std::make_unique<Client>(*app));
        bodies.push_back(
            form_encode(Client::login_fields(clients.back()->getdata(), "ВолковС", "wrong", 107)));
    }
    std::atomic<int> wrong{0};
    std::atomic<int> locked{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < attempts; ++i) {
        threads.emplace_back([&, i] {
            const Response r =
                call(*app, common::make_request("POST", "/webapi/login", cookie_header(*clients[i]),
                                                bodies[i]));
            (r.body.find("заблокирована") != std::string::npos ? locked : wrong)++;
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    // NS-PWD-15: exactly five attempts are counted wrong, the fifth locks, the rest are refused.
    EXPECT_EQ(wrong.load(), 5);
    EXPECT_EQ(locked.load(), attempts - 5);
    EXPECT_EQ(app->state().counters.event("lockouts"), 1);
    EXPECT_EQ(app->state().users.find(107, "ВолковС")->failed_count, 5);
}

} // namespace
} // namespace logintest::mocks::testing
