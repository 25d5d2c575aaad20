// ExpiringStore: a host's store of per-client state (pre-login sessions, sessions, salts,
// states, codes, ...) under MOCK-CAP-1. Every entry has an expiry time on the host clock;
// expired entries are invisible and are dropped lazily and by periodic sweeps; at most
// `capacity` live entries are held, and a full store refuses new entries (the caller answers
// common::store_full(), 503) instead of evicting live ones. The caller passes `now` (its
// host clock), so moving the clock expires entries. One mutex per store: every member is
// thread-safe, and `with()` runs its function under the lock, which is how single-use
// items are consumed at most once under any interleaving (MOCK-HOST-7).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <functional>
#include <iterator>
#include <mutex>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace logintest::mocks::common {

template <class Key, class Value, class Hash = std::hash<Key>> class ExpiringStore {
public:
    using TimePoint = std::chrono::system_clock::time_point;

    enum class Insert { inserted, exists, full };

    explicit ExpiringStore(std::size_t capacity) : capacity_(capacity) {}

    // Adds a new entry. `exists` if a live entry has this key (left unchanged); `full` if
    // the store holds `capacity` live entries.
    Insert insert(const Key& key, Value value, TimePoint expires_at, TimePoint now) {
        std::lock_guard lock(mutex_);
        maybe_sweep(now);
        auto it = map_.find(key);
        if (it != map_.end()) {
            if (it->second.expires_at > now) {
                return Insert::exists;
            }
            map_.erase(it);
        }
        if (map_.size() >= capacity_) {
            sweep(now);
            if (map_.size() >= capacity_) {
                return Insert::full;
            }
        }
        map_.emplace(key, Entry{std::move(value), expires_at});
        return Insert::inserted;
    }

    // Runs `fn(Value&, TimePoint& expires_at)` under the lock if `key` is live and returns
    // its result (true for a void fn); nullopt if absent or expired. `fn` may change the
    // value and move the expiry (idle renewal); it must not call back into this store.
    template <class Fn> auto with(const Key& key, TimePoint now, Fn&& fn) {
        using R = std::invoke_result_t<Fn, Value&, TimePoint&>;
        using Out = std::conditional_t<std::is_void_v<R>, bool, R>;
        std::lock_guard lock(mutex_);
        auto it = find_live(key, now);
        if (it == map_.end()) {
            return std::optional<Out>{};
        }
        if constexpr (std::is_void_v<R>) {
            fn(it->second.value, it->second.expires_at);
            return std::optional<Out>{true};
        } else {
            return std::optional<Out>{fn(it->second.value, it->second.expires_at)};
        }
    }

    // A copy of the live value.
    std::optional<Value> get(const Key& key, TimePoint now) {
        std::lock_guard lock(mutex_);
        auto it = find_live(key, now);
        if (it == map_.end()) {
            return std::nullopt;
        }
        return it->second.value;
    }

    // Removes and returns the live value (a single-use take).
    std::optional<Value> take(const Key& key, TimePoint now) {
        std::lock_guard lock(mutex_);
        auto it = find_live(key, now);
        if (it == map_.end()) {
            return std::nullopt;
        }
        std::optional<Value> out(std::move(it->second.value));
        map_.erase(it);
        return out;
    }

    // Removes the entry; true if a live one was removed.
    bool erase(const Key& key, TimePoint now) {
        std::lock_guard lock(mutex_);
        auto it = find_live(key, now);
        if (it == map_.end()) {
            return false;
        }
        map_.erase(it);
        return true;
    }

    // Removes every live entry for which `pred(const Value&)` holds; returns how many.
    template <class Pred> std::size_t erase_if(TimePoint now, Pred&& pred) {
        std::lock_guard lock(mutex_);
        std::size_t n = 0;
        for (auto it = map_.begin(); it != map_.end();) {
            if (it->second.expires_at <= now || pred(std::as_const(it->second.value))) {
                n += it->second.expires_at > now ? 1 : 0;
                it = map_.erase(it);
            } else {
                ++it;
            }
        }
        return n;
    }

    // The key of a live entry for which `pred(const Value&)` holds, if any. A linear scan
    // under the lock: for rare paths only (e.g. a defect that looks salts up by value).
    template <class Pred> std::optional<Key> find_key_if(TimePoint now, Pred&& pred) {
        std::lock_guard lock(mutex_);
        for (const auto& [key, entry] : map_) {
            if (entry.expires_at > now && pred(std::as_const(entry.value))) {
                return key;
            }
        }
        return std::nullopt;
    }

    // The number of live entries (sweeps the expired ones).
    std::size_t size(TimePoint now) {
        std::lock_guard lock(mutex_);
        sweep(now);
        return map_.size();
    }

    std::size_t capacity() const { return capacity_; }

    void clear() {
        std::lock_guard lock(mutex_);
        map_.clear();
    }

private:
    struct Entry {
        Value value;
        TimePoint expires_at;
    };
    using Map = std::unordered_map<Key, Entry, Hash>;

    typename Map::iterator find_live(const Key& key, TimePoint now) {
        auto it = map_.find(key);
        if (it != map_.end() && it->second.expires_at <= now) {
            map_.erase(it);
            return map_.end();
        }
        return it;
    }

    void sweep(TimePoint now) {
        for (auto it = map_.begin(); it != map_.end();) {
            it = it->second.expires_at <= now ? map_.erase(it) : std::next(it);
        }
        inserts_since_sweep_ = 0;
    }

    // Keeps memory bounded by what is live: a full sweep after as many inserts as the store
    // held at the last sweep (amortised O(1) per insert).
    void maybe_sweep(TimePoint now) {
        if (++inserts_since_sweep_ > std::max<std::size_t>(map_.size(), 1024)) {
            sweep(now);
        }
    }

    std::size_t capacity_;
    std::mutex mutex_;
    Map map_;
    std::size_t inserts_since_sweep_ = 0;
};

} // namespace logintest::mocks::common
