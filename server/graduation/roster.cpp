#include "graduation/roster.hpp"

#include <algorithm>
#include <unordered_set>

#include "moim/proto/text.hpp"

namespace moim::graduation {
namespace {

constexpr std::size_t kMaxFieldChars = 120;

Error csv_error(std::size_t line, const std::string& what) {
  return Error{Errc::invalid_csv, "line " + std::to_string(line) + ": " + what};
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

std::string lower_ascii(std::string s) {
  std::ranges::transform(s, s.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return s;
}

// Deliberately simple: one @, something before it, a dot after it, no spaces or controls.
bool plausible_email(std::string_view e) {
  const auto at = e.find('@');
  if (at == std::string_view::npos || at == 0 || e.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const auto dot = e.find('.', at + 2);
  if (dot == std::string_view::npos || dot + 1 >= e.size()) return false;
  return std::ranges::none_of(e, [](unsigned char c) { return c <= ' ' || c == 0x7F; });
}

// Splits the file into lines, accepting \n and \r\n; quoted newlines are not supported (a
// roster has none) and show up as an unterminated quote on that line.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

struct Columns {
  int name = -1, email = -1, cohort = -1, company = -1;
  std::size_t count = 0;
};

Result<Columns> read_header(std::string_view line) {
  auto fields = split_csv_line(line);
  if (!fields) return csv_error(1, fields.error().message);
  Columns c;
  c.count = fields->size();
  for (std::size_t i = 0; i < fields->size(); ++i) {
    const auto f = lower_ascii(trim((*fields)[i]));
    int* slot = f == "name"      ? &c.name
                : f == "email"   ? &c.email
                : f == "cohort"  ? &c.cohort
                : f == "company" ? &c.company
                                 : nullptr;
    if (!slot)
      return csv_error(1, "unknown column '" + f + "' (expected name,email,cohort,company)");
    if (*slot >= 0) return csv_error(1, "column '" + f + "' appears twice");
    *slot = static_cast<int>(i);
  }
  if (c.name < 0 || c.email < 0 || c.cohort < 0) {
    return csv_error(1, "the header must name the columns name,email,cohort (company optional)");
  }
  return c;
}

Result<RosterRow> read_row(const Columns& c, const std::vector<std::string>& fields,
                           std::size_t line) {
  if (fields.size() != c.count) {
    return csv_error(line, "expected " + std::to_string(c.count) + " columns, found " +
                               std::to_string(fields.size()));
  }
  RosterRow row;
  row.name = trim(fields[static_cast<std::size_t>(c.name)]);
  row.email = lower_ascii(trim(fields[static_cast<std::size_t>(c.email)]));
  row.cohort = trim(fields[static_cast<std::size_t>(c.cohort)]);
  if (c.company >= 0) row.company = trim(fields[static_cast<std::size_t>(c.company)]);
  if (auto p = proto::check_display_name(row.name); p != proto::TextProblem::ok) {
    return csv_error(line, std::string("name ") + proto::describe(p));
  }
  if (!plausible_email(row.email)) return csv_error(line, "'" + row.email + "' is not an email");
  for (const std::string* f : {&row.cohort, &row.company}) {
    const auto length = proto::utf8_length(*f);
    if (!length || proto::has_control_chars(*f)) return csv_error(line, "control characters");
    if (*length > kMaxFieldChars) return csv_error(line, "a field is longer than 120 characters");
  }
  if (row.cohort.empty()) return csv_error(line, "cohort is empty");
  return row;
}

}  // namespace

Result<std::vector<std::string>> split_csv_line(std::string_view line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;       // inside quotes
  bool after_quote = false;  // a closing quote was seen; only a comma may follow
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char ch = line[i];
    if (quoted) {
      if (ch != '"') {
        field += ch;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
        after_quote = true;
      }
    } else if (ch == ',') {
      fields.push_back(std::move(field));
      field.clear();
      after_quote = false;
    } else if (after_quote) {
      if (ch != ' ' && ch != '\t') return Error{Errc::invalid_csv, "text after a closing quote"};
    } else if (ch == '"' && trim(field).empty()) {
      field.clear();
      quoted = true;
    } else {
      field += ch;
    }
  }
  if (quoted) return Error{Errc::invalid_csv, "unterminated quote"};
  fields.push_back(std::move(field));
  return fields;
}

Result<std::vector<RosterRow>> parse_roster(std::string_view csv, std::size_t max_rows) {
  if (csv.size() > kMaxRosterBytes) {
    return Error{Errc::invalid_csv, "the roster is larger than 2 MiB; split it"};
  }
  if (csv.starts_with("\xEF\xBB\xBF")) csv.remove_prefix(3);
  const auto lines = lines_of(csv);
  // Bad UTF-8 is found per line so the error can say where.
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!proto::utf8_length(lines[i])) return csv_error(i + 1, "not valid UTF-8");
  }
  if (lines.empty() || trim(lines[0]).empty()) {
    return Error{Errc::invalid_csv, "line 1: missing header name,email,cohort,company"};
  }
  auto columns = read_header(lines[0]);
  if (!columns) return columns.error();
  std::vector<RosterRow> rows;
  std::unordered_set<std::string> emails;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (trim(lines[i]).empty()) continue;
    if (rows.size() == max_rows) {
      return Error{Errc::invalid_csv, "more than " + std::to_string(max_rows) +
                                          " rows; a roster holds at most that many people"};
    }
    auto fields = split_csv_line(lines[i]);
    if (!fields) return csv_error(i + 1, fields.error().message);
    auto row = read_row(*columns, *fields, i + 1);
    if (!row) return row.error();
    if (!emails.insert(row->email).second) {
      return csv_error(i + 1, "email " + row->email + " appears twice");
    }
    rows.push_back(std::move(*row));
  }
  if (rows.empty()) return Error{Errc::invalid_csv, "the roster has a header but no rows"};
  return rows;
}

}  // namespace moim::graduation
