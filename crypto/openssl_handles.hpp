// Internal to crypto/: RAII owners for OpenSSL objects (unique_ptr with the matching free
// function) and small helpers (BIO to string, draining the thread's error queue into a
// message). Not part of the library's public interface. Thread-safe: OpenSSL error queues
// are per thread.
#pragma once

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>
#include <string_view>

namespace logintest::crypto::detail {

template <auto Free> struct OpensslDeleter {
    template <class T> void operator()(T* p) const noexcept { Free(p); }
};

using BioPtr = std::unique_ptr<BIO, OpensslDeleter<BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, OpensslDeleter<BN_free>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, OpensslDeleter<CMS_ContentInfo_free>>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, OpensslDeleter<EVP_MD_CTX_free>>;
using EvpPkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OpensslDeleter<EVP_PKEY_CTX_free>>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, OpensslDeleter<EVP_PKEY_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, OpensslDeleter<GENERAL_NAMES_free>>;
using GeneralNamePtr = std::unique_ptr<GENERAL_NAME, OpensslDeleter<GENERAL_NAME_free>>;
using X509ExtensionPtr = std::unique_ptr<X509_EXTENSION, OpensslDeleter<X509_EXTENSION_free>>;
using X509Ptr = std::unique_ptr<X509, OpensslDeleter<X509_free>>;

// A read-only memory BIO over `bytes` (which must outlive it).
inline BioPtr memory_bio(std::string_view bytes) {
    // BIO_new_mem_buf refuses a null pointer, which an empty string_view may carry.
    const char* data = bytes.empty() ? "" : bytes.data();
    return BioPtr(BIO_new_mem_buf(data, static_cast<int>(bytes.size())));
}

// Everything written to a memory BIO so far.
inline std::string bio_contents(BIO* bio) {
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    if (length <= 0 || data == nullptr) {
        return {};
    }
    return std::string(data, static_cast<std::size_t>(length));
}

// Drains this thread's OpenSSL error queue into "what: reason; reason" (just `what` when the
// queue is empty). Call on every failure path so the queue never grows under load.
inline std::string openssl_error(std::string_view what) {
    std::string message(what);
    bool first = true;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        message += first ? ": " : "; ";
        message += buffer;
        first = false;
    }
    return message;
}

// Stores `message` in `*error` when the caller asked for it.
inline void set_error(std::string* error, std::string message) {
    if (error != nullptr) {
        *error = std::move(message);
    }
}

} // namespace logintest::crypto::detail
