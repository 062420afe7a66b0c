#pragma once
// Every host-API route of the server, registered in one place. Each feature keeps its routes in
// its own file (`register_<feature>_routes`) and adds one call to register_routes().
#include "api/router.hpp"

namespace moim::app {
class Hub;
class ProgrammeService;
}  // namespace moim::app

namespace moim::api {

void register_routes(Router& router, app::Hub& hub, app::ProgrammeService& programme);

// Server-wide routes: who is online, invite codes.
void register_core_routes(Router& router, app::Hub& hub);

// The programme of the tech-talk hall, its iCalendar feed, study groups' attendance.
void register_programme_routes(Router& router, app::Hub& hub, app::ProgrammeService& programme);
// Graduation day: roster, counts, palette, raffle, results (api/graduation_routes.cpp).
void register_graduation_routes(Router& router, app::Hub& hub);

}  // namespace moim::api
