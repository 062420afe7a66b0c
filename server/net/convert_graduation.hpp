#pragma once
// The session boundary for graduation day: protobuf ↔ graduation domain types.
#include <optional>

#include "graduation/service.hpp"
#include "moim/v1/moim.pb.h"
#include "room/types.hpp"
#include "store/store.hpp"

namespace moim::net {

room::Look to_room(const graduation::Look& look);
std::optional<graduation::OfferKind> from_proto(v1::OfferKind kind);
v1::OfferKind to_proto(graduation::OfferKind kind);
graduation::Card card_from(const v1::BusinessCard& card);
void fill(v1::BusinessCard& out, store::UserId user, const graduation::Card& card);
void fill(v1::GraduationState& out, const graduation::StateView& state);
void fill(v1::RaffleNews& out, const store::RaffleRecord& raffle,
          const std::vector<std::pair<store::UserId, std::string>>& winners);

}  // namespace moim::net
