#pragma once
// The auditable raffle. Before the draw the server publishes a commitment, the SHA-256 of a
// secret seed; the draw is a deterministic function of the seed and the sorted tickets; after
// the draw the seed is revealed, so anyone can check the commitment and re-run the draw.
//
// THE ALGORITHM, exactly ("moim-raffle-v1"):
//   seed        32 random bytes. commitment = lower-case hex SHA-256(seed).
//   tickets     one line "<user_id>:<k>" per ticket, k = 1..(that person's tickets), people in
//               ascending user id, so the list is sorted and anyone can rebuild it from the
//               results (a completed card is one ticket; a host may add one per N people met).
//   digest      lower-case hex SHA-256 of the ticket lines joined with "\n" (no trailing "\n").
//   stream      block i (i = 0, 1, 2, ...) = HMAC-SHA256(key = seed,
//               message = "moim-raffle-v1" + digest + i as 8 bytes big-endian); the blocks are
//               concatenated and read 8 bytes at a time as big-endian unsigned 64-bit numbers.
//   uniform(n)  limit = 2^64 - (2^64 mod n); read numbers until one u < limit; answer u mod n.
//   shuffle     Fisher–Yates on the ticket list: for i = n-1 down to 1: j = uniform(i+1),
//               swap(t[i], t[j]).
//   winners     walk the shuffled list from the front and take each user id not taken yet, until
//               there are as many winners as asked for (or the list ends).
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace moim::graduation {

using Seed = std::array<std::uint8_t, 32>;

inline constexpr const char* kRaffleAlgorithm = "moim-raffle-v1";

Result<Seed> random_seed();  // OpenSSL's CSPRNG; Errc::internal only if the OS has no entropy
std::string seed_hex(const Seed& seed);
Result<Seed> seed_from_hex(std::string_view hex);
std::string commitment_of(const Seed& seed);

// `per_person` is (user id, ticket count) in ascending user id.
std::vector<std::string> ticket_lines(const std::vector<std::pair<std::uint64_t, int>>& per_person);
std::string tickets_digest(const std::vector<std::string>& tickets);

// The winners, in the order drawn. Tickets must be well-formed lines as made by ticket_lines.
std::vector<std::uint64_t> draw_winners(const Seed& seed, const std::vector<std::string>& tickets,
                                        std::size_t count);

}  // namespace moim::graduation
