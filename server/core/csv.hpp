#pragma once
// Writing CSV cells that hosts open in spreadsheets (results, attendance, invite codes).
#include <string>
#include <string_view>

namespace moim {

// One cell: quoted when it holds a comma, quote or line break. Names and texts are typed by
// attendees, and spreadsheets run cells starting with = + - @ (or a tab/CR before them) as
// formulas, so such a cell gets a leading apostrophe and quotes.
inline std::string csv_field(std::string_view text) {
  const bool formula =
      !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
  if (!formula && text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out = formula ? "\"'" : "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace moim
