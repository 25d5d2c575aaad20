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

// §6.1 login page texts that the binding card (NS-BIND-4) shows too.
inline constexpr std::string_view ph_sft = "Выберите тип ОО..."; // T-PH-SFT
inline constexpr std::string_view ph_scid = "Выберите ОО...";    // T-PH-SCID
inline constexpr std::string_view label_un = "Имя пользователя"; // T-LABEL-UN
inline constexpr std::string_view label_pw = "Пароль";           // T-LABEL-PW
inline constexpr std::string_view login_button = "Войти";        // T-LOGIN-BUTTON
inline constexpr std::string_view portal_title = "АСУ РСО";      // T-PORTAL-TITLE

// §10-§12: ESIA single sign-on, binding, pupils under 14.
inline constexpr std::string_view bind_none =
    "С выбранной учётной записью портала Госуслуг не связан ни один пользователь "
    "системы"; // T-BIND-NONE
inline constexpr std::string_view bind_howto =
    "Для выполнения привязки учетной записи пользователя системы \"АСУ РСО\" нажмите кнопку "
    "\"Продолжить\".";                                          // T-BIND-HOWTO
inline constexpr std::string_view bind_exit = "Выход";          // T-BIND-EXIT
inline constexpr std::string_view bind_continue = "Продолжить"; // T-BIND-CONTINUE
inline constexpr std::string_view bind_card_title =
    "Привязка учётной записи АСУ РСО"; // T-BIND-CARD-TITLE
inline constexpr std::string_view label_sft = "Тип образовательной организации"; // T-LABEL-SFT
inline constexpr std::string_view label_scid = "Образовательная организация";    // T-LABEL-SCID
inline constexpr std::string_view bind_other_oid =
    "Пользователь уже связан с другой учётной записью портала Госуслуг"; // T-BIND-OTHER-OID
inline constexpr std::string_view under_14 =
    "Учащиеся младше 14 лет входят в систему только по логину и паролю школьного "
    "модуля"; // T-UNDER-14
inline constexpr std::string_view esia_failed =
    "Не удалось выполнить вход через портал Госуслуг. Повторите попытку."; // T-ESIA-FAILED
inline constexpr std::string_view esia_cancelled =
    "Вход через портал Госуслуг отменён."; // T-ESIA-CANCELLED
inline constexpr std::string_view esia_unconfirmed =
    "Для входа необходима подтверждённая учётная запись портала Госуслуг."; // T-ESIA-UNCONFIRMED

// §5, §6.1: the portal and the login page (with ph_sft .. portal_title above).
inline constexpr std::string_view portal_subtitle =
    "Автоматизированная система управления региональной системы образования"; // T-PORTAL-SUBTITLE
inline constexpr std::string_view cat_pupil = "Обучающимся и родителям";      // T-CAT-PUPIL
inline constexpr std::string_view cat_teacher = "Педагогам";                  // T-CAT-TEACHER
inline constexpr std::string_view cat_em =
    "Сотрудникам органов управления образованием"; // T-CAT-EM
inline constexpr std::string_view esia_button =
    "Войти в АСУ РСО через портал Госуслуг"; // T-ESIA-BUTTON
inline constexpr std::string_view esia_notice =
    "Вы получаете государственные (муниципальные) услуги в сфере образования Самарской области в "
    "электронной форме.";                                        // T-ESIA-NOTICE
inline constexpr std::string_view ph_cid = "Выберите страну..."; // T-PH-CID
inline constexpr std::string_view ph_sid = "Выберите регион..."; // T-PH-SID
inline constexpr std::string_view ph_pid =
    "Выберите городской округ или муниципальный район...";                // T-PH-PID
inline constexpr std::string_view ph_cn = "Выберите населённый пункт..."; // T-PH-CN
inline constexpr std::string_view hint_latin =
    "Все пароли созданные автоматически создаются из латинских букв, цифр и символов! "
    "(Внимательно вводите пароль!)"; // T-HINT-LATIN
inline constexpr std::string_view hint_attempts =
    "Если после нескольких попыток Вам не удалось войти в систему, сообщите об этом классному "
    "руководителю."; // T-HINT-ATTEMPTS
inline constexpr std::string_view hint_forgot =
    "Если Вы забыли пароль от школьного модуля АСУ РСО, сообщите об этом классному "
    "руководителю, и администратор системы назначит Вам новый пароль."; // T-HINT-FORGOT
inline constexpr std::string_view hint_under_14 =
    "Учащиеся до 14 лет могут войти в систему только по логину и паролю школьного модуля, "
    "поскольку не имеют возможности регистрации на Госуслугах."; // T-HINT-UNDER-14

// §6.7, §8: app pages.
inline constexpr std::string_view choose_role = "Выберите роль"; // T-CHOOSE-ROLE
inline constexpr std::string_view main_logout = "Выход";         // T-MAIN-LOGOUT

// §9: password change and its page.
inline constexpr std::string_view chpwd_title = "Вы можете сменить пароль"; // T-CHPWD-TITLE
inline constexpr std::string_view chpwd_title_plain = "Смена пароля";       // T-CHPWD-TITLE-PLAIN
inline constexpr std::string_view label_old_pw = "Текущий пароль";          // T-LABEL-OLD-PW
inline constexpr std::string_view label_new_pw = "Новый пароль";            // T-LABEL-NEW-PW
inline constexpr std::string_view label_new_pw2 = "Повторите новый пароль"; // T-LABEL-NEW-PW2
inline constexpr std::string_view chpwd_submit = "Сменить пароль";          // T-CHPWD-SUBMIT
inline constexpr std::string_view chpwd_skip = "Пропустить";                // T-CHPWD-SKIP
inline constexpr std::string_view pwd_latin =
    "Пароль может содержать только латинские буквы, цифры и символы"; // T-PWD-LATIN
// T-PWD-SHORT: «Пароль должен содержать не менее 8 символов», the number being
// `password.min_length`; fmt format string.
inline constexpr std::string_view pwd_short_format = "Пароль должен содержать не менее {} символов";
inline constexpr std::string_view pwd_same =
    "Новый пароль должен отличаться от текущего"; // T-PWD-SAME
inline constexpr std::string_view pwd_old_wrong =
    "Текущий пароль указан неверно";                                      // T-PWD-OLD-WRONG
inline constexpr std::string_view pwd_weak = "Пароль слишком простой";    // T-PWD-WEAK
inline constexpr std::string_view pwd_changed = "Пароль успешно изменён"; // T-PWD-CHANGED
// The password page's script when the repetition differs (NS-PWD-6); no catalogue key.
inline constexpr std::string_view chpwd_mismatch = "Новый пароль и его повтор не совпадают";

// MOCK-DEF: the wrong texts of the defects wrong-409-text and enumerating-409 (not T- keys).
inline constexpr std::string_view defect_wrong_409 = "Неверный логин или пароль";
inline constexpr std::string_view defect_user_not_found = "Пользователь не найден";

} // namespace logintest::mocks::asurso::texts
