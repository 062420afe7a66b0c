#include "moim/proto/text.hpp"

#include <cstdint>
#include <vector>

namespace moim::proto {
namespace {

// Decodes one code point starting at text[i]; returns nullopt on a malformed sequence.
std::optional<char32_t> decode_one(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
  const std::uint8_t lead = byte(i);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  std::size_t extra = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    extra = 1, cp = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2, cp = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3, cp = lead & 0x07, min = 0x10000;
  } else {
    return std::nullopt;
  }
  if (i + extra >= text.size()) return std::nullopt;  // truncated sequence
  for (std::size_t k = 1; k <= extra; ++k) {
    const std::uint8_t b = byte(i + k);
    if ((b & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  i += extra + 1;
  return cp;
}

std::optional<std::vector<char32_t>> decode(std::string_view text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto cp = decode_one(text, i);
    if (!cp) return std::nullopt;
    out.push_back(*cp);
  }
  return out;
}

bool is_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool is_blank(char32_t cp) {
  return cp == U' ' || cp == 0x3000 || cp == 0xA0;
}

}  // namespace

std::optional<std::size_t> utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    if (!decode_one(text, i)) return std::nullopt;
  }
  return count;
}

bool has_control_chars(std::string_view text) {
  auto cps = decode(text);
  if (!cps) return true;
  for (char32_t cp : *cps) {
    if (is_control(cp)) return true;
  }
  return false;
}

TextProblem check_display_name(std::string_view name) {
  auto cps = decode(name);
  if (!cps) return TextProblem::bad_utf8;
  bool only_blank = true;
  for (char32_t cp : *cps) {
    if (is_control(cp)) return TextProblem::control_chars;
    if (!is_blank(cp)) only_blank = false;
  }
  if (cps->empty() || only_blank) return TextProblem::empty;
  if (cps->size() > kMaxNameChars) return TextProblem::too_long;
  return TextProblem::ok;
}

TextProblem check_chat_text(std::string_view text) {
  auto cps = decode(text);
  if (!cps) return TextProblem::bad_utf8;
  bool only_blank = true;
  for (char32_t cp : *cps) {
    if (cp != U'\n' && is_control(cp)) return TextProblem::control_chars;
    if (!is_blank(cp) && cp != U'\n') only_blank = false;
  }
  if (cps->empty() || only_blank) return TextProblem::empty;
  if (cps->size() > kMaxChatChars) return TextProblem::too_long;
  return TextProblem::ok;
}

const char* describe(TextProblem problem) {
  switch (problem) {
    case TextProblem::ok:
      return "ok";
    case TextProblem::empty:
      return "text is empty";
    case TextProblem::too_long:
      return "text is too long";
    case TextProblem::bad_utf8:
      return "text is not valid UTF-8";
    case TextProblem::control_chars:
      return "text contains control characters";
  }
  return "unknown";
}

}  // namespace moim::proto
