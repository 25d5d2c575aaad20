// ClientRegistry: the registered OAuth clients of esia (§22 `clients`, `${asurso}` replaced by
// `<asurso>`, MOCK-FIX-3), each with its certificate and key (ESIA-SIG-1, -7) and the
// certificate hash of ESIA-SIG-2. `PATCH /mock/admin/clients/{id}` changes a client until the
// next reset (MOCK-CP-9). Clients are immutable snapshots (shared_ptr<const Client>) swapped
// under a mutex, so a request keeps a consistent view while a patch lands. Thread-safe.
#pragma once

#include "crypto/gost.hpp"
#include "mocks/common/fixture.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace logintest::mocks::esia {

struct Client {
    std::string client_id;
    std::string name;
    std::vector<std::string> redirect_uris;
    std::vector<std::string> logout_redirect_prefixes;
    std::vector<std::string> scopes; // scopes the client may ask for (ESIA-AC-2 step 7)
    bool require_trusted = false;    // ESIA-LOGIN-7 step 1
    std::shared_ptr<const crypto::KeyAndCertificate> keys; // null: no key material
    std::string certificate_hash;                          // ESIA-SIG-2, lowercase hex

    bool allows_redirect_uri(std::string_view uri) const;
    bool allows_scope(std::string_view scope) const;
};

// MOCK-CP-9 PATCH body, each member optional.
struct ClientPatch {
    std::optional<bool> require_trusted;
    std::optional<std::vector<std::string>> scopes;
    std::optional<std::vector<std::string>> redirect_uris;
};

class ClientRegistry {
public:
    using KeyMap = std::map<std::string, std::shared_ptr<const crypto::KeyAndCertificate>>;

    // Replaces every client with the fixture's, URLs substituted, keys from `keys`
    // (by client_id; hashes with `profile`).
    void load(const std::vector<common::FixtureClient>& clients, std::string_view asurso_base_url,
              const KeyMap& keys, crypto::Profile profile);

    std::shared_ptr<const Client> find(std::string_view client_id) const;
    std::vector<std::shared_ptr<const Client>> all() const;
    // MOCK-CP-9; false for an unknown client.
    bool patch(std::string_view client_id, const ClientPatch& patch);

private:
    mutable std::mutex mutex_;
    std::map<std::string, std::shared_ptr<const Client>, std::less<>> clients_;
    std::vector<std::string> order_;
};

} // namespace logintest::mocks::esia
