// Graduation day as a person sees it: the real moim-client (headless) joins the venue with its
// roster code, checks in at the desk, picks a colour at the booth, and is offered an exchange by
// a guest standing next to it. The screenshot must show the others' sashes in their sticker
// colours, the client's sticker card HUD and the offer prompt. With MOIM_SCREENSHOT_OUT set the
// picture is also copied there (that is how docs/screenshot-graduation.png is made).
#include <SDL.h>
#include <SDL_image.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <future>
#include <iostream>

#include "graduation_helpers.hpp"
#include "http_client.hpp"
#include "screenshot_pixels.hpp"

namespace moim::e2e {
namespace {

constexpr int kViewW = 1280;
constexpr int kViewH = 720;
const std::string kToken = "screenshot-host-token";

TEST(GraduationScreenshot, TheVenueMidEvent) {
  TestServer server([](ServerConfig& c) {
    c.messages_per_second = 1000;
    c.messages_burst = 2000;
  });
  ASSERT_TRUE(server.server().store().create_host_token(kToken, store::Role::host, "t"));
  const std::string csv =
      "name,email,cohort,company\n김민지,minji@x.io,3기,Kakao\n박서준,seojun@x.io,3기,Naver\n"
      "이하은,haeun@x.io,3기,Toss\nAlex Lee,alex@x.io,3기,\n최유나,yuna@x.io,3기,LINE\n";
  auto imported = http_request(server.port(), "POST", "/api/roster", csv, kToken, "text/csv");
  ASSERT_EQ(imported.status, 200) << imported.body;
  const auto codes = imported.json()["codes"];
  const auto& floor = shipped_map("graduation-1f");
  const world::TilePos desk = grad::zone_tile(floor, world::ZoneKind::checkin, 9);
  const world::TilePos booth = grad::zone_tile(floor, world::ZoneKind::sticker_booth, 30);

  // Four guests arrive first: check in, pick, exchange among themselves, stand around the booth.
  std::vector<std::unique_ptr<SyncClient>> guests;
  std::vector<std::uint64_t> ids;
  std::vector<std::uint32_t> ribbons;
  // Four booth tiles around hers, within reach of each other and not too close together.
  std::vector<world::TilePos> spots;
  for (int n = 0; spots.size() < 4 && n < 200; ++n) {
    const auto p = grad::zone_tile(floor, world::ZoneKind::sticker_booth, n);
    const int d = world::distance_sq(p, booth);
    if (d < 2 || d > 5) continue;
    if (std::ranges::any_of(spots, [&](auto q) { return world::distance_sq(p, q) < 4; })) continue;
    spots.push_back(p);
  }
  ASSERT_EQ(spots.size(), 4u);
  for (int i = 1; i <= 4; ++i) {
    auto c = server.connect();
    auto joined = c->hello_and_join(codes[i]["name"].get<std::string>(),
                                    codes[i]["invite_code"].get<std::string>(), "graduation-1f");
    ASSERT_TRUE(joined && joined->has_joined());
    ids.push_back(joined->joined().user_id());
    auto at = walk(*c, floor, position(joined->joined()), desk);
    ASSERT_TRUE(
        c->request(grad::check_in(codes[i]["invite_code"].get<std::string>()))->has_checked_in());
    const auto stood = walk(*c, floor, at, spots[i - 1]);
    ASSERT_EQ(stood, spots[i - 1]) << "cannot reach the booth spot";
    auto picked = c->request(grad::pick());
    ASSERT_TRUE(picked && picked->has_ack()) << (picked ? picked->DebugString() : "timeout");
    auto state = c->wait_for(
        [](const v1::Envelope& e) { return e.has_graduation() && e.graduation().color() >= 0; });
    ASSERT_TRUE(state);
    ribbons.push_back(state->graduation().palette(state->graduation().color()).rgb());
    guests.push_back(std::move(c));
  }
  // Guest 0 and 1 exchange (all four stand within the radius of each other).
  auto made = guests[0]->request(grad::offer(ids[1]));
  ASSERT_TRUE(made && made->has_offer_made()) << made->DebugString();
  auto got = guests[1]->wait_for([](const v1::Envelope& e) { return e.has_offer_received(); });
  ASSERT_TRUE(got);
  ASSERT_TRUE(
      guests[1]->request(grad::accept(got->offer_received().offer_id(), "k"))->has_swap_done());

  // The booth will suggest her the least-picked colour.
  auto palette = http_request(server.port(), "GET", "/api/graduation/palette", "", kToken).json();
  const auto suggested = palette["suggested"].get<std::size_t>();
  const auto her_rgb = static_cast<std::uint32_t>(
      std::stoul(palette["colors"][suggested]["rgb"].get<std::string>().substr(1), nullptr, 16));

  // The client: 김민지 with her code, scripted through her morning.
  const auto shot = fresh_dir() / "graduation.png";
  const auto code = codes[0]["invite_code"].get<std::string>();
  const std::string command =
      std::string(MOIM_CLIENT_EXE) +
      " --headless --server ws://127.0.0.1:" + std::to_string(server.port()) +
      " --name 김민지 --invite " + code +
      " --room graduation-1f --frames 30 --script goto:" + std::to_string(desk.x) + "," +
      std::to_string(desk.y) + " --script checkin --script goto:" + std::to_string(booth.x) + "," +
      std::to_string(booth.y) + " --script pick --script 'say:다들 축하해요!' --script wait:2.5" +
      " --screenshot " + shot.string() + " > " + shot.string() + ".log 2>&1";
  auto client = std::async(std::launch::async, [&] { return std::system(command.c_str()); });

  // When her sash appears, guest 2 offers her an exchange: the prompt is on screen at the end.
  std::uint64_t her = 0;
  auto picked = guests[2]->wait_for(
      [&](const v1::Envelope& e) {
        if (!e.has_frame()) return false;
        for (const auto& a : e.frame().upserts()) {
          if (a.display_name() == "김민지" && a.look().ribbon() != 0) {
            her = a.user_id();
            return true;
          }
        }
        return false;
      },
      20s);
  ASSERT_TRUE(picked) << "the client did not check in and pick a colour";
  auto offered = guests[2]->request(grad::offer(her));
  ASSERT_TRUE(offered && offered->has_offer_made()) << offered->DebugString();

  ASSERT_EQ(client.get(), 0) << command;
  Image img{IMG_Load(shot.c_str())};
  ASSERT_NE(img.surface, nullptr) << IMG_GetError();
  // The camera's place depends on the layout (chat sidebar, clamping at the map's edges), so
  // each sash colour is looked for anywhere in the view outside the HUD's swatches.
  const SDL_Rect view{320, 150, kViewW - 320, kViewH - 150};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_GE(count_near(img, view, ribbons[i], 30), 20)
        << "no sash of colour " << std::hex << ribbons[i] << " on guest " << i;
  }
  // The sticker card HUD holds her colour (a filled swatch of 22×22 pixels).
  EXPECT_GE(count_near(img, {0, 0, kViewW, kViewH}, her_rgb, 8), 300) << std::hex << her_rgb;
  if (const char* out = std::getenv("MOIM_SCREENSHOT_OUT")) {
    std::filesystem::copy_file(shot, out, std::filesystem::copy_options::overwrite_existing);
  }
  if (!HasFailure()) std::filesystem::remove_all(shot.parent_path());
}

}  // namespace
}  // namespace moim::e2e
