#include "graduation/cards.hpp"

#include "moim/proto/text.hpp"

namespace moim::graduation {
namespace {

bool short_text(const std::string& s, std::size_t max) {
  const auto length = proto::utf8_length(s);
  return length && *length <= max && !proto::has_control_chars(s);
}

bool valid_link(const std::string& link) {
  const bool scheme =
      link.starts_with("https://") || link.starts_with("http://") || link.starts_with("mailto:");
  return scheme && link.size() <= 200 && link.find_first_of(" \"<>") == std::string::npos &&
         short_text(link, 200);
}

std::string escape(const std::string& value) {
  std::string out;
  for (char ch : value) {
    if (ch == '\\' || ch == ',' || ch == ';') out += '\\';
    out += ch;
  }
  return out;
}

}  // namespace

Status validate_card(const Card& card) {
  if (proto::check_display_name(card.name) != proto::TextProblem::ok) {
    return Error{Errc::invalid_card, "the name on a card is 1–32 characters of text"};
  }
  if (!short_text(card.company, 80) || !short_text(card.role, 80)) {
    return Error{Errc::invalid_card, "company and role are up to 80 characters of text"};
  }
  if (card.links.size() > kMaxCardLinks) {
    return Error{Errc::invalid_card, "a card holds at most two links"};
  }
  for (const auto& link : card.links) {
    if (!valid_link(link)) {
      return Error{Errc::invalid_card, "links start with https://, http:// or mailto:"};
    }
  }
  return ok();
}

std::string to_vcard(const Card& card) {
  std::string v = "BEGIN:VCARD\r\nVERSION:4.0\r\n";
  v += "FN:" + escape(card.name) + "\r\n";
  if (!card.company.empty()) v += "ORG:" + escape(card.company) + "\r\n";
  if (!card.role.empty()) v += "TITLE:" + escape(card.role) + "\r\n";
  for (const auto& link : card.links) {
    if (link.starts_with("mailto:")) {
      v += "EMAIL:" + escape(link.substr(7)) + "\r\n";
    } else {
      v += "URL:" + link + "\r\n";
    }
  }
  v += "END:VCARD\r\n";
  return v;
}

std::string to_vcards(const std::vector<Card>& cards) {
  std::string out;
  for (const auto& card : cards) out += to_vcard(card);
  return out;
}

}  // namespace moim::graduation
