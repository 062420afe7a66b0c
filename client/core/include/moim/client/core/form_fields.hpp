#pragma once
// One-line forms such as "topic | days | times": the panels read a whole form from one text
// field, so splitting it is plain text work that needs no window.
#include <string>
#include <vector>

namespace moim::client {

// The fields of a one-line form such as "a | b | c", each without surrounding spaces; always at
// least one (possibly empty) field.
std::vector<std::string> split_fields(const std::string& line, char separator);

}  // namespace moim::client
