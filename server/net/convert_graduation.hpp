#pragma once
// The session boundary for graduation day: protobuf ↔ graduation domain types. Decoding a
// client's request is here; encoding what graduation day says is ProtoEncoder::graduation_event
// (encode_graduation.cpp), built from these fill functions.
#include <optional>

#include "graduation/events.hpp"
#include "graduation/requests.hpp"
#include "moim/v1/moim.pb.h"
#include "room/types.hpp"
#include "store/store.hpp"

namespace moim::net {

std::optional<graduation::OfferKind> from_proto(v1::OfferKind kind);
v1::OfferKind to_proto(graduation::OfferKind kind);
graduation::Card card_from(const v1::BusinessCard& card);
// The graduation request an envelope carries (CheckIn … ExportCards); bad_request for any
// other body, or for an offer of no known kind.
Result<graduation::Request> graduation_request(const v1::Envelope& envelope);

void fill(v1::BusinessCard& out, store::UserId user, const graduation::Card& card);
void fill(v1::GraduationState& out, const graduation::StateView& state);
void fill(v1::RaffleNews& out, const graduation::RaffleNews& news);

}  // namespace moim::net
