#pragma once
// What people ask of graduation day, as domain values: the session boundary decodes each client
// message into one, and the room's graduation feature (features/graduation_feature.hpp) answers
// it on the room's strand, where it can see who stands at the desk, the booth, or near whom.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "graduation/cards.hpp"
#include "graduation/game.hpp"

namespace moim::graduation {

// At the check-in desk. Self-service carries the code the guest typed; a host names someone
// standing there (`user`), and the roster entry when they joined without their roster invite.
struct CheckIn {
  std::string invite_code;
  UserId user = 0;  // 0: the asker
  std::int64_t roster_id = 0;
  std::string key;  // the request key (Service: a retry gets the earlier outcome)
};

// At the sticker booth; without a colour the booth's suggestion is taken.
struct PickColor {
  std::optional<int> color;
  std::string key;
};

struct MakeOffer {
  OfferKind kind = OfferKind::exchange;
  UserId to = 0;
};

struct AcceptOffer {
  std::uint64_t offer_id = 0;
  std::string key;
};

struct DeclineOffer {
  std::uint64_t offer_id = 0;
};

struct SetCard {
  Card card;
};

// The asker's state as their HUD shows it.
struct GetState {};

// Every card the asker received, as vCards.
struct ExportCards {};

// Not from a client: the hub asks it when a host changed someone's day through the API (checked
// them in), so their avatar and their HUD show it at once, not after their next request.
struct Refresh {};

using Request = std::variant<CheckIn, PickColor, MakeOffer, AcceptOffer, DeclineOffer, SetCard,
                             GetState, ExportCards, Refresh>;

}  // namespace moim::graduation
