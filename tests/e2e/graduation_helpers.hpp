#pragma once
// Graduation-day helpers for end-to-end tests: zones of the venue, requests as envelopes, and
// an independent re-implementation of the raffle draw (from the algorithm's description in
// server/graduation/raffle.hpp, sharing no code with it) to audit a real draw.
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <limits>
#include <set>
#include <string>
#include <vector>

#include "test_server.hpp"

namespace moim::e2e::grad {

// A walkable tile of the zone `kind` in `map`, the `n`-th in reading order.
inline world::TilePos zone_tile(const world::Map& map, world::ZoneKind kind, int n = 0) {
  for (int y = 0; y < map.height(); ++y) {
    for (int x = 0; x < map.width(); ++x) {
      const world::TilePos p{x, y};
      if (map.walkable(p) && map.zone_at(p, kind) && n-- == 0) return p;
    }
  }
  ADD_FAILURE() << "no such zone tile";
  return {};
}

inline v1::Envelope check_in(const std::string& code, std::uint64_t user = 0,
                             const std::string& key = "") {
  v1::Envelope e;
  e.mutable_check_in()->set_invite_code(code);
  e.mutable_check_in()->set_user_id(user);
  e.mutable_check_in()->set_key(key);
  return e;
}

inline v1::Envelope pick(std::optional<int> color = std::nullopt, const std::string& key = "") {
  v1::Envelope e;
  if (color) e.mutable_pick_color()->set_color(*color);
  e.mutable_pick_color()->set_key(key);
  return e;
}

inline v1::Envelope offer(std::uint64_t to, v1::OfferKind kind = v1::OFFER_KIND_EXCHANGE) {
  v1::Envelope e;
  e.mutable_make_offer()->set_kind(kind);
  e.mutable_make_offer()->set_to_user(to);
  return e;
}

inline v1::Envelope accept(std::uint64_t offer_id, const std::string& key) {
  v1::Envelope e;
  e.mutable_accept_offer()->set_offer_id(offer_id);
  e.mutable_accept_offer()->set_key(key);
  return e;
}

inline v1::ErrorCode error_of(const std::optional<v1::Envelope>& reply) {
  return reply && reply->has_error() ? reply->error().code() : v1::ERROR_CODE_UNSPECIFIED;
}

// --- the raffle, re-implemented from its description --------------------------------------

inline std::string hex(const unsigned char* data, std::size_t size) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < size; ++i) {
    out += digits[data[i] >> 4];
    out += digits[data[i] & 15];
  }
  return out;
}

inline std::string unhex(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
    out += static_cast<char>(std::stoi(text.substr(i, 2), nullptr, 16));
  }
  return out;
}

inline std::string sha256_hex_of(const std::string& data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  return hex(digest, sizeof digest);
}

inline std::vector<std::uint64_t> audit_draw(const std::string& seed_hex,
                                             const std::vector<std::string>& tickets,
                                             std::size_t winners) {
  const std::string seed = unhex(seed_hex);
  std::string joined;
  for (std::size_t i = 0; i < tickets.size(); ++i) joined += (i ? "\n" : "") + tickets[i];
  const std::string digest = sha256_hex_of(joined);
  std::vector<unsigned char> stream;
  std::uint64_t block = 0;
  std::size_t at = 0;
  auto next = [&]() {
    if (at + 8 > stream.size()) {
      std::string message = "moim-raffle-v1" + digest;
      for (int k = 7; k >= 0; --k) message += static_cast<char>((block >> (8 * k)) & 0xFF);
      ++block;
      unsigned char out[32];
      unsigned int length = 0;
      HMAC(EVP_sha256(), seed.data(), static_cast<int>(seed.size()),
           reinterpret_cast<const unsigned char*>(message.data()), message.size(), out, &length);
      stream.assign(out, out + 32);
      at = 0;
    }
    std::uint64_t v = 0;
    for (int k = 0; k < 8; ++k) v = (v << 8) | stream[at++];
    return v;
  };
  auto uniform = [&](std::uint64_t n) {
    // 2^64 mod n, then accept u below 2^64 - (2^64 mod n), i.e. u <= max - (2^64 mod n).
    constexpr std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t remainder = (max % n + 1) % n;
    for (;;) {
      const std::uint64_t u = next();
      if (u <= max - remainder) return u % n;
    }
  };
  std::vector<std::string> t = tickets;
  for (std::size_t i = t.size() - 1; i >= 1 && !t.empty(); --i) {
    std::swap(t[i], t[uniform(i + 1)]);
  }
  std::vector<std::uint64_t> out;
  std::set<std::uint64_t> seen;
  for (const auto& ticket : t) {
    const auto user = std::stoull(ticket.substr(0, ticket.find(':')));
    if (out.size() < winners && seen.insert(user).second) out.push_back(user);
  }
  return out;
}

}  // namespace moim::e2e::grad
