#pragma once
// Business cards: what a graduate hands out (name, company, role, up to two links) and their
// export as vCard 4.0 (RFC 6350), so the cards someone collected open in any address book.
#include <string>
#include <vector>

#include "core/result.hpp"

namespace moim::graduation {

struct Card {
  std::string name;                // 1–32 characters (the display-name rules)
  std::string company;             // 0–80
  std::string role;                // 0–80
  std::vector<std::string> links;  // 0–2, each http(s):// or mailto:, up to 200 characters
};

inline constexpr std::size_t kMaxCardLinks = 2;

// Errc::invalid_card with what is wrong.
Status validate_card(const Card& card);

// One vCard; text values escaped as RFC 6350 §3.4 asks (backslash, comma, semicolon, newline).
std::string to_vcard(const Card& card);
std::string to_vcards(const std::vector<Card>& cards);

}  // namespace moim::graduation
