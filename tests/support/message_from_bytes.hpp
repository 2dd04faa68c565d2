#pragma once

// Builds an outgoing whatsapp::Message of any content type and interactive action (and any
// addressee: phone number, BSUID, group) from arbitrary bytes, for the differential check of the
// send body writers: the SDK's (detail::write_message_body) and nlohmann's
// (nlohmann::json(message).dump()) must give the same bytes for every message.
// Used by the fuzzer tests/fuzz/fuzz_send_body.cpp and by the unit test
// tests/unit/send_body_differential_test.cpp (a fixed pseudo-random sweep in every build).

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/utf8.hpp"
#include "whatsapp/model/message.hpp"
#include "whatsapp/model/order.hpp"
#include "whatsapp/protocol/detail/send_body.hpp"

namespace whatsapp_test {

/// Reads values off a byte string; past its end every read gives zero / empty.
class ByteReader {
 public:
  /// `valid_utf8`: every string is valid UTF-8, so that an input also reaches the writers' paths
  /// for valid text (one invalid string in it would take every string of the message through
  /// replacement).
  ByteReader(const std::uint8_t* data, std::size_t size, bool valid_utf8 = false)
      : data_(data), size_(size), valid_utf8_(valid_utf8) {}

  std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  bool flag() { return (byte() & 1) != 0; }
  int small(int n) { return n <= 0 ? 0 : byte() % n; }

  /// A string: mostly raw bytes (quotes, controls, invalid UTF-8 and all), sometimes a value
  /// chosen to hit an escaping or validation edge.
  std::string text() {
    static const char* const kEdges[] = {"",
                                         "\"",
                                         "\\",
                                         "\x7f",
                                         "\x01\x1f",
                                         "caf\xc3\xa9",
                                         "\xe2\x80\xa8",
                                         "\xf0\x9f\x91\x8d",
                                         "\xff\xfe",
                                         "\xc3",
                                         "16035550142",
                                         "US.13491208655302741918",
                                         "US.ENT.11815799212886844830",
                                         "wamid.HBgLMTYwMzU1NTAxNDIVAgARGBI=",
                                         "</script>"};
    const std::uint8_t how = byte();
    if (how % 4 == 0) {
      const char* edge = kEdges[(how / 4) % (sizeof kEdges / sizeof kEdges[0])];
      if (!valid_utf8_ || whatsapp::detail::utf8_length(edge)) return edge;
    }
    const std::size_t n = byte() % 24;
    const bool printable = valid_utf8_ || how % 4 == 1;  // valid UTF-8 for sure
    std::string s;
    for (std::size_t i = 0; i < n && pos_ < size_; ++i) {
      const std::uint8_t b = data_[pos_++];
      s.push_back(static_cast<char>(printable ? 32 + b % 95 : b));
    }
    return s;
  }
  std::optional<std::string> maybe_text() {
    if (flag()) return text();
    return std::nullopt;
  }
  double number() { return static_cast<double>(static_cast<std::int8_t>(byte())) * 1.37; }

  /// A small JSON tree of the caller's: an object of up to three members (keys from the bytes)
  /// holding strings, integers, doubles, booleans, null and a nested array or object.
  nlohmann::json tree(int depth = 0) {
    nlohmann::json j = nlohmann::json::object();
    for (int n = small(4); n > 0; --n) {
      const std::string key = text();
      switch (small(depth < 2 ? 7 : 5)) {
        case 0: j[key] = text(); break;
        case 1: j[key] = static_cast<std::int64_t>(static_cast<std::int16_t>(byte() << 8 | byte())); break;
        case 2: j[key] = number(); break;
        case 3: j[key] = flag(); break;
        case 4: j[key] = nullptr; break;
        case 5: j[key] = nlohmann::json::array({text(), number(), tree(depth + 1)}); break;
        default: j[key] = tree(depth + 1); break;
      }
    }
    return j;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
  bool valid_utf8_ = false;
};

inline whatsapp::Media media_from(ByteReader& in) {
  return in.flag() ? whatsapp::Media::id(in.text()) : whatsapp::Media::link(in.text());
}

/// An interactive header of any kind, with the caller's own type string sometimes.
inline whatsapp::InteractiveHeader header_from(ByteReader& in) {
  using whatsapp::InteractiveHeader;
  switch (in.small(6)) {
    case 0: return InteractiveHeader::text(in.text());
    case 1: return InteractiveHeader::image(media_from(in));
    case 2: return InteractiveHeader::video(media_from(in));
    case 3: return InteractiveHeader::document(media_from(in), in.maybe_text());
    case 4: {  // a media header whose type is any string (empty: "image"), as a caller may set it
      InteractiveHeader h = InteractiveHeader::image(media_from(in));
      h.type = in.text();
      return h;
    }
    default: {
      InteractiveHeader h = InteractiveHeader::text(in.text());
      h.type = in.flag() ? in.text() : std::string();
      return h;
    }
  }
}

inline whatsapp::Amount amount_from(ByteReader& in) {
  whatsapp::Amount a =
      whatsapp::Amount::of(static_cast<std::int64_t>(in.byte()) * 100 - 900, in.flag() ? 100 : 1000);
  a.description = in.maybe_text();
  return a;
}

/// A payment setting of a documented type, or of any type string ("type" itself too).
inline whatsapp::PaymentSetting payment_setting_from(ByteReader& in) {
  static const char* const kTypes[] = {
      "payment_gateway", "pix_dynamic_code", "payment_link", "boleto", "type", "a"};
  whatsapp::PaymentSetting p;
  p.type = in.flag() ? kTypes[in.small(6)] : in.text();
  p.details = in.tree();
  return p;
}

/// An order with any of its optional parts.
inline whatsapp::Order order_from(ByteReader& in) {
  std::vector<whatsapp::OrderItem> items;
  for (int n = 1 + in.small(3); n > 0; --n) {
    whatsapp::OrderItem item = whatsapp::OrderItem::of(
        in.text(), in.text(), static_cast<std::int64_t>(in.byte()) * 10, 1 + in.small(3));
    if (in.flag()) item.sale_amount = amount_from(in);
    item.country_of_origin = in.maybe_text();
    item.importer_name = in.maybe_text();
    items.push_back(std::move(item));
  }
  whatsapp::Order o = whatsapp::Order::of(std::move(items));
  o.catalog_id = in.maybe_text();
  if (in.flag()) o.expiration = whatsapp::OrderExpiration{1767225600 + in.byte(), in.text()};
  if (in.flag()) o.shipping = amount_from(in);
  if (in.flag()) o.discount = amount_from(in);
  o.discount_program_name = in.maybe_text();
  if (in.flag()) o.tax = amount_from(in);
  return o;
}

inline whatsapp::Interactive interactive_from(ByteReader& in) {
  using whatsapp::Interactive;
  Interactive i;
  switch (in.small(10)) {
    case 4: {
      whatsapp::OrderDetailsAction bill;
      bill.reference_id = in.text();
      bill.type = in.flag() ? whatsapp::GoodsType::kPhysical : whatsapp::GoodsType::kDigital;
      bill.payment_type = in.maybe_text();
      bill.payment_configuration = in.maybe_text();
      for (int n = in.small(3); n > 0; --n) bill.payment_settings.push_back(payment_setting_from(in));
      bill.currency = in.text();
      bill.total_amount = amount_from(in);
      if (in.flag()) bill.order = order_from(in);
      i = Interactive::order_details(in.text(), std::move(bill));
      break;
    }
    case 5: i = Interactive::order_status(in.text(), {in.text(), in.text(), in.maybe_text()}); break;
    case 0: i = Interactive::buttons(in.text(), {{in.text(), in.text()}, {in.text(), in.text()}}); break;
    case 1:
      i = Interactive::list(
          in.text(), in.text(),
          {{in.maybe_text(), {{in.text(), in.text(), in.maybe_text()}}},
           {in.maybe_text(), {{in.text(), in.text(), in.maybe_text()}, {in.text(), in.text()}}}});
      break;
    case 2: i = Interactive::cta_url(in.text(), in.text(), in.text()); break;
    case 6: i = Interactive::product(in.text(), in.text()); break;
    case 7:
      i = Interactive::product_list(in.text(), in.text(),
                                    {{in.text(), {in.text(), in.text()}}, {in.text(), {}}});
      break;
    case 8: i = Interactive::catalog(in.text(), in.maybe_text()); break;
    case 9: {
      whatsapp::FlowAction f;
      f.flow_message_version = in.flag() ? "3" : in.text();
      f.flow_token = in.text();
      if (in.flag()) f.flow_id = in.text();
      if (in.flag()) f.flow_name = in.text();
      f.flow_cta = in.text();
      f.flow_action = in.maybe_text();
      f.screen = in.maybe_text();
      if (in.flag()) f.data = in.tree();
      f.mode = in.maybe_text();
      i = Interactive::flow(in.text(), std::move(f));
      break;
    }
    default: i = Interactive::location_request(in.text()); break;
  }
  if (in.flag()) i.header = header_from(in);
  if (in.small(4) == 0) i.body.reset();
  i.footer = in.maybe_text();
  return i;
}

/// A template parameter of any kind, named or not.
inline whatsapp::TemplateParameter parameter_from(ByteReader& in) {
  using whatsapp::TemplateParameter;
  TemplateParameter p;
  switch (in.small(11)) {
    case 0: p = TemplateParameter::text(in.text(), in.maybe_text()); break;
    case 1: p = TemplateParameter::payload(in.text()); break;
    case 2: p = TemplateParameter::coupon_code(in.text()); break;
    case 3:
      p = TemplateParameter::currency(
          {in.text(), in.text(), static_cast<std::int64_t>(in.byte()) * 1000 - 90000});
      break;
    case 4: {
      whatsapp::DateTime d;
      d.fallback_value = in.text();
      if (in.flag()) d.day_of_week = 1 + in.small(7);
      if (in.flag()) d.year = 1990 + in.byte();
      if (in.flag()) d.month = 1 + in.small(12);
      if (in.flag()) d.day_of_month = 1 + in.small(31);
      if (in.flag()) d.hour = in.small(24);
      if (in.flag()) d.minute = in.small(60) - 3;  // out of range too: written as given
      d.calendar = in.maybe_text();
      p = TemplateParameter::date_time(std::move(d));
      break;
    }
    case 5: p = TemplateParameter::image(media_from(in)); break;
    case 6: p = TemplateParameter::video(media_from(in)); break;
    case 7: p = TemplateParameter::document(media_from(in), in.maybe_text()); break;
    case 8:
      p = TemplateParameter::location({in.number(), in.number(), in.maybe_text(), in.maybe_text()});
      break;
    case 9:
      p = TemplateParameter::action(in.flag() ? nlohmann::json{{"flow_token", in.text()}} : in.tree());
      break;
    default:
      p = TemplateParameter::raw(in.flag() ? nlohmann::json{{"type", "text"}, {"text", in.text()}}
                                           : in.tree());
      break;
  }
  if (p.kind != TemplateParameter::Kind::kRaw && in.flag()) p.parameter_name = in.maybe_text();
  return p;
}

/// A template message with up to three components of up to three parameters each.
inline whatsapp::TemplateMessage template_from(ByteReader& in) {
  static const char* const kTypes[] = {"header", "body", "button"};
  whatsapp::TemplateMessage t;
  t.name = in.text();
  t.language = in.text();
  t.language_policy = in.maybe_text();
  for (int c = in.small(4); c > 0; --c) {
    whatsapp::TemplateComponent component;
    component.type = in.flag() ? kTypes[in.small(3)] : in.text();
    component.sub_type = in.maybe_text();
    switch (in.small(3)) {
      case 0: component.index = in.small(20) - 5; break;
      case 1: component.index = in.text(); break;
      default: break;
    }
    for (int k = in.small(4); k > 0; --k) component.parameters.push_back(parameter_from(in));
    t.components.push_back(std::move(component));
  }
  return t;
}

/// A contact card with any of its fields.
inline whatsapp::Contact contact_from(ByteReader& in) {
  whatsapp::Contact c;
  c.name.formatted_name = in.text();
  c.name.first_name = in.maybe_text();
  c.name.last_name = in.maybe_text();
  c.name.middle_name = in.maybe_text();
  c.name.suffix = in.maybe_text();
  c.name.prefix = in.maybe_text();
  for (int n = in.small(3); n > 0; --n) c.phones.push_back({in.text(), in.maybe_text(), in.maybe_text()});
  for (int n = in.small(3); n > 0; --n) c.emails.push_back({in.text(), in.maybe_text()});
  for (int n = in.small(3); n > 0; --n) c.urls.push_back({in.text(), in.maybe_text()});
  for (int n = in.small(3); n > 0; --n) {
    c.addresses.push_back({in.maybe_text(), in.maybe_text(), in.maybe_text(), in.maybe_text(),
                           in.maybe_text(), in.maybe_text(), in.maybe_text()});
  }
  if (in.flag()) c.org = whatsapp::ContactOrg{in.maybe_text(), in.maybe_text(), in.maybe_text()};
  c.birthday = in.maybe_text();
  return c;
}

/// One message of the content type byte 0 picks, every string taken from the bytes.
inline whatsapp::Message message_from_bytes(const std::uint8_t* data, std::size_t size,
                                            bool valid_utf8 = false) {
  using namespace whatsapp;
  // A new content type must be added below, or the writers would not be compared on it.
  static_assert(std::variant_size_v<MessageContent> == 11, "give message_from_bytes a case for the new type");
  ByteReader in(data, size, valid_utf8);
  const int kind = in.small(11);
  Message m;
  switch (kind) {
    case 0: m = Message::text("", in.text(), in.flag()); break;
    case 1: m = Message::image("", media_from(in), in.maybe_text()); break;
    case 2: m = Message::audio("", media_from(in)); break;
    case 3: m = Message::video("", media_from(in), in.maybe_text()); break;
    case 4: m = Message::document("", media_from(in), in.maybe_text(), in.maybe_text()); break;
    case 5: m = Message::sticker("", media_from(in)); break;
    case 6:
      m = Message::location("", Location{in.number(), in.number(), in.maybe_text(), in.maybe_text()});
      break;
    case 7: {
      std::vector<Contact> cards(1 + static_cast<std::size_t>(in.small(2)));
      for (Contact& card : cards) card = contact_from(in);
      m = Message::contacts("", std::move(cards));
      break;
    }
    case 8: m = Message::interactive("", interactive_from(in)); break;
    case 9: m = Message::make("", template_from(in)); break;
    default: m = Message::reaction("", in.text(), in.text()); break;
  }
  m.to = in.text();
  if (in.small(3) == 0) {  // a BSUID addressee (`recipient`), usually instead of `to`
    m.recipient = in.text();
    if (in.small(4) != 0) m.to.clear();
  }
  switch (in.small(5)) {  // "individual" stays the default
    case 0: m.recipient_type.clear(); break;
    case 1: m.recipient_type = in.text(); break;
    case 2: m.recipient_type = "group"; break;
    default: break;
  }
  if (in.flag()) m.context = Context{in.text()};
  m.biz_opaque_callback_data = in.maybe_text();
  return m;
}

/// The send body as nlohmann writes it (what the SDK's writer must match).
inline std::string general_body(const whatsapp::Message& m) {
  return nlohmann::json(m).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// Empty when both writers agree on `m` (and a reused buffer changes nothing); otherwise what
/// differs.
inline std::string compare_body_writers(const whatsapp::Message& m) {
  const std::string general = general_body(m);
  const std::string fast = whatsapp::detail::message_body(m);
  if (fast != general) return "fast writer: " + fast + "\ngeneral:     " + general;
  std::string reused = "{\"left\":\"over from an earlier message\"}";
  whatsapp::detail::write_message_body(reused, m);
  if (reused != general) return "reused buffer: " + reused + "\ngeneral:      " + general;
  if (!nlohmann::json::accept(fast)) return "not JSON: " + fast;
  return {};
}

}  // namespace whatsapp_test
