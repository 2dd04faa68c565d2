// Small helpers: URL decoding, ids, hashes, time.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace whatsapp_emulator::util {

// Percent-decodes; '+' stays '+' (path semantics). Returns false on a malformed escape.
bool percent_decode(const std::string& in, std::string* out);
std::vector<std::string> split(const std::string& s, char sep);
std::vector<std::string> split_fields(const std::string& csv);  // comma list, trimmed, no empties
bool is_digits(const std::string& s);
std::string digits_of(const std::string& s);
std::string sha256_hex(const std::string& bytes);
std::string hmac_sha256_hex(const std::string& key, const std::string& bytes);
std::string base64(const std::string& bytes, bool url_safe = false);
bool base64_decode(const std::string& in, std::string* out);
std::string random_token(std::size_t n);  // [A-Za-z0-9_-]
std::string random_hex(std::size_t n);
std::int64_t now_epoch();
std::string http_date(std::int64_t epoch);
// Replaces the value of every api_token, access_token and appsecret_proof query parameter in a
// request target with ***.
std::string redact_token(const std::string& target);

}  // namespace whatsapp_emulator::util
