// The T-E-* catalogue of §4.2 (texts.hpp).
#include "mocks/esia/texts.hpp"

#include <array>
#include <utility>

namespace logintest::mocks::esia {
namespace {

namespace k = text_keys;

constexpr std::array<std::pair<std::string_view, std::string_view>, 24> catalogue = {{
    {k::title, "Портал государственных услуг Российской Федерации"},
    {k::login_h1, "Вход"},
    {k::tab_phone, "Телефон или почта"},
    {k::tab_snils, "СНИЛС"},
    {k::label_phone, "Мобильный телефон или почта"},
    {k::label_snils, "СНИЛС"},
    {k::label_pw, "Пароль"},
    {k::foreign, "Чужой компьютер"},
    {k::submit, "Войти"},
    {k::recovery, "Не удаётся войти?"},
    {k::bad_cred, "Неверный логин или пароль"},
    {k::bad_login, "Проверьте правильность ввода телефона, почты или СНИЛС"},
    {k::locked,
     "Учётная запись временно заблокирована из-за большого количества неудачных попыток входа"},
    {k::session_expired, "Сеанс входа истёк. Вернитесь на сайт, с которого выполнялся вход."},
    {k::mfa_title, "Введите код из СМС"},
    {k::mfa_sent, "Код отправлен на номер"},
    {k::mfa_wrong, "Неверный код. Осталось попыток:"},
    {k::continue_, "Продолжить"},
    {k::captcha_title, "Подтвердите, что вы не робот"},
    {k::consent_title, "Предоставление прав доступа"},
    {k::consent_allow, "Предоставить"},
    {k::consent_deny, "Отказать"},
    {k::logged_out, "Вы вышли из системы"},
    {k::error_title, "Ошибка"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> scopes = {{
    {"fullname", "Фамилия, имя и отчество"},
    {"birthdate", "Дата рождения"},
    {"gender", "Пол"},
    {"snils", "СНИЛС"},
    {"email", "Адрес электронной почты"},
    {"mobile", "Номер мобильного телефона"},
}};

} // namespace

EsiaTexts::EsiaTexts(const std::map<std::string, std::string>& overrides) {
    for (const auto& [key, text] : catalogue) {
        const auto it = overrides.find(std::string(key));
        texts_.emplace(std::string(key), it != overrides.end() ? it->second : std::string(text));
    }
}

const std::string& EsiaTexts::get(std::string_view key) const {
    static const std::string none;
    const auto it = texts_.find(key);
    return it != texts_.end() ? it->second : none;
}

std::string_view EsiaTexts::scope_description(std::string_view scope) {
    for (const auto& [name, text] : scopes) {
        if (name == scope) {
            return text;
        }
    }
    return scope;
}

} // namespace logintest::mocks::esia
