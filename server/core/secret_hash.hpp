#pragma once
// Secrets (invite codes, host tokens, raffle seeds) are stored only as their SHA-256: these helpers
// make and hash them. Backed by OpenSSL (EVP for hashing, RAND_bytes for randomness). In core
// because the store and the graduation rules both need them.
//
// Making a secret can fail only if the OS entropy source does; that is answered as an
// Errc::internal error rather than thrown, since some callers run on a request's path inside an
// Asio handler, where an exception would end the server.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace moim {

// Lower-case hex of `size` bytes (2 * size characters).
std::string to_hex(const unsigned char* data, std::size_t size);

// Lower-case hex SHA-256 of `data` (64 characters).
std::string sha256_hex(std::string_view data);

// Fills `out` from the OS CSPRNG. Errc::internal if it has no entropy to give.
Status random_bytes(std::span<unsigned char> out);

// `bytes` random bytes from the OS CSPRNG, as lower-case hex (2 * bytes characters). Used for
// host API bearer tokens and resume tokens, which are pasted or kept rather than typed.
Result<std::string> random_token(std::size_t bytes);

// A code people type from a slide or a printed card: "MOIM-7K3Q-XP9D-4HWT". Three groups of four
// from a 32-symbol alphabet without 0/O/1/I, so 60 random bits: enough that a copied database's
// SHA-256 hashes cannot be brute-forced back into codes in any useful time. Fails like
// random_token.
Result<std::string> random_invite_code();

// What redeem and create hash: surrounding whitespace trimmed, ASCII letters upper-cased, so
// " moim-7k3q-xp9d-4hwt" typed by a person finds the code the admin was shown.
std::string normalize_invite_code(std::string_view code);

}  // namespace moim
