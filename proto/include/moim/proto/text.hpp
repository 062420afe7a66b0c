#pragma once
// Text rules shared by client and server: what counts as a valid display name or chat line.
// Lengths are counted in Unicode code points, so "김민지" is 3, not 9.
#include <cstddef>
#include <optional>
#include <string_view>

namespace moim::proto {

inline constexpr std::size_t kMaxNameChars = 32;
inline constexpr std::size_t kMaxChatChars = 500;

// Number of code points if `text` is well-formed UTF-8 (no overlongs, surrogates or values past
// U+10FFFF), nullopt otherwise.
std::optional<std::size_t> utf8_length(std::string_view text);

// True if any code point is a C0/C1 control character (tab and newline included), U+2028/2029,
// or a bidi override. Precondition: `text` is valid UTF-8.
bool has_control_chars(std::string_view text);

enum class TextProblem { ok, empty, too_long, bad_utf8, control_chars };

// Display names: 1..kMaxNameChars code points, no control characters, not only spaces.
TextProblem check_display_name(std::string_view name);

// Chat lines: 1..kMaxChatChars code points, no control characters except newline.
TextProblem check_chat_text(std::string_view text);

const char* describe(TextProblem problem);

}  // namespace moim::proto
