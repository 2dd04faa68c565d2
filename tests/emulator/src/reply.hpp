// What a route produces, before the LowCodeAPI envelope is put around it.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "whatsapp_emulator/emulator.hpp"

namespace whatsapp_emulator {

struct Reply {
  int status = 200;
  nlohmann::json body;       // Graph result, or {"error":{...}} when graph_error
  bool graph_error = false;  // an upstream (Meta) error: wrapped as an error envelope
  bool raw = false;          // sent verbatim: raw_body with content_type, no envelope
  std::string raw_body;
  std::string content_type = "application/json";
  std::map<std::string, std::string> headers;
};

Reply ok(nlohmann::json body);
Reply success();  // {"success":true}
// A Graph error like Meta's: message "(#code) text", type, code, error_data.details, fbtrace_id.
Reply graph_error(int code, const std::string& text, const std::string& details = "", int http_status = 400,
                  int subcode = 0, const std::string& type = "OAuthException");
Reply invalid_param(const std::string& details);  // code 100 "Invalid parameter"
Reply required(const std::string& name);          // code 100 "The parameter <name> is required."
Reply unknown_object(const std::string& id, const std::string& method);  // code 100 subcode 33
Reply raw(int status, std::string body, std::string content_type);
nlohmann::json graph_error_object(int code, const std::string& text, const std::string& details,
                                  int subcode = 0, const std::string& type = "OAuthException");

// Final HTTP body for a Reply under the given envelope.
std::string render(const Reply& r, Envelope env);
std::string envelope_success(const nlohmann::json& x, Envelope env);
std::string envelope_error(const nlohmann::json& graph_body, Envelope env);

// The Content-Type of the JSON answers the routes and the fault injector write themselves.
inline constexpr const char* kJson = "application/json; charset=utf-8";

extern const char* const kNotFoundBody;  // {"message":"Not Found"}
std::string token_error_body();          // 401 body

}  // namespace whatsapp_emulator
