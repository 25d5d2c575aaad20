// CatalogLeaser (see catalog_leaser.hpp).
#include "harness/load/catalog_leaser.hpp"

#include <algorithm>

namespace logintest::harness::load {

CatalogLeaser::CreateResult CatalogLeaser::create(const std::vector<model::Journey>& journeys,
                                                  const engine::Accounts& fixture, int pool_size,
                                                  int pool_unbound) {
    CreateResult result;
    std::vector<const model::Journey*> pointers;
    pointers.reserve(journeys.size());
    for (const auto& journey : journeys) {
        pointers.push_back(&journey);
    }
    auto created = engine::AccountLeases::create(pointers, fixture, std::max(1, pool_size),
                                                 std::max(1, pool_unbound), 1);
    if (!created.leases) {
        result.error = std::move(created.error);
        return result;
    }
    result.leaser = std::unique_ptr<CatalogLeaser>(new CatalogLeaser());
    result.leaser->leases_ = std::move(created.leases);
    return result;
}

bool CatalogLeaser::acquire(std::size_t journey, std::vector<const engine::Account*>& accounts,
                            std::string& missing) {
    engine::Lease& lease = held_[journey];
    if (!leases_->worker(0).lease(journey, lease, missing)) {
        held_.erase(journey);
        return false;
    }
    accounts = lease.accounts;
    return true;
}

void CatalogLeaser::release(std::size_t journey) {
    if (const auto it = held_.find(journey); it != held_.end()) {
        leases_->worker(0).release(it->second);
        held_.erase(it);
    }
}

} // namespace logintest::harness::load
