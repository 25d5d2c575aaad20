// Registered OAuth clients (client_registry.hpp).
#include "mocks/esia/client_registry.hpp"

#include <algorithm>

namespace logintest::mocks::esia {

bool Client::allows_redirect_uri(std::string_view uri) const {
    // ESIA-AC-2 step 3: exactly equal to one of the registered URIs.
    return std::find(redirect_uris.begin(), redirect_uris.end(), uri) != redirect_uris.end();
}

bool Client::allows_scope(std::string_view scope) const {
    return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}

void ClientRegistry::load(const std::vector<common::FixtureClient>& clients,
                          std::string_view asurso_base_url, const KeyMap& keys,
                          crypto::Profile profile) {
    std::map<std::string, std::shared_ptr<const Client>, std::less<>> loaded;
    std::vector<std::string> order;
    for (const auto& f : clients) {
        auto c = std::make_shared<Client>();
        c->client_id = f.client_id;
        c->name = f.name;
        // MOCK-FIX-3: `${asurso}` is `<asurso>`.
        for (const auto& uri : f.redirect_uris) {
            c->redirect_uris.push_back(common::substitute_base_urls(uri, asurso_base_url));
        }
        for (const auto& prefix : f.logout_redirect_prefixes) {
            c->logout_redirect_prefixes.push_back(
                common::substitute_base_urls(prefix, asurso_base_url));
        }
        c->scopes = f.scopes;
        c->require_trusted = f.require_trusted;
        if (const auto it = keys.find(f.client_id); it != keys.end() && it->second) {
            c->keys = it->second;
            c->certificate_hash = it->second->certificate.hash_hex(profile); // ESIA-SIG-2
        }
        order.push_back(f.client_id);
        loaded[f.client_id] = std::move(c);
    }
    std::lock_guard lock(mutex_);
    clients_ = std::move(loaded);
    order_ = std::move(order);
}

std::shared_ptr<const Client> ClientRegistry::find(std::string_view client_id) const {
    std::lock_guard lock(mutex_);
    const auto it = clients_.find(client_id);
    return it == clients_.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<const Client>> ClientRegistry::all() const {
    std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<const Client>> out;
    for (const auto& id : order_) {
        out.push_back(clients_.at(id));
    }
    return out;
}

bool ClientRegistry::patch(std::string_view client_id, const ClientPatch& patch) {
    std::lock_guard lock(mutex_);
    const auto it = clients_.find(client_id);
    if (it == clients_.end()) {
        return false;
    }
    auto changed = std::make_shared<Client>(*it->second); // copy on write
    if (patch.require_trusted) {
        changed->require_trusted = *patch.require_trusted;
    }
    if (patch.scopes) {
        changed->scopes = *patch.scopes;
    }
    if (patch.redirect_uris) {
        changed->redirect_uris = *patch.redirect_uris;
    }
    it->second = std::move(changed);
    return true;
}

} // namespace logintest::mocks::esia
