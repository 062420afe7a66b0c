#pragma once
// The graduation roster as a host uploads it: CSV with a header line
//   name,email,cohort,company
// (company may be empty or the column left out). Parsing is strict: the file must be UTF-8
// (a BOM is allowed), every row must have the header's columns, names follow the display-name
// rules, emails look like emails and appear once. Any problem rejects the whole file with an
// error naming the line, so a half-imported roster never exists.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/result.hpp"

namespace moim::graduation {

inline constexpr std::size_t kMaxRosterRows = 5000;
inline constexpr std::size_t kMaxRosterBytes = 2 * 1024 * 1024;

struct RosterRow {
  std::string name;
  std::string email;  // lower-cased: the key a re-import updates by
  std::string cohort;
  std::string company;
};

// Splits one CSV record into fields (RFC 4180 quoting: "a ""b""" → a "b"). Returns an error
// message for an unterminated quote or text after a closing quote.
Result<std::vector<std::string>> split_csv_line(std::string_view line);

// Parses a whole roster file. Errors are Errc::invalid_csv with "line N: what".
Result<std::vector<RosterRow>> parse_roster(std::string_view csv,
                                            std::size_t max_rows = kMaxRosterRows);

using moim::csv_field;  // core/csv.hpp: results and codes are written with it

}  // namespace moim::graduation
