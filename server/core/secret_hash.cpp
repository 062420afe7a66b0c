#include "core/secret_hash.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <vector>

namespace moim {
namespace {

constexpr std::string_view hex_digits = "0123456789abcdef";

// 32 symbols: digits 2-9 and A-Z without I and O, so nothing reads as another symbol.
constexpr std::string_view code_alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
static_assert(code_alphabet.size() == 32);

}  // namespace

Status random_bytes(std::span<unsigned char> out) {
  if (!out.empty() && RAND_bytes(out.data(), static_cast<int>(out.size())) != 1) {
    return Error{Errc::internal, "no randomness: the OS entropy source failed"};
  }
  return ok();
}

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out.push_back(hex_digits[data[i] >> 4U]);
    out.push_back(hex_digits[data[i] & 0x0FU]);
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  // EVP_Digest only fails on allocation failure; an empty result then never matches a stored hash.
  if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    return {};
  }
  return to_hex(digest.data(), length);
}

Result<std::string> random_token(std::size_t bytes) {
  std::vector<unsigned char> buffer(bytes);
  if (auto filled = random_bytes(buffer); !filled) return filled.error();
  return to_hex(buffer.data(), buffer.size());
}

Result<std::string> random_invite_code() {
  constexpr std::size_t groups = 3;
  constexpr std::size_t group_size = 4;
  // One byte per symbol, keeping the low 5 bits: 256 is a multiple of 32, so no modulo bias.
  std::array<unsigned char, groups * group_size> buffer{};
  if (auto filled = random_bytes(buffer); !filled) return filled.error();
  std::string code = "MOIM";
  for (std::size_t i = 0; i < buffer.size(); ++i) {
    if (i % group_size == 0) code.push_back('-');
    code.push_back(code_alphabet[buffer[i] & 0x1FU]);
  }
  return code;
}

std::string normalize_invite_code(std::string_view code) {
  constexpr std::string_view space = " \t\r\n";
  const auto first = code.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  code = code.substr(first, code.find_last_not_of(space) - first + 1);
  std::string out(code);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace moim
