// Internal to crypto/: the one door to OpenSSL's deprecated ENGINE API. gost_engine.cpp loads
// Debian's `gost` engine once (std::call_once) and registers its key, key-ASN.1 and digest
// methods, so that GOST keys and certificates parse, sign and verify through the ordinary EVP,
// X509 and CMS calls. Every other file uses only these functions, never ENGINE_* directly.
// Thread-safe; the engine stays loaded for the life of the process.
#pragma once

#include <openssl/types.h>

#include <string>

namespace logintest::crypto::detail {

// The functional reference of the loaded `gost` engine; nullptr when it cannot be loaded.
// The first call loads it (later calls are a load of an atomic flag).
ENGINE* gost_engine();

// GOST R 34.11-2012 (256), `md_gost12_256`; nullptr without the engine.
const EVP_MD* streebog256_md();

// Why the engine could not be loaded (empty when it is loaded).
const std::string& gost_engine_error();

} // namespace logintest::crypto::detail
