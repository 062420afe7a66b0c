#include "graduation/raffle.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <charconv>
#include <unordered_set>

#include "core/secret_hash.hpp"

namespace moim::graduation {
namespace {

// Reads the HMAC stream 8 bytes at a time, block after block.
class Stream {
 public:
  Stream(const Seed& seed, std::string digest) : seed_(seed), digest_(std::move(digest)) {}

  std::uint64_t next() {
    if (offset_ == block_.size()) refill();
    std::uint64_t v = 0;
    for (int k = 0; k < 8; ++k) v = (v << 8) | block_[offset_++];
    return v;
  }

  std::uint64_t uniform(std::uint64_t n) {
    // 2^64 mod n computed without overflow as (2^64 - n) mod n.
    const std::uint64_t rest = (0 - n) % n;
    for (;;) {
      const std::uint64_t u = next();
      if (rest == 0 || u < 0 - rest) return u % n;
    }
  }

 private:
  void refill() {
    std::string message = std::string(kRaffleAlgorithm) + digest_;
    for (int k = 7; k >= 0; --k) message += static_cast<char>((counter_ >> (8 * k)) & 0xFF);
    ++counter_;
    unsigned int length = 0;
    HMAC(EVP_sha256(), seed_.data(), static_cast<int>(seed_.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), block_.data(),
         &length);
    offset_ = 0;
  }

  Seed seed_;
  std::string digest_;
  std::array<std::uint8_t, 32> block_{};
  std::size_t offset_ = 32;
  std::uint64_t counter_ = 0;
};

std::uint64_t user_of(const std::string& ticket) {
  std::uint64_t user = 0;
  std::from_chars(ticket.data(), ticket.data() + ticket.size(), user);
  return user;
}

}  // namespace

Result<Seed> random_seed() {
  Seed seed{};
  if (auto filled = random_bytes(seed); !filled) return filled.error();
  return seed;
}

std::string seed_hex(const Seed& seed) {
  return to_hex(seed.data(), seed.size());
}

Result<Seed> seed_from_hex(std::string_view hex) {
  if (hex.size() != 64) return Error{Errc::bad_request, "a seed is 64 hex digits"};
  Seed seed{};
  for (std::size_t i = 0; i < seed.size(); ++i) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(hex.data() + 2 * i, hex.data() + 2 * i + 2, value, 16);
    if (ec != std::errc{} || end != hex.data() + 2 * i + 2) {
      return Error{Errc::bad_request, "a seed is 64 hex digits"};
    }
    seed[i] = static_cast<std::uint8_t>(value);
  }
  return seed;
}

std::string commitment_of(const Seed& seed) {
  return sha256_hex({reinterpret_cast<const char*>(seed.data()), seed.size()});
}

std::vector<std::string> ticket_lines(
    const std::vector<std::pair<std::uint64_t, int>>& per_person) {
  std::vector<std::string> lines;
  for (const auto& [user, count] : per_person) {
    for (int k = 1; k <= count; ++k)
      lines.push_back(std::to_string(user) + ":" + std::to_string(k));
  }
  return lines;
}

std::string tickets_digest(const std::vector<std::string>& tickets) {
  std::string joined;
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    if (i > 0) joined += '\n';
    joined += tickets[i];
  }
  return sha256_hex(joined);
}

std::vector<std::uint64_t> draw_winners(const Seed& seed, const std::vector<std::string>& tickets,
                                        std::size_t count) {
  std::vector<std::string> order = tickets;
  Stream stream(seed, tickets_digest(tickets));
  for (std::size_t i = order.size(); i > 1; --i) {
    const auto j = static_cast<std::size_t>(stream.uniform(i));
    std::swap(order[i - 1], order[j]);
  }
  std::vector<std::uint64_t> winners;
  std::unordered_set<std::uint64_t> taken;
  for (const auto& ticket : order) {
    if (winners.size() == count) break;
    const auto user = user_of(ticket);
    if (taken.insert(user).second) winners.push_back(user);
  }
  return winners;
}

}  // namespace moim::graduation
