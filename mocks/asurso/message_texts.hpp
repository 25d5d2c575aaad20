// §23 `asurso.messages.<key>`: the text a page or an answer shows for a catalogue key (§4.2),
// the configured override if there is one, else the built-in text of texts.hpp. The
// configuration is read-only once the host runs, so this is thread-safe.
#pragma once

#include "mocks/asurso/asurso_config.hpp"

#include <string_view>

namespace logintest::mocks::asurso {

// `key` is the catalogue key, e.g. "T-PWD-LATIN".
inline std::string_view text_of(const AsursoConfig& config, std::string_view key,
                                std::string_view builtin) {
    const auto it = config.messages.find(key);
    return it == config.messages.end() ? builtin : std::string_view(it->second);
}

} // namespace logintest::mocks::asurso
