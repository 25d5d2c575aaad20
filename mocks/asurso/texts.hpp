// The asurso texts of the spec's catalogue (§4.2) that this host sends, code point for code
// point (GEN-8). Keys as in the spec.
#pragma once

#include <string_view>

namespace logintest::mocks::asurso::texts {

inline constexpr std::string_view wrong_cred =
    "Неправильный пароль или имя пользователя"; // T-WRONG-CRED
inline constexpr std::string_view stale_salt =
    "Данные формы входа устарели. Обновите страницу и повторите вход."; // T-STALE-SALT
inline constexpr std::string_view locked =
    "Учётная запись заблокирована после нескольких неудачных попыток входа. Обратитесь к "
    "классному руководителю."; // T-LOCKED
inline constexpr std::string_view school_login_off =
    "Вход по логину и паролю отключён"; // T-SCHOOL-LOGIN-OFF
inline constexpr std::string_view role_unavailable =
    "Выбранная роль недоступна пользователю"; // T-ROLE-UNAVAILABLE
inline constexpr std::string_view login_state_expired =
    "Сеанс входа через портал Госуслуг истёк. Повторите вход.";            // T-LOGIN-STATE-EXPIRED
inline constexpr std::string_view unauthorized = "Необходима авторизация"; // T-UNAUTHORIZED
inline constexpr std::string_view forbidden = "Недостаточно прав";         // T-FORBIDDEN
inline constexpr std::string_view bad_request = "Некорректный запрос";     // T-BAD-REQUEST

} // namespace logintest::mocks::asurso::texts
