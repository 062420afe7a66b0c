#pragma once
// Every host-API route of the server, registered in one place. Each feature keeps its routes in
// its own file (`register_<feature>_routes`) and adds one call to register_routes().
#include "api/router.hpp"

namespace moim {
struct ServerConfig;
}
namespace moim::app {
class Hub;
class ProgrammeService;
}  // namespace moim::app
namespace moim::graduation {
class Service;
}

namespace moim::api {

// What the routes work with, handed over by whoever starts the server (boot/server.cpp). Each
// outlives the router. Routes read and write the store and the graduation service directly; the
// hub is for what crosses rooms (who is online, announcements to the venue, which rooms exist).
struct ApiParts {
  app::Hub& hub;
  store::Store& store;
  graduation::Service& graduation;
  app::ProgrammeService& programme;
  const ServerConfig& config;  // the server's name and time zone
};

void register_routes(Router& router, const ApiParts& parts);

// Server-wide routes: who is online, invite codes.
void register_core_routes(Router& router, const ApiParts& parts);

// The programme of the tech-talk hall, its iCalendar feed, study groups' attendance.
void register_programme_routes(Router& router, const ApiParts& parts);
// Graduation day: roster, counts, palette, raffle, results (api/graduation_routes.cpp).
void register_graduation_routes(Router& router, const ApiParts& parts);

}  // namespace moim::api
