// The whole graduation day against a real server and SQLite file, with real clients: import,
// check-in, pick, exchange, swap cards, complete, draw, audit, export — and the bad inputs.
#include <nlohmann/json.hpp>

#include "graduation_helpers.hpp"
#include "http_client.hpp"

namespace moim::e2e {
namespace {

using grad::error_of;
using world::TilePos;
using world::ZoneKind;

const std::string kHost = "host-token-for-graduation";
const std::string kAttendee = "attendee-token";

struct Guest {
  std::unique_ptr<SyncClient> client;
  std::uint64_t id = 0;
  TilePos pos;
  std::string code;
};

class GraduationDay : public ::testing::Test {
 protected:
  GraduationDay()
      : server_([](ServerConfig& c) {
          c.messages_per_second = 1000;
          c.messages_burst = 2000;
        }),
        floor_(shipped_map("graduation-1f")) {
    auto& store = server_.server().store();
    EXPECT_TRUE(store.create_host_token(kHost, store::Role::host, "test"));
    server_.host_token(store::Role::attendee, kAttendee);  // as an older database holds it
  }

  HttpResult api(const std::string& method, const std::string& path, const std::string& body = "",
                 const std::string& token = kHost, const std::string& type = "application/json") {
    return http_request(server_.port(), method, path, body, token, type);
  }

  Guest join(const std::string& name, const std::string& code) {
    Guest g;
    g.client = server_.connect();
    auto reply = g.client->hello_and_join(name, code, "graduation-1f");
    EXPECT_TRUE(reply && reply->has_joined()) << (reply ? reply->DebugString() : "timeout");
    if (!reply || !reply->has_joined()) return g;
    g.id = reply->joined().user_id();
    g.pos = position(reply->joined());
    g.code = code;
    return g;
  }

  void go(Guest& g, TilePos to) { g.pos = walk(*g.client, floor_, g.pos, to); }

  TestServer server_;
  const world::Map& floor_;
};

TEST_F(GraduationDay, TheWholeDay) {
  // --- the roster ------------------------------------------------------------------------------
  const std::string csv =
      "name,email,cohort,company\n"
      "김민지,minji@x.io,3기,Kakao\n"
      "박서준,seojun@x.io,3기,Naver\n"
      "Alex Lee,alex@x.io,3기,\n";
  EXPECT_EQ(api("POST", "/api/roster", csv, "", "text/csv").status, 401);
  EXPECT_EQ(api("POST", "/api/roster", csv, kAttendee, "text/csv").status, 403);
  auto imported = api("POST", "/api/roster", csv, kHost, "text/csv");
  ASSERT_EQ(imported.status, 200) << imported.body;
  const auto codes = imported.json()["codes"];
  ASSERT_EQ(codes.size(), 3u);
  auto again = api("POST", "/api/roster?format=csv", csv, kHost, "text/csv");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.body, "roster_id,name,email,invite_code\n");  // nobody new, no codes again
  auto bad = api("POST", "/api/roster", "name,email,cohort\nX,x@x.io\n", kHost, "text/csv");
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.body.find("line 2"), std::string::npos) << bad.body;
  auto counts = api("GET", "/api/graduation/counts").json();
  EXPECT_EQ(counts["expected"], 3);
  EXPECT_EQ(counts["arrived"], 0);

  // Three colours so three people can complete their cards.
  auto palette =
      api("PUT", "/api/graduation/palette",
          R"({"colors":[{"name":"coral","rgb":"#FF7F50"},{"name":"teal","rgb":"#008080"},)"
          R"({"name":"gold","rgb":"#FFD700"}]})");
  ASSERT_EQ(palette.status, 200) << palette.body;

  // --- arrival and check-in --------------------------------------------------------------------
  std::vector<Guest> g;
  for (std::size_t i = 0; i < 3; ++i) {
    g.push_back(
        join(codes[i]["name"].get<std::string>(), codes[i]["invite_code"].get<std::string>()));
  }
  auto away = g[0].client->request(grad::check_in(g[0].code));
  if (!floor_.zone_at(g[0].pos, ZoneKind::checkin)) {
    EXPECT_EQ(error_of(away), v1::ERROR_CODE_WRONG_PLACE);
  }
  for (std::size_t i = 0; i < 3; ++i)
    go(g[i], grad::zone_tile(floor_, ZoneKind::checkin, 2 * static_cast<int>(i)));
  EXPECT_EQ(error_of(g[0].client->request(grad::check_in("MOIM-AAAA-BBBB-CCCC"))),
            v1::ERROR_CODE_NOT_ON_ROSTER);
  EXPECT_EQ(error_of(g[0].client->request(grad::check_in("", g[1].id))),
            v1::ERROR_CODE_FORBIDDEN);  // only hosts check others in
  for (auto& guest : g) {
    auto done = guest.client->request(grad::check_in(guest.code, 0, "in-1"));
    ASSERT_TRUE(done && done->has_checked_in()) << (done ? done->DebugString() : "timeout");
  }
  auto retried = g[0].client->request(grad::check_in(g[0].code, 0, "in-1"));
  ASSERT_TRUE(retried && retried->has_checked_in());
  EXPECT_TRUE(retried->checked_in().already());
  // Everyone sees the others' cap and gown.
  auto seen = g[2].client->wait_for([&](const v1::Envelope& e) {
    if (!e.has_frame()) return false;
    for (const auto& a : e.frame().upserts()) {
      if (a.user_id() == g[0].id && a.look().graduate()) return true;
    }
    return false;
  });
  EXPECT_TRUE(seen) << "no graduation look on 김민지";
  counts = api("GET", "/api/graduation/counts").json();
  EXPECT_EQ(counts["arrived"], 3);
  EXPECT_EQ(counts["missing"], 0);

  // --- the sticker booth ---------------------------------------------------------------------
  const TilePos booth = grad::zone_tile(floor_, ZoneKind::sticker_booth, 10);
  EXPECT_EQ(error_of(g[0].client->request(grad::pick())), v1::ERROR_CODE_WRONG_PLACE);
  for (auto& guest : g) go(guest, booth);
  for (auto& guest : g) {
    auto picked = guest.client->request(grad::pick(std::nullopt, "pick-1"));  // the suggestion
    ASSERT_TRUE(picked && picked->has_ack()) << (picked ? picked->DebugString() : "timeout");
  }
  EXPECT_EQ(error_of(g[0].client->request(grad::pick(2))), v1::ERROR_CODE_COLOR_ALREADY_PICKED);
  auto booth_state = api("GET", "/api/graduation/palette").json();
  for (const auto& c : booth_state["colors"]) EXPECT_EQ(c["picked"], 1);  // balanced

  // --- exchanges ---------------------------------------------------------------------------------
  EXPECT_EQ(error_of(g[0].client->request(grad::offer(g[0].id))), v1::ERROR_CODE_WITH_YOURSELF);
  auto exchange = [&](Guest& from, Guest& to, const std::string& key) {
    auto made = from.client->request(grad::offer(to.id));
    ASSERT_TRUE(made && made->has_offer_made()) << (made ? made->DebugString() : "timeout");
    auto got = to.client->wait_for([](const v1::Envelope& e) { return e.has_offer_received(); });
    ASSERT_TRUE(got);
    EXPECT_EQ(got->offer_received().from_user(), from.id);
    auto done = to.client->request(grad::accept(got->offer_received().offer_id(), key));
    ASSERT_TRUE(done && done->has_swap_done()) << (done ? done->DebugString() : "timeout");
    EXPECT_EQ(done->swap_done().with_user(), from.id);
    auto told = from.client->wait_for([](const v1::Envelope& e) { return e.has_swap_done(); });
    ASSERT_TRUE(told);
    EXPECT_EQ(told->swap_done().with_user(), to.id);
    // A retry of the same accept answers the same exchange and adds nothing.
    auto retry = to.client->request(grad::accept(got->offer_received().offer_id(), key));
    ASSERT_TRUE(retry && retry->has_swap_done());
    EXPECT_EQ(retry->swap_done().id(), done->swap_done().id());
  };
  exchange(g[0], g[1], "x-01");
  EXPECT_EQ(error_of(g[1].client->request(grad::offer(g[0].id))), v1::ERROR_CODE_ALREADY_EXCHANGED);
  // Someone else's offer cannot be accepted; a far-away guest cannot be offered to.
  auto made = g[0].client->request(grad::offer(g[2].id));
  ASSERT_TRUE(made && made->has_offer_made());
  EXPECT_EQ(error_of(g[1].client->request(grad::accept(made->offer_made().offer_id(), "steal"))),
            v1::ERROR_CODE_NO_SUCH_OFFER);
  const TilePos far = far_tile(floor_, booth, 10);
  go(g[2], far);
  auto got = g[2].client->wait_for([](const v1::Envelope& e) { return e.has_offer_received(); });
  ASSERT_TRUE(got);
  EXPECT_EQ(error_of(g[2].client->request(grad::accept(got->offer_received().offer_id(), "far"))),
            v1::ERROR_CODE_NOT_NEAR);
  EXPECT_EQ(error_of(g[1].client->request(grad::offer(g[2].id))), v1::ERROR_CODE_NOT_NEAR);
  go(g[2], booth);
  auto now_near = g[2].client->request(grad::accept(got->offer_received().offer_id(), "near"));
  ASSERT_TRUE(now_near && now_near->has_swap_done()) << now_near->DebugString();
  exchange(g[1], g[2], "x-12");

  auto state = g[0].client->request([] {
    v1::Envelope e;
    e.mutable_get_graduation();
    return e;
  }());
  ASSERT_TRUE(state && state->has_graduation());
  EXPECT_TRUE(state->graduation().complete());
  EXPECT_EQ(state->graduation().held_size(), 3);
  EXPECT_EQ(state->graduation().people_met(), 2u);

  // --- business cards ----------------------------------------------------------------------------
  v1::Envelope card;
  card.mutable_set_card()->mutable_card()->set_name("김민지");
  card.mutable_set_card()->mutable_card()->set_company("Kakao");
  card.mutable_set_card()->mutable_card()->set_role("Backend, Platform");
  card.mutable_set_card()->mutable_card()->add_links("https://minji.dev");
  ASSERT_TRUE(g[0].client->request(card)->has_ack());
  card.mutable_set_card()->mutable_card()->set_links(0, "javascript:alert(1)");
  EXPECT_EQ(error_of(g[0].client->request(card)), v1::ERROR_CODE_INVALID_CARD);
  auto card_offer = g[0].client->request(grad::offer(g[1].id, v1::OFFER_KIND_CARD));
  ASSERT_TRUE(card_offer && card_offer->has_offer_made());
  auto card_got = g[1].client->wait_for([](const v1::Envelope& e) {
    return e.has_offer_received() && e.offer_received().kind() == v1::OFFER_KIND_CARD;
  });
  ASSERT_TRUE(card_got);
  auto swapped = g[1].client->request(grad::accept(card_got->offer_received().offer_id(), "c-1"));
  ASSERT_TRUE(swapped && swapped->has_swap_done());
  EXPECT_EQ(swapped->swap_done().card().company(), "Kakao");
  v1::Envelope export_cards;
  export_cards.mutable_export_cards();
  auto vcf = g[1].client->request(export_cards);
  ASSERT_TRUE(vcf && vcf->has_cards_export());
  EXPECT_NE(vcf->cards_export().vcard().find("FN:김민지\r\nORG:Kakao\r\nTITLE:Backend\\, Platform"),
            std::string::npos)
      << vcf->cards_export().vcard();

  // --- the raffle --------------------------------------------------------------------------------
  EXPECT_EQ(api("POST", "/api/raffle", R"({"winners":2})", kAttendee).status, 403);
  auto raffle = api("POST", "/api/raffle", R"({"winners":2,"extra_every":2})");
  ASSERT_EQ(raffle.status, 201) << raffle.body;
  const auto raffle_id = raffle.json()["id"].get<std::int64_t>();
  const auto commitment = raffle.json()["commitment"].get<std::string>();
  auto announced = g[2].client->wait_for([](const v1::Envelope& e) { return e.has_raffle_news(); });
  ASSERT_TRUE(announced);
  EXPECT_EQ(announced->raffle_news().commitment(), commitment);
  EXPECT_TRUE(announced->raffle_news().seed().empty());  // secret until the draw
  auto audit_before = api("GET", "/api/raffle/" + std::to_string(raffle_id) + "/audit").json();
  EXPECT_FALSE(audit_before.contains("seed"));
  v1::Envelope draw;
  draw.mutable_draw_raffle()->set_raffle_id(raffle_id);
  EXPECT_EQ(error_of(g[0].client->request(draw)), v1::ERROR_CODE_FORBIDDEN);
  auto drawn = api("POST", "/api/raffle/" + std::to_string(raffle_id) + "/draw");
  ASSERT_EQ(drawn.status, 200) << drawn.body;
  for (auto& guest : g) {
    auto news = guest.client->wait_for([](const v1::Envelope& e) {
      return e.has_raffle_news() && !e.raffle_news().seed().empty();
    });
    ASSERT_TRUE(news) << "the draw was not announced to everyone";
    EXPECT_EQ(news->raffle_news().winners_size(), 2);
  }
  auto redraw = api("POST", "/api/raffle/" + std::to_string(raffle_id) + "/draw").json();
  EXPECT_TRUE(redraw["already_drawn"].get<bool>());
  EXPECT_EQ(redraw["winners"], drawn.json()["winners"]);

  // The audit, recomputed here from the published seed and tickets.
  auto audit = api("GET", "/api/raffle/" + std::to_string(raffle_id) + "/audit").json();
  const auto seed = audit["seed"].get<std::string>();
  EXPECT_EQ(grad::sha256_hex_of(grad::unhex(seed)), commitment);
  const auto tickets = audit["tickets"].get<std::vector<std::string>>();
  // Everyone completed and met two people: one ticket plus one extra (one per 2 met) each.
  std::vector<std::string> expected_tickets;
  std::vector<std::uint64_t> ids{g[0].id, g[1].id, g[2].id};
  std::sort(ids.begin(), ids.end());
  for (auto id : ids) {
    expected_tickets.push_back(std::to_string(id) + ":1");
    expected_tickets.push_back(std::to_string(id) + ":2");
  }
  EXPECT_EQ(tickets, expected_tickets);
  EXPECT_EQ(audit["winners"].get<std::vector<std::uint64_t>>(), grad::audit_draw(seed, tickets, 2));

  // --- afterwards
  // ----------------------------------------------------------------------------------
  auto results = api("GET", "/api/graduation/results.csv");
  ASSERT_EQ(results.status, 200);
  EXPECT_NE(results.body.find("김민지,minji@x.io,3기,Kakao,"), std::string::npos) << results.body;
  EXPECT_NE(results.body.find(",coral teal gold,yes,2,2,1,2,"), std::string::npos) << results.body;
  auto board = api("GET", "/api/graduation/leaderboard").json()["leaderboard"];
  ASSERT_EQ(board.size(), 3u);
  EXPECT_EQ(board[0]["people_met"], 2);
  EXPECT_EQ(api("GET", "/api/graduation/results.csv", "", "").status, 401);

  // Everything survives a restart.
  server_.restart();
  auto back = join(codes[0]["name"].get<std::string>(), codes[0]["invite_code"].get<std::string>());
  v1::Envelope get;
  get.mutable_get_graduation();
  auto after = back.client->request(get);
  ASSERT_TRUE(after && after->has_graduation());
  EXPECT_TRUE(after->graduation().complete());
  EXPECT_EQ(after->graduation().color(), state->graduation().color());
}

TEST_F(GraduationDay, HostChecksInAtTheDeskAndBadCsvIsRefused) {
  std::string big = "name,email,cohort,company\n";
  for (int i = 0; i < 100000; ++i)
    big += "P" + std::to_string(i) + ",p" + std::to_string(i) + "@x.io,c,\n";
  auto huge = api("POST", "/api/roster", big, kHost, "text/csv");
  EXPECT_EQ(huge.status, 413) << huge.body;
  auto bad_utf8 =
      api("POST", "/api/roster", "name,email,cohort\nB\xC3\x28o,b@x.io,c\n", kHost, "text/csv");
  EXPECT_EQ(bad_utf8.status, 400);
  EXPECT_NE(bad_utf8.body.find("UTF-8"), std::string::npos);
  EXPECT_EQ(api("GET", "/api/graduation/counts").json()["expected"], 0);

  auto imported =
      api("POST", "/api/roster", "name,email,cohort\nAna,ana@x.io,c\n", kHost, "text/csv");
  ASSERT_EQ(imported.status, 200);
  const auto roster_id = imported.json()["codes"][0]["roster_id"].get<std::int64_t>();
  // Ana joins without her code (dev mode); a host checks her in by roster entry at the desk.
  ASSERT_TRUE(
      server_.server().store().create_invite("MOIM-HOST-HOST-HOST", store::Role::host, 0, "h"));
  Guest host = join("Host", "MOIM-HOST-HOST-HOST");
  Guest ana;
  ana.client = server_.connect();
  auto joined = ana.client->hello_and_join("Ana", "", "graduation-1f");
  ASSERT_TRUE(joined && joined->has_joined());
  ana.id = joined->joined().user_id();
  ana.pos = position(joined->joined());
  v1::Envelope by_host = grad::check_in("", ana.id);
  by_host.mutable_check_in()->set_roster_id(roster_id);
  if (!floor_.zone_at(ana.pos, ZoneKind::checkin)) {
    EXPECT_EQ(error_of(host.client->request(by_host)), v1::ERROR_CODE_WRONG_PLACE);
  }
  go(ana, grad::zone_tile(floor_, ZoneKind::checkin));
  auto done = host.client->request(by_host);
  ASSERT_TRUE(done && done->has_checked_in()) << (done ? done->DebugString() : "timeout");
  EXPECT_EQ(done->checked_in().name(), "Ana");
  auto state = ana.client->wait_for([](const v1::Envelope& e) { return e.has_graduation(); });
  ASSERT_TRUE(state);
  EXPECT_TRUE(state->graduation().checked_in());
  // Checking in a stranger who is not on the roster.
  v1::Envelope stranger = grad::check_in("", host.id);
  go(host, grad::zone_tile(floor_, ZoneKind::checkin, 1));
  EXPECT_EQ(error_of(host.client->request(stranger)), v1::ERROR_CODE_NOT_ON_ROSTER);
  EXPECT_EQ(api("GET", "/api/graduation/counts").json()["arrived"], 1);
}

// A request key names one request: a retry gets the earlier answer, anything else CONFLICT.
TEST_F(GraduationDay, AKeyReusedForADifferentRequestIsAConflict) {
  auto imported =
      api("POST", "/api/roster",
          "name,email,cohort\nAna,ana@x.io,c\nBen,ben@x.io,c\nCho,cho@x.io,c\n", kHost, "text/csv");
  ASSERT_EQ(imported.status, 200) << imported.body;
  const auto codes = imported.json()["codes"];
  std::vector<Guest> g;
  for (std::size_t i = 0; i < 3; ++i) {
    g.push_back(
        join(codes[i]["name"].get<std::string>(), codes[i]["invite_code"].get<std::string>()));
    go(g[i], grad::zone_tile(floor_, ZoneKind::checkin, 2 * static_cast<int>(i)));
    auto in = g[i].client->request(grad::check_in(g[i].code, 0, "in"));
    ASSERT_TRUE(in && in->has_checked_in()) << (in ? in->DebugString() : "timeout");
  }
  // Ana's check-in key asking to check in with Ben's code.
  EXPECT_EQ(error_of(g[0].client->request(grad::check_in(g[1].code, 0, "in"))),
            v1::ERROR_CODE_CONFLICT);
  Guest& a = g[0];
  Guest& b = g[1];
  Guest& c = g[2];
  const TilePos booth = grad::zone_tile(floor_, ZoneKind::sticker_booth, 10);
  for (auto& guest : g) go(guest, booth);
  auto picked = b.client->request(grad::pick(3, "K2"));
  ASSERT_TRUE(picked && picked->has_ack()) << (picked ? picked->DebugString() : "timeout");
  EXPECT_EQ(error_of(b.client->request(grad::pick(4, "K2"))), v1::ERROR_CODE_CONFLICT);
  auto repicked = b.client->request(grad::pick(3, "K2"));  // a retry: the same answer
  EXPECT_TRUE(repicked && repicked->has_ack());
  ASSERT_TRUE(a.client->request(grad::pick(0, "pa"))->has_ack());
  ASSERT_TRUE(c.client->request(grad::pick(1, "pc"))->has_ack());
  const auto colors = api("GET", "/api/graduation/palette").json()["colors"];
  EXPECT_EQ(colors[3]["picked"], 1);
  EXPECT_EQ(colors[4]["picked"], 0);

  auto offered = [&](Guest& from) {
    auto made = from.client->request(grad::offer(b.id));
    EXPECT_TRUE(made && made->has_offer_made());
    auto got = b.client->wait_for([&](const v1::Envelope& e) {
      return e.has_offer_received() && e.offer_received().from_user() == from.id;
    });
    EXPECT_TRUE(got);
    return got ? got->offer_received().offer_id() : 0;
  };
  const auto from_a = offered(a);
  const auto from_c = offered(c);
  auto done = b.client->request(grad::accept(from_a, "K"));
  ASSERT_TRUE(done && done->has_swap_done()) << (done ? done->DebugString() : "timeout");
  EXPECT_EQ(done->swap_done().with_user(), a.id);
  EXPECT_EQ(error_of(b.client->request(grad::accept(from_c, "K"))), v1::ERROR_CODE_CONFLICT);
  auto retry = b.client->request(grad::accept(from_a, "K"));
  ASSERT_TRUE(retry && retry->has_swap_done());
  EXPECT_EQ(retry->swap_done().id(), done->swap_done().id());
  // Cho's offer is still open: Ben accepts it with a key of its own.
  auto later = b.client->request(grad::accept(from_c, "K-c"));
  ASSERT_TRUE(later && later->has_swap_done()) << (later ? later->DebugString() : "timeout");
  EXPECT_EQ(later->swap_done().with_user(), c.id);
  // A card swap's key is guarded the same way.
  auto card = a.client->request(grad::offer(b.id, v1::OFFER_KIND_CARD));
  ASSERT_TRUE(card && card->has_offer_made());
  const auto card_id = card->offer_made().offer_id();
  EXPECT_EQ(error_of(b.client->request(grad::accept(card_id, "K"))), v1::ERROR_CODE_CONFLICT);
  auto swapped = b.client->request(grad::accept(card_id, "K-card"));
  ASSERT_TRUE(swapped && swapped->has_swap_done());
  EXPECT_EQ(error_of(b.client->request(grad::accept(from_c, "K-card"))), v1::ERROR_CODE_CONFLICT);
  auto board = api("GET", "/api/graduation/leaderboard").json()["leaderboard"];
  ASSERT_FALSE(board.empty());
  EXPECT_EQ(board[0]["user_id"], b.id);
  EXPECT_EQ(board[0]["exchanges"], 2);
  EXPECT_EQ(board[0]["cards"], 1);
}

TEST_F(GraduationDay, HostReissuesACodeAndChecksInOverTheApi) {
  auto imported = api("POST", "/api/roster", "name,email,cohort\nAna,ana@x.io,c\nBen,ben@x.io,c\n",
                      kHost, "text/csv");
  ASSERT_EQ(imported.status, 200) << imported.body;
  const auto codes = imported.json()["codes"];
  const auto ana_id = std::to_string(codes[0]["roster_id"].get<std::int64_t>());
  const auto ben_id = std::to_string(codes[1]["roster_id"].get<std::int64_t>());
  auto same = api("POST", "/api/roster", "name,email,cohort\nAna,ana@x.io,c\nBen,ben@x.io,d\n",
                  kHost, "text/csv");
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(same.json()["created"], 0);
  EXPECT_EQ(same.json()["updated"], 1);  // only Ben's cohort changed
  EXPECT_EQ(same.json()["unchanged"], 1);
  for (const std::string& path :
       {"/api/roster/" + ana_id + "/code", "/api/roster/" + ana_id + "/check-in"}) {
    EXPECT_EQ(api("POST", path, "", "").status, 401) << path;
    EXPECT_EQ(api("POST", path, "", kAttendee).status, 403) << path;
  }
  EXPECT_EQ(api("POST", "/api/roster/999/code").status, 404);
  EXPECT_EQ(api("POST", "/api/roster/x/check-in").status, 404);

  // Ana lost her code before joining: the old one stops working, the new one works once.
  auto early = api("POST", "/api/roster/" + ana_id + "/check-in");
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.json()["error"]["code"], "not_joined");
  auto reissued = api("POST", "/api/roster/" + ana_id + "/code");
  ASSERT_EQ(reissued.status, 200) << reissued.body;
  EXPECT_EQ(reissued.json()["name"], "Ana");
  EXPECT_EQ(reissued.json()["already_joined"], false);
  const auto new_code = reissued.json()["invite_code"].get<std::string>();
  EXPECT_NE(new_code, codes[0]["invite_code"].get<std::string>());
  auto stale = server_.connect();
  auto refused =
      stale->hello_and_join("Ana", codes[0]["invite_code"].get<std::string>(), "graduation-1f");
  EXPECT_EQ(error_of(refused), v1::ERROR_CODE_INVALID_INVITE);
  Guest ana = join("Ana", new_code);
  ASSERT_NE(ana.id, 0u);

  // The host checks her in from the API; she sees it at once, and a retry is harmless.
  auto in = api("POST", "/api/roster/" + ana_id + "/check-in");
  ASSERT_EQ(in.status, 200) << in.body;
  EXPECT_EQ(in.json(), nlohmann::json({{"roster_id", codes[0]["roster_id"]},
                                       {"name", "Ana"},
                                       {"user_id", ana.id},
                                       {"already", false}}));
  auto hud = ana.client->wait_for(
      [](const v1::Envelope& e) { return e.has_graduation() && e.graduation().checked_in(); });
  EXPECT_TRUE(hud) << "Ana's HUD did not learn of her check-in";
  auto again = api("POST", "/api/roster/" + ana_id + "/check-in");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["already"], true);
  EXPECT_EQ(again.json()["user_id"], ana.id);
  EXPECT_EQ(api("GET", "/api/graduation/counts").json()["arrived"], 1);

  // Ben joined, then lost his code: he keeps his account and checks in with the new code.
  Guest ben = join("Ben", codes[1]["invite_code"].get<std::string>());
  auto ben_code = api("POST", "/api/roster/" + ben_id + "/code");
  ASSERT_EQ(ben_code.status, 200) << ben_code.body;
  EXPECT_EQ(ben_code.json()["already_joined"], true);
  ben.client.reset();
  Guest ben_again = join("Ben", ben_code.json()["invite_code"].get<std::string>());
  EXPECT_EQ(ben_again.id, ben.id);
  go(ben_again, grad::zone_tile(floor_, ZoneKind::checkin));
  auto self = ben_again.client->request(grad::check_in(ben_again.code, 0, "in"));
  ASSERT_TRUE(self && self->has_checked_in()) << (self ? self->DebugString() : "timeout");
  EXPECT_EQ(self->checked_in().name(), "Ben");
  EXPECT_EQ(api("GET", "/api/graduation/counts").json()["arrived"], 2);
}

}  // namespace
}  // namespace moim::e2e
