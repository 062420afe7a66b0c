#pragma once
// Secrets (invite codes, host tokens) are stored only as their SHA-256: these helpers make and
// hash them. Backed by OpenSSL (EVP for hashing, RAND_bytes for randomness).
#include <cstddef>
#include <string>
#include <string_view>

namespace moim::store {

// Lower-case hex of `size` bytes (2 * size characters).
std::string to_hex(const unsigned char* data, std::size_t size);

// Lower-case hex SHA-256 of `data` (64 characters).
std::string sha256_hex(std::string_view data);

// `bytes` random bytes from the OS CSPRNG, as lower-case hex (2 * bytes characters). Used for
// host API bearer tokens, which are pasted rather than typed. Throws std::runtime_error only if
// the OS entropy source fails, which happens at admin/start-up time, never on a hot path.
std::string random_token(std::size_t bytes);

// A code people type from a slide or a printed card: "MOIM-7K3Q-XP9D-4HWT". Three groups of four
// from a 32-symbol alphabet without 0/O/1/I, so 60 random bits: enough that a copied database's
// SHA-256 hashes cannot be brute-forced back into codes in any useful time. Throws like
// random_token.
std::string random_invite_code();

// What redeem and create hash: surrounding whitespace trimmed, ASCII letters upper-cased, so
// " moim-7k3q-xp9d-4hwt" typed by a person finds the code the admin was shown.
std::string normalize_invite_code(std::string_view code);

}  // namespace moim::store
