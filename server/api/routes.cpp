#include "api/routes.hpp"

namespace moim::api {

void register_routes(Router& router, const ApiParts& parts) {
  register_core_routes(router, parts);
  register_programme_routes(router, parts);
  register_graduation_routes(router, parts);
}

}  // namespace moim::api
