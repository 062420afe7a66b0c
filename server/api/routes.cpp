#include "api/routes.hpp"

namespace moim::api {

void register_routes(Router& router, app::Hub& hub) {
  register_core_routes(router, hub);
  register_programme_routes(router, hub);
  register_graduation_routes(router, hub);
}

}  // namespace moim::api
