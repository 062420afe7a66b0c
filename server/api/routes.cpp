#include "api/routes.hpp"

namespace moim::api {

void register_routes(Router& router, app::Hub& hub, app::ProgrammeService& programme) {
  register_core_routes(router, hub);
  register_programme_routes(router, hub, programme);
  register_graduation_routes(router, hub);
}

}  // namespace moim::api
