// MOCK-CP-4 counters (counters.hpp).
#include "mocks/common/counters.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace logintest::mocks::common {

Counters::Counters(std::initializer_list<std::string_view> events,
                   std::initializer_list<std::string_view> keyed_events) {
    for (const auto e : events) {
        event_names_.emplace_back(e);
    }
    for (const auto e : keyed_events) {
        keyed_names_.emplace_back(e);
    }
    reset();
}

void Counters::count_request(std::string_view method, std::string_view path) {
    std::string key(method);
    key += ' ';
    key += path;
    std::lock_guard lock(mutex_);
    auto it = requests_.find(key);
    if (it == requests_.end() && requests_.size() >= max_request_keys) {
        key.resize(method.size());
        key += " *";
        it = requests_.try_emplace(std::move(key), 0).first;
    } else if (it == requests_.end()) {
        it = requests_.try_emplace(std::move(key), 0).first;
    }
    ++it->second;
}

void Counters::count_status(int status) {
    std::lock_guard lock(mutex_);
    ++status_[status];
}

void Counters::add(std::string_view event, std::int64_t n) {
    std::lock_guard lock(mutex_);
    auto it = events_.find(event);
    if (it == events_.end()) {
        it = events_.try_emplace(std::string(event), 0).first;
    }
    it->second += n;
}

void Counters::add_keyed(std::string_view event, std::string_view key, std::int64_t n) {
    std::lock_guard lock(mutex_);
    auto it = keyed_.find(event);
    if (it == keyed_.end()) {
        it = keyed_.try_emplace(std::string(event)).first;
    }
    auto& inner = it->second;
    auto jt = inner.find(key);
    if (jt == inner.end()) {
        jt = inner.try_emplace(std::string(key), 0).first;
    }
    jt->second += n;
}

std::int64_t Counters::event(std::string_view name) const {
    std::lock_guard lock(mutex_);
    const auto it = events_.find(name);
    return it == events_.end() ? 0 : it->second;
}

std::int64_t Counters::keyed(std::string_view event, std::string_view key) const {
    std::lock_guard lock(mutex_);
    const auto it = keyed_.find(event);
    if (it == keyed_.end()) {
        return 0;
    }
    const auto jt = it->second.find(key);
    return jt == it->second.end() ? 0 : jt->second;
}

std::int64_t Counters::status(int code) const {
    std::lock_guard lock(mutex_);
    const auto it = status_.find(code);
    return it == status_.end() ? 0 : it->second;
}

std::int64_t Counters::requests(std::string_view method, std::string_view path) const {
    std::string key(method);
    key += ' ';
    key += path;
    std::lock_guard lock(mutex_);
    const auto it = requests_.find(key);
    return it == requests_.end() ? 0 : it->second;
}

std::string Counters::to_json() const {
    boost::json::object requests;
    boost::json::object status;
    boost::json::object events;
    {
        std::lock_guard lock(mutex_);
        for (const auto& [key, n] : requests_) {
            requests[key] = n;
        }
        for (const auto& [code, n] : status_) {
            status[std::to_string(code)] = n;
        }
        for (const auto& [key, n] : events_) {
            events[key] = n;
        }
        for (const auto& [key, inner] : keyed_) {
            boost::json::object obj;
            for (const auto& [code, n] : inner) {
                obj[code] = n;
            }
            events[key] = std::move(obj);
        }
    }
    boost::json::object out;
    out["requests"] = std::move(requests);
    out["status"] = std::move(status);
    out["events"] = std::move(events);
    return boost::json::serialize(out);
}

void Counters::reset() {
    std::lock_guard lock(mutex_);
    requests_.clear();
    status_.clear();
    events_.clear();
    keyed_.clear();
    for (const auto& e : event_names_) {
        events_[e] = 0;
    }
    for (const auto& e : keyed_names_) {
        keyed_[e];
    }
}

} // namespace logintest::mocks::common
