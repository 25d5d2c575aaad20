// asurso routes of the pages and forms: portal (§5), login page (§6.1), school selection
// (§6.3), password change and first login (§9), app pages (§8), admin control plane (§21.1).
#include "mocks/asurso/asurso_app.hpp"

#include "mocks/asurso/handlers.hpp"

namespace logintest::mocks::asurso {

void AsursoApp::add_page_routes() {}

} // namespace logintest::mocks::asurso
