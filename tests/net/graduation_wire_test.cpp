// Graduation day at the session boundary: each client request decodes into its domain value,
// a bad one is refused there, and each event encodes into the message the client reads.
#include <gtest/gtest.h>

#include "moim/proto/envelope.hpp"
#include "net/convert_graduation.hpp"
#include "net/proto_encoder.hpp"

namespace moim::net {
namespace {

template <typename T>
T decoded_as(const v1::Envelope& envelope) {
  auto request = graduation_request(envelope);
  EXPECT_TRUE(request) << (request ? "" : request.error().message);
  if (!request) return {};
  const auto* out = std::get_if<T>(&*request);
  EXPECT_NE(out, nullptr) << "decoded into alternative " << request->index();
  return out ? *out : T{};
}

TEST(GraduationDecode, CheckInKeepsTheCodeTheTargetTheRosterEntryAndTheKey) {
  v1::Envelope e;
  auto* c = e.mutable_check_in();
  c->set_invite_code("MOIM-AAAA-BBBB-CCCC");
  c->set_user_id(17);
  c->set_roster_id(4);
  c->set_key("in-1");
  const auto r = decoded_as<graduation::CheckIn>(e);
  EXPECT_EQ(r.invite_code, "MOIM-AAAA-BBBB-CCCC");
  EXPECT_EQ(r.user, 17u);
  EXPECT_EQ(r.roster_id, 4);
  EXPECT_EQ(r.key, "in-1");
}

TEST(GraduationDecode, PickWithoutAColourTakesTheSuggestionAndColourZeroIsAColour) {
  v1::Envelope e;
  e.mutable_pick_color()->set_key("k");
  const auto suggested = decoded_as<graduation::PickColor>(e);
  EXPECT_FALSE(suggested.color.has_value());
  EXPECT_EQ(suggested.key, "k");
  e.mutable_pick_color()->set_color(0);
  EXPECT_EQ(decoded_as<graduation::PickColor>(e).color, std::optional<int>(0));
}

TEST(GraduationDecode, OffersNeedAKnownKind) {
  v1::Envelope e;
  e.mutable_make_offer()->set_kind(v1::OFFER_KIND_CARD);
  e.mutable_make_offer()->set_to_user(9);
  const auto offer = decoded_as<graduation::MakeOffer>(e);
  EXPECT_EQ(offer.kind, graduation::OfferKind::card);
  EXPECT_EQ(offer.to, 9u);
  e.mutable_make_offer()->set_kind(v1::OFFER_KIND_EXCHANGE);
  EXPECT_EQ(decoded_as<graduation::MakeOffer>(e).kind, graduation::OfferKind::exchange);
  for (auto kind : {v1::OFFER_KIND_UNSPECIFIED, static_cast<v1::OfferKind>(77)}) {
    e.mutable_make_offer()->set_kind(kind);
    auto refused = graduation_request(e);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Errc::bad_request);
  }
}

TEST(GraduationDecode, AcceptDeclineAndCard) {
  v1::Envelope accept;
  accept.mutable_accept_offer()->set_offer_id(123456789012345ull);
  accept.mutable_accept_offer()->set_key("acc");
  const auto a = decoded_as<graduation::AcceptOffer>(accept);
  EXPECT_EQ(a.offer_id, 123456789012345ull);
  EXPECT_EQ(a.key, "acc");

  v1::Envelope decline;
  decline.mutable_decline_offer()->set_offer_id(5);
  EXPECT_EQ(decoded_as<graduation::DeclineOffer>(decline).offer_id, 5u);

  v1::Envelope card;
  auto* c = card.mutable_set_card()->mutable_card();
  c->set_user_id(999);  // set by the server: whatever the client says is ignored
  c->set_name("김민지");
  c->set_company("Naver");
  c->set_role("ML engineer");
  c->add_links("https://a.kr");
  c->add_links("mailto:m@b.kr");
  const auto set = decoded_as<graduation::SetCard>(card);
  EXPECT_EQ(set.card.name, "김민지");
  EXPECT_EQ(set.card.company, "Naver");
  EXPECT_EQ(set.card.role, "ML engineer");
  EXPECT_EQ(set.card.links, (std::vector<std::string>{"https://a.kr", "mailto:m@b.kr"}));
}

TEST(GraduationDecode, StateAndExportAskNothingMore) {
  v1::Envelope state;
  state.mutable_get_graduation();
  decoded_as<graduation::GetState>(state);
  v1::Envelope cards;
  cards.mutable_export_cards();
  decoded_as<graduation::ExportCards>(cards);
}

TEST(GraduationDecode, AnythingElseIsNotAGraduationRequest) {
  v1::Envelope e;
  EXPECT_FALSE(graduation_request(e));
  e.mutable_draw_raffle()->set_raffle_id(1);  // a hub request, not a room's
  auto refused = graduation_request(e);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::bad_request);
}

v1::Envelope encoded(std::uint32_t request_id, const graduation::Event& event) {
  ProtoEncoder encoder;
  auto decoded = proto::decode_envelope(*encoder.graduation_event(request_id, event));
  EXPECT_TRUE(std::holds_alternative<v1::Envelope>(decoded));
  auto* envelope = std::get_if<v1::Envelope>(&decoded);
  return envelope ? *envelope : v1::Envelope{};
}

TEST(GraduationEncode, ACardSwapCarriesTheCardReceivedUnderItsOwner) {
  graduation::SwapDone done{graduation::OfferKind::card,
                            31,
                            8,
                            "Ben",
                            -1,
                            graduation::Card{"Ben", "Kakao", "PM", {"https://b.kr"}}};
  const auto e = encoded(12, done);
  EXPECT_EQ(e.request_id(), 12u);
  ASSERT_TRUE(e.has_swap_done());
  EXPECT_EQ(e.swap_done().kind(), v1::OFFER_KIND_CARD);
  EXPECT_EQ(e.swap_done().id(), 31u);
  EXPECT_EQ(e.swap_done().with_user(), 8u);
  EXPECT_EQ(e.swap_done().with_name(), "Ben");
  ASSERT_TRUE(e.swap_done().has_card());
  EXPECT_EQ(e.swap_done().card().user_id(), 8u);
  EXPECT_EQ(e.swap_done().card().company(), "Kakao");
  ASSERT_EQ(e.swap_done().card().links_size(), 1);

  graduation::SwapDone exchange{graduation::OfferKind::exchange, 32, 8, "Ben", 3, std::nullopt};
  const auto x = encoded(0, exchange);
  EXPECT_EQ(x.swap_done().kind(), v1::OFFER_KIND_EXCHANGE);
  EXPECT_EQ(x.swap_done().color_received(), 3);
  EXPECT_FALSE(x.swap_done().has_card());
}

TEST(GraduationEncode, OffersAndTheirEnd) {
  const auto made = encoded(4, graduation::OfferMade{77, 123456});
  EXPECT_EQ(made.request_id(), 4u);
  EXPECT_EQ(made.offer_made().offer_id(), 77u);
  EXPECT_EQ(made.offer_made().expires_at_ms(), 123456);

  const auto received =
      encoded(0, graduation::OfferReceived{77, graduation::OfferKind::exchange, 5, "Ana", 2, 99});
  ASSERT_TRUE(received.has_offer_received());
  EXPECT_EQ(received.offer_received().kind(), v1::OFFER_KIND_EXCHANGE);
  EXPECT_EQ(received.offer_received().from_user(), 5u);
  EXPECT_EQ(received.offer_received().from_name(), "Ana");
  EXPECT_EQ(received.offer_received().from_color(), 2);
  EXPECT_EQ(received.offer_received().expires_at_ms(), 99);

  const auto closed = encoded(0, graduation::OfferClosed{77, "Ben declined"});
  EXPECT_EQ(closed.offer_closed().offer_id(), 77u);
  EXPECT_EQ(closed.offer_closed().message(), "Ben declined");
}

TEST(GraduationEncode, RaffleNewsRevealsTheSeedOnlyOnceDrawn) {
  graduation::RaffleRecord raffle;
  raffle.id = 3;
  raffle.commitment = "c0ffee";
  raffle.seed_hex = "5eed";
  raffle.tickets = {"1", "2", "2"};
  const auto opened = encoded(0, graduation::news_of(raffle, {}));
  EXPECT_EQ(opened.raffle_news().raffle_id(), 3);
  EXPECT_EQ(opened.raffle_news().commitment(), "c0ffee");
  EXPECT_EQ(opened.raffle_news().seed(), "");
  EXPECT_EQ(opened.raffle_news().tickets(), 3u);

  raffle.drawn_at_ms = 1000;
  const auto drawn = encoded(9, graduation::news_of(raffle, {{2, "Ben"}}));
  EXPECT_EQ(drawn.request_id(), 9u);
  EXPECT_EQ(drawn.raffle_news().seed(), "5eed");
  ASSERT_EQ(drawn.raffle_news().winners_size(), 1);
  EXPECT_EQ(drawn.raffle_news().winners(0).user_id(), 2u);
  EXPECT_EQ(drawn.raffle_news().winners(0).name(), "Ben");
}

TEST(GraduationEncode, CheckInAndExport) {
  const auto in = encoded(2, graduation::CheckInOutcome{4, "Ana", 17, true});
  ASSERT_TRUE(in.has_checked_in());
  EXPECT_EQ(in.checked_in().roster_id(), 4);
  EXPECT_EQ(in.checked_in().name(), "Ana");
  EXPECT_EQ(in.checked_in().user_id(), 17u);
  EXPECT_TRUE(in.checked_in().already());
  const auto cards = encoded(3, graduation::CardsExport{"BEGIN:VCARD"});
  EXPECT_EQ(cards.cards_export().vcard(), "BEGIN:VCARD");
}

}  // namespace
}  // namespace moim::net
