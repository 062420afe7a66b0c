// Service: the results file hosts download after the day.
#include <chrono>
#include <ctime>
#include <set>

#include "graduation/roster.hpp"
#include "graduation/service.hpp"

namespace moim::graduation {
namespace {

std::string utc_time(std::int64_t ms) {
  if (ms == 0) return {};
  const std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace

std::string Service::results_csv() {
  auto raffles = store_.raffles();
  std::lock_guard lock(mutex_);
  std::map<UserId, std::string> won;  // user → "raffle 1, raffle 3"
  if (raffles) {
    for (const auto& r : *raffles) {
      for (auto id : r.winner_ids) {
        auto& text = won[id];
        text += (text.empty() ? "raffle " : "; raffle ") + std::to_string(r.id);
      }
    }
  }
  std::map<UserId, int> tickets;
  for (auto [id, count] : game_.raffle_tickets(extra_every_)) tickets[id] = count;
  std::string out =
      "roster_id,name,email,cohort,company,checked_in_at,user_id,color,colors_held,complete,"
      "people_met,exchanges,cards_swapped,raffle_tickets,won\n";
  const auto& palette = game_.palette();
  for (const auto& [id, e] : game_.roster()) {
    auto p = e.user != 0 ? game_.person(e.user) : std::nullopt;
    std::string color;
    std::string held;
    if (p && p->color >= 0) color = palette[static_cast<std::size_t>(p->color)].name;
    if (p) {
      for (int h : p->held)
        held += (held.empty() ? "" : " ") + palette[static_cast<std::size_t>(h)].name;
    }
    out += std::to_string(e.id) + "," + csv_field(e.name) + "," + csv_field(e.email) + "," +
           csv_field(e.cohort) + "," + csv_field(e.company) + "," + utc_time(e.checked_in_at_ms) +
           "," + (e.user ? std::to_string(e.user) : "") + "," + csv_field(color) + "," +
           csv_field(held) + "," + (p && p->complete ? "yes" : "no") + "," +
           std::to_string(p ? p->met() : 0) + "," + std::to_string(p ? p->exchanged.size() : 0) +
           "," + std::to_string(p ? p->cards.size() : 0) + "," +
           std::to_string(p && tickets.contains(e.user) ? tickets[e.user] : 0) + "," +
           csv_field(p && won.contains(e.user) ? won[e.user] : "") + "\n";
  }
  return out;
}

}  // namespace moim::graduation
