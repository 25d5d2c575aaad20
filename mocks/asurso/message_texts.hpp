// §23 `asurso.messages.<key>`: the text a page or an answer shows for a catalogue key (§4.2),
// the configured override if there is one, else the built-in text of texts.hpp. The
// configuration is read-only once the host runs, so this is thread-safe.
#pragma once

#include "mocks/asurso/asurso_config.hpp"
#include "mocks/asurso/texts.hpp"

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace logintest::mocks::asurso {

// `key` is the catalogue key, e.g. "T-PWD-LATIN".
inline std::string_view text_of(const AsursoConfig& config, std::string_view key,
                                std::string_view builtin) {
    const auto it = config.messages.find(key);
    return it == config.messages.end() ? builtin : std::string_view(it->second);
}

// T-PWD-SHORT (NS-PWD-7 step 5, NS-PWD-12) with the number `password.min_length`; an
// override is the whole text.
inline std::string password_short_text(const AsursoConfig& config) {
    if (const auto it = config.messages.find("T-PWD-SHORT"); it != config.messages.end()) {
        return it->second;
    }
    return fmt::format(fmt::runtime(texts::pwd_short_format), config.password.min_length);
}

} // namespace logintest::mocks::asurso
