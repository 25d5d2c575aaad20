// Load policy: the open files a run needs (peak users x hosts a user talks to, doubled for an
// embedded mock) and the "target unreachable" decision (exit 4): every journey errored without
// a request, and only with errors of not reaching the target.
#include "harness/load/load_policy.hpp"

#include "harness/load/fd_limit.hpp"

#include <gtest/gtest.h>

namespace logintest::harness::load {
namespace {

using model::ErrorKind;

model::Journey journey_with_urls(std::vector<std::string> urls,
                                 model::Follow follow = model::Follow::none) {
    model::Journey j;
    j.name = "j";
    for (auto& url : urls) {
        model::Step s;
        s.name = "s";
        s.url.text = std::move(url);
        s.follow = follow;
        j.steps.push_back(std::move(s));
    }
    return j;
}

TEST(LoadPolicy, PeakUsersAreTheClosedModelsUsers) {
    model::LoadConfig c;
    c.model = model::LoadModel::closed;
    c.vus = 40;
    EXPECT_EQ(peak_users(c), 40u);
}

TEST(LoadPolicy, PeakUsersOfTheOpenModelAreTenSecondsAtThePeakRateAtMostMaxVus) {
    model::LoadConfig c;
    c.model = model::LoadModel::open;
    c.start_rate = 5;
    c.stages = {{10, 50}, {10, 20}};
    c.max_vus = 10000;
    EXPECT_EQ(peak_users(c), 500u);
    c.max_vus = 100;
    EXPECT_EQ(peak_users(c), 100u);
}

TEST(LoadPolicy, AUserTalksToEsiaWhenAStepUrlNamesItOrFollowsRedirects) {
    const auto asurso = journey_with_urls({"${asurso}/webapi/logindata"});
    const auto esia = journey_with_urls({"${asurso}/a", "${esia}/aas/oauth2/ac?x=${esia.host}"});
    const auto host = journey_with_urls({"https://${esia.host}/login"});
    const auto follows = journey_with_urls({"${asurso}/sso"}, model::Follow::all);
    EXPECT_EQ(hosts_per_user({&asurso}), 1);
    EXPECT_EQ(hosts_per_user({&asurso, &esia}), 2);
    EXPECT_EQ(hosts_per_user({&host}), 2);
    EXPECT_EQ(hosts_per_user({&follows}), 2);
}

TEST(LoadPolicy, DescriptorsCountUsersHostsAndTheEmbeddedMocksSide) {
    model::LoadConfig c;
    c.model = model::LoadModel::closed;
    c.vus = 100;
    const auto asurso = journey_with_urls({"${asurso}/webapi/logindata"});
    const auto esia = journey_with_urls({"${esia}/login/"});
    EXPECT_EQ(descriptors_for_run(c, {&asurso}, false), descriptors_needed(100, 1, false));
    EXPECT_EQ(descriptors_for_run(c, {&esia}, true), descriptors_needed(100, 2, true));
    EXPECT_EQ(descriptors_for_run(c, {&esia}, true), 100u * 2 * 2 + 128);
}

model::LoadTotals all_errored(ErrorKind kind, std::uint64_t n) {
    model::LoadTotals t;
    t.completed = t.errored = n;
    t.errors[kind] = n;
    return t;
}

TEST(LoadPolicy, TargetIsUnreachableWhenEveryJourneyFailedToReachIt) {
    for (const ErrorKind kind :
         {ErrorKind::refused, ErrorKind::resolve_error, ErrorKind::tls_error, ErrorKind::timeout}) {
        EXPECT_TRUE(target_unreachable(all_errored(kind, 5))) << model::to_string(kind);
    }
    model::LoadTotals mixed = all_errored(ErrorKind::refused, 3);
    mixed.errors[ErrorKind::timeout] = 2;
    mixed.completed = mixed.errored = 5;
    EXPECT_TRUE(target_unreachable(mixed));
}

TEST(LoadPolicy, TargetIsReachableWhenAnythingSaysSo) {
    EXPECT_FALSE(target_unreachable({})) << "nothing completed";
    model::LoadTotals answered = all_errored(ErrorKind::refused, 5);
    answered.requests = 1;
    EXPECT_FALSE(target_unreachable(answered)) << "a request got an answer";
    model::LoadTotals passed = all_errored(ErrorKind::refused, 5);
    passed.completed = 6;
    EXPECT_FALSE(target_unreachable(passed)) << "a journey ended without an error";
    for (const ErrorKind kind : {ErrorKind::reset, ErrorKind::no_account, ErrorKind::fd_limit,
                                 ErrorKind::account_error, ErrorKind::protocol_error}) {
        EXPECT_FALSE(target_unreachable(all_errored(kind, 5))) << model::to_string(kind);
    }
}

} // namespace
} // namespace logintest::harness::load
