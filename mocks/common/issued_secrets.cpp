// The mock's record of the secrets it issued (see issued_secrets.hpp).
#include "mocks/common/issued_secrets.hpp"

namespace logintest::mocks::common {

IssuedSecrets& IssuedSecrets::instance() {
    static IssuedSecrets record;
    return record;
}

void IssuedSecrets::add(std::string_view kind, std::string_view value) {
    if (!enabled() || value.empty()) {
        return;
    }
    std::lock_guard lock(mutex_);
    if (entries_.size() >= capacity) {
        ++dropped_;
        return;
    }
    entries_.push_back({std::string(kind), std::string(value)});
}

std::vector<IssuedSecrets::Entry> IssuedSecrets::entries() const {
    std::lock_guard lock(mutex_);
    return entries_;
}

std::size_t IssuedSecrets::dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
}

std::string IssuedSecrets::to_text() const {
    std::lock_guard lock(mutex_);
    std::string text;
    for (const auto& e : entries_) {
        text += e.kind;
        text += '\t';
        text += e.value;
        text += '\n';
    }
    return text;
}

} // namespace logintest::mocks::common
