#pragma once
// What graduation day tells people, as domain values: the answers to their requests and what
// is pushed to others. app::Encoder turns each into a message (net implements it).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "graduation/service.hpp"

namespace moim::graduation {

// The answer to MakeOffer.
struct OfferMade {
  std::uint64_t offer_id = 0;
  std::int64_t expires_at_ms = 0;
};

// Pushed to the person an offer is for.
struct OfferReceived {
  std::uint64_t offer_id = 0;
  OfferKind kind = OfferKind::exchange;
  UserId from_user = 0;
  std::string from_name;
  int from_color = -1;  // exchange: the sender's palette index
  std::int64_t expires_at_ms = 0;
};

// Pushed to the sender when the other person declines.
struct OfferClosed {
  std::uint64_t offer_id = 0;
  std::string message;
};

// An accepted offer as one of the two sees it: whom they swapped with and what they received.
struct SwapDone {
  OfferKind kind = OfferKind::exchange;
  std::int64_t id = 0;  // the exchange's or card swap's id
  UserId with_user = 0;
  std::string with_name;
  int color_received = -1;   // exchange only
  std::optional<Card> card;  // card swap only: the card received
};

struct CardsExport {
  std::string vcard;  // every card received, vCard 4.0
};

// The whole venue hears of a raffle when it opens (its commitment) and when it is drawn (the
// seed and the winners, in the order drawn).
struct RaffleNews {
  std::int64_t raffle_id = 0;
  std::string commitment;
  std::string seed;  // empty until drawn
  std::vector<std::pair<UserId, std::string>> winners;
  std::size_t tickets = 0;
};

inline RaffleNews news_of(const RaffleRecord& raffle,
                          std::vector<std::pair<UserId, std::string>> winners) {
  return RaffleNews{raffle.id, raffle.commitment, raffle.drawn_at_ms != 0 ? raffle.seed_hex : "",
                    std::move(winners), raffle.tickets.size()};
}

// CheckInOutcome answers CheckIn; StateView answers GetState and is pushed when it changes.
using Event = std::variant<CheckInOutcome, StateView, OfferMade, OfferReceived, OfferClosed,
                           SwapDone, CardsExport, RaffleNews>;

}  // namespace moim::graduation
