// The send-body writer's primitives (JSON strings, objects written key by key, numbers and JSON
// trees as nlohmann writes them) and the values several content types share (media, location,
// amounts): part of the definitions of protocol/detail/send_body.hpp, included by send_body.ipp
// (header-only), or compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).
// Every object's keys are written in nlohmann's sorted order, so that a body is byte for byte
// what nlohmann::json(message).dump(-1, ' ', false, error_handler_t::replace) gives.

#pragma once

#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_plain.hpp"
#include "whatsapp/detail/utf8.hpp"
#include "whatsapp/model/location.hpp"
#include "whatsapp/model/media.hpp"
#include "whatsapp/model/order.hpp"

namespace whatsapp::detail {

namespace send_body_impl {

// An ASCII byte that JSON escapes, as nlohmann escapes it.
inline void append_escaped_ascii(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('\\');
  switch (c) {
    case '"': out.push_back('"'); break;
    case '\\': out.push_back('\\'); break;
    case '\b': out.push_back('b'); break;
    case '\f': out.push_back('f'); break;
    case '\n': out.push_back('n'); break;
    case '\r': out.push_back('r'); break;
    case '\t': out.push_back('t'); break;
    default:
      out.append("u00");
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0f]);
  }
}

// A string that is not valid UTF-8, as nlohmann's error_handler_t::replace writes it: each byte
// that cannot start a sequence, and each sequence cut short (by a byte that cannot continue it,
// which then starts again, or by the end), becomes one U+FFFD.
inline void append_json_string_replacing(std::string& out, std::string_view s) {
  static constexpr char kReplacement[] = "\xEF\xBF\xBD";
  out.push_back('"');
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (json_plain_byte(c)) {
        out.push_back(static_cast<char>(c));
      } else {
        append_escaped_ascii(out, c);
      }
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;  // the range of the second byte; later ones are 0x80..0xBF
    unsigned char high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;   // no overlong forms
      if (c == 0xED) high = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else {
      out.append(kReplacement);
      ++i;
      continue;
    }
    std::size_t k = 1;
    for (; k < length && i + k < s.size(); ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) break;
    }
    if (k == length) {
      out.append(s.data() + i, length);
    } else {
      out.append(kReplacement);
    }
    i += k;
  }
  out.push_back('"');
}

// The rest of a JSON string whose opening quote is at `quote`: the characters of `s`, escaped,
// and the closing quote. A string that is not valid UTF-8 is written again from `quote` with
// U+FFFD in place of each bad sequence.
inline void finish_json_string(std::string& out, std::size_t quote, std::string_view s) {
  bool ascii = true;
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = skip_json_plain(s, 0); i < s.size(); i = skip_json_plain(s, i + 1)) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {  // copied as it is, once the whole string is known to be valid UTF-8
      ascii = false;
      continue;
    }
    out.append(s.data() + run, i - run);
    run = i + 1;
    append_escaped_ascii(out, c);
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
  if (ascii || utf8_length(s).has_value()) return;
  out.resize(quote);
  append_json_string_replacing(out, s);
}

}  // namespace send_body_impl

WHATSAPP_DECL void append_json_string(std::string& out, std::string_view s) {
  const std::size_t quote = out.size();
  out.push_back('"');
  send_body_impl::finish_json_string(out, quote, s);
}

namespace send_body_impl {

// A JSON tree of the caller's (a flow's data, a payment setting's details, a template parameter
// of its own), as nlohmann writes it: the same bytes a dump of the whole body has in its place.
inline void append_json_tree(std::string& out, const nlohmann::json& tree) {
  out.append(tree.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// [write(item), ...]: a JSON array of `items`, each written by `write`.
template <class T, class Write>
void write_array(std::string& out, const std::vector<T>& items, Write&& write) {
  out.push_back('[');
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k > 0) out.push_back(',');
    write(items[k]);
  }
  out.push_back(']');
}

// `"k":` with a leading ',' when `comma`, then `then`: one append of a key of the SDK's (a literal
// that needs no escaping) and what follows it. A body is mostly keys and short strings, and four
// small appends per key cost 5-15 % of each body (whatsapp_micro_bench SendBody).
inline void append_key(std::string& out, bool comma, std::string_view k, std::string_view then) {
  char piece[64];
  if (k.size() + then.size() > sizeof(piece) - 4) {  // no key of the SDK's is this long
    out.append(comma ? ",\"" : "\"")
        .append(k.data(), k.size())
        .append("\":")
        .append(then.data(), then.size());
    return;
  }
  std::size_t n = 0;
  if (comma) piece[n++] = ',';
  piece[n++] = '"';
  std::memcpy(piece + n, k.data(), k.size());
  n += k.size();
  piece[n++] = '"';
  piece[n++] = ':';
  if (!then.empty()) std::memcpy(piece + n, then.data(), then.size());  // `then` may be a null view
  n += then.size();
  out.append(piece, n);
}

// One JSON object written key by key, in the order the caller gives (nlohmann's sorted order).
struct ObjectWriter {
  std::string& out;
  bool first = true;

  explicit ObjectWriter(std::string& o) : out(o) { out.push_back('{'); }
  // A key of the SDK's: a literal that needs no escaping.
  void key(std::string_view k) { key_then(k, ""); }
  // `,"k":` and `then` with one append (append_key).
  void key_then(std::string_view k, std::string_view then) {
    append_key(out, !first, k, then);
    first = false;
  }
  // A key the caller chose (a header's or a payment setting's type).
  void escaped_key(std::string_view k) {
    if (!first) out.push_back(',');
    first = false;
    append_json_string(out, k);
    out.push_back(':');
  }
  void string(std::string_view k, std::string_view v) {
    key_then(k, "\"");
    finish_json_string(out, out.size() - 1, v);
  }
  void optional(std::string_view k, const std::optional<std::string>& v) {
    if (v) string(k, *v);
  }
  template <class Int>
  void number(std::string_view k, Int v) {
    key(k);
    out.append(std::to_string(v));
  }
  void optional_number(std::string_view k, const std::optional<int>& v) {
    if (v) number(k, *v);
  }
  // A double as nlohmann writes it (shortest round trip, "1.0" for a whole number); in quotes
  // with `as_text`.
  void real(std::string_view k, double v, bool as_text = false) {
    key_then(k, as_text ? "\"" : "");
    append_json_tree(out, nlohmann::json(v));
    if (as_text) out.push_back('"');
  }
  void tree(std::string_view k, const nlohmann::json& v) {
    key(k);
    append_json_tree(out, v);
  }
  template <class T, class Write>
  void array(std::string_view k, const std::vector<T>& items, Write&& write) {
    key(k);
    write_array(out, items, write);
  }
  void end() { out.push_back('}'); }
};

// A Media object ({"id"} or {"link"}) with the optional keys that sort before "id".
inline void write_media(std::string& out, const Media& m, const std::optional<std::string>& caption,
                        const std::optional<std::string>& filename) {
  ObjectWriter o(out);
  o.optional("caption", caption);
  o.optional("filename", filename);
  if (!m.media_id.empty()) o.string("id", m.media_id);
  if (!m.url.empty()) o.string("link", m.url);
  o.end();
}

// A location; with `coordinates_as_text` (a template's location header) its coordinates are
// strings holding the numbers.
inline void write_location(std::string& out, const Location& l, bool coordinates_as_text = false) {
  ObjectWriter o(out);
  o.optional("address", l.address);
  o.real("latitude", l.latitude, coordinates_as_text);
  o.real("longitude", l.longitude, coordinates_as_text);
  o.optional("name", l.name);
  o.end();
}

// An amount; a discount also carries its program's name.
inline void write_amount(std::string& out, const Amount& a,
                         const std::optional<std::string>& discount_program_name = std::nullopt) {
  ObjectWriter o(out);
  o.optional("description", a.description);
  o.optional("discount_program_name", discount_program_name);
  o.number("offset", a.offset);
  o.number("value", a.value);
  o.end();
}

}  // namespace send_body_impl

}  // namespace whatsapp::detail
