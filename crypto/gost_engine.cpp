// Loads Debian's `gost` engine (libengine-gost-openssl) once, see gost_engine.hpp. The only
// file that calls the ENGINE API, which OpenSSL 3 deprecates (CMake compiles it with
// -Wno-deprecated-declarations).
#include "crypto/gost_engine.hpp"

#include "crypto/openssl_handles.hpp"

#include <openssl/engine.h>
#include <openssl/obj_mac.h>

#include <mutex>

namespace logintest::crypto::detail {
namespace {

struct LoadedEngine {
    ENGINE* engine = nullptr; // functional reference, kept until exit
    const EVP_MD* streebog256 = nullptr;
    std::string error;
};

LoadedEngine load() {
    LoadedEngine loaded;
    // ENGINE_by_id finds a built-in engine, or else loads `gost.so` through the `dynamic`
    // engine from $OPENSSL_ENGINES or the compiled-in ENGINESDIR (verified on Debian 12:
    // /usr/lib/x86_64-linux-gnu/engines-3/gost.so; no openssl.cnf entry is needed).
    ENGINE* engine = ENGINE_by_id("gost");
    if (engine == nullptr) {
        loaded.error = openssl_error("ENGINE_by_id(\"gost\") failed (is libengine-gost-openssl "
                                     "installed?)");
        return loaded;
    }
    if (ENGINE_init(engine) != 1) {
        loaded.error = openssl_error("ENGINE_init(gost) failed");
        ENGINE_free(engine);
        return loaded;
    }
    ENGINE_free(engine); // drop the structural reference; ENGINE_init holds a functional one
    // Register the engine for its own algorithm ids only (what `openssl -engine gost` does for
    // these method kinds): key methods for keygen/sign/verify, ASN.1 methods so that PEM keys,
    // certificates and CMS with GOST keys parse, digests for md_gost12_256. Its ciphers are
    // not registered: nothing here needs them and TLS stays untouched.
    if (ENGINE_register_pkey_meths(engine) != 1 || ENGINE_register_pkey_asn1_meths(engine) != 1 ||
        ENGINE_register_digests(engine) != 1) {
        loaded.error = openssl_error("registering the gost engine's methods failed");
        ENGINE_finish(engine);
        return loaded;
    }
    const EVP_MD* md = ENGINE_get_digest(engine, NID_id_GostR3411_2012_256);
    if (md == nullptr) {
        md = EVP_get_digestbyname(SN_id_GostR3411_2012_256);
    }
    if (md == nullptr) {
        loaded.error = openssl_error("the gost engine has no md_gost12_256");
        ENGINE_finish(engine);
        return loaded;
    }
    loaded.engine = engine;
    loaded.streebog256 = md;
    return loaded;
}

const LoadedEngine& loaded_engine() {
    static std::once_flag once;
    static LoadedEngine loaded;
    std::call_once(once, [] {
        ERR_set_mark();
        loaded = load();
        ERR_pop_to_mark(); // leave no trace in the caller's error queue
    });
    return loaded;
}

} // namespace

ENGINE* gost_engine() {
    return loaded_engine().engine;
}

const EVP_MD* streebog256_md() {
    return loaded_engine().streebog256;
}

const std::string& gost_engine_error() {
    return loaded_engine().error;
}

} // namespace logintest::crypto::detail
