// Definitions of the functions model/template_example.hpp declares: included by it (header-only),
// or compiled once with WHATSAPP_SEPARATE_COMPILATION (whatsapp/instantiate.hpp).

#pragma once

#include "whatsapp/error.hpp"
#include "whatsapp/model/template_example.hpp"

namespace whatsapp::detail {

/// The JSON of `v` for an error message, cut at 80 bytes.
inline std::string short_dump(const nlohmann::json& v) {
  std::string s = v.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);  // ASCII: safe to cut
  if (s.size() > 80) s = s.substr(0, 77) + "...";
  return s;
}

inline bool is_string_array(const nlohmann::json& j) {
  if (!j.is_array()) return false;
  for (const auto& e : j) {
    if (!e.is_string()) return false;
  }
  return true;
}

inline bool is_named_array(const nlohmann::json& j) {
  if (!j.is_array()) return false;
  for (const auto& e : j) {
    if (!e.is_object() || !e.contains("param_name") || !e["param_name"].is_string() ||
        !e.contains("example") || !e["example"].is_string()) {
      return false;
    }
  }
  return true;
}

inline bool is_string_matrix(const nlohmann::json& j) {
  if (!j.is_array()) return false;
  for (const auto& row : j) {
    if (!is_string_array(row)) return false;
  }
  return true;
}

inline std::vector<NamedExample> named_of(const nlohmann::json& j) {
  std::vector<NamedExample> out;
  for (const auto& e : j)
    out.push_back({e["param_name"].get<std::string>(), e["example"].get<std::string>()});
  return out;
}

inline nlohmann::json named_json(const std::vector<NamedExample>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& n : v) {
    nlohmann::json o = nlohmann::json::object();
    o["param_name"] = n.param_name;
    o["example"] = n.example;
    a.push_back(std::move(o));
  }
  return a;
}

}  // namespace whatsapp::detail

namespace whatsapp {

WHATSAPP_DECL void to_json(nlohmann::json& j, const TemplateExample& e) {
  if (!e.extra.is_object() && !e.extra.is_null()) {  // read back as it came (not an object)
    j = e.extra;
    return;
  }
  j = e.extra.is_object() ? e.extra : nlohmann::json::object();
  // Built element by element: no initializer list decides between array and object here.
  if (!e.header_text.empty()) j["header_text"] = nlohmann::json(e.header_text);
  if (!e.header_handle.empty()) j["header_handle"] = nlohmann::json(e.header_handle);
  if (!e.body_text.empty()) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : e.body_text) rows.push_back(nlohmann::json(row));
    j["body_text"] = std::move(rows);
  }
  if (!e.header_text_named_params.empty()) {
    j["header_text_named_params"] = detail::named_json(e.header_text_named_params);
  }
  if (!e.body_text_named_params.empty())
    j["body_text_named_params"] = detail::named_json(e.body_text_named_params);
}

WHATSAPP_DECL void from_json(const nlohmann::json& j, TemplateExample& e) {
  e = TemplateExample();
  if (!j.is_object()) {
    e.extra = j;
    return;
  }
  for (const auto& [k, v] : j.items()) {
    if (k == "header_text" && detail::is_string_array(v)) {
      e.header_text = v.get<std::vector<std::string>>();
    } else if (k == "header_handle" && detail::is_string_array(v)) {
      e.header_handle = v.get<std::vector<std::string>>();
    } else if (k == "body_text" && detail::is_string_matrix(v) && !v.empty()) {
      e.body_text = v.get<std::vector<std::vector<std::string>>>();
    } else if (k == "header_text_named_params" && detail::is_named_array(v)) {
      e.header_text_named_params = detail::named_of(v);
    } else if (k == "body_text_named_params" && detail::is_named_array(v)) {
      e.body_text_named_params = detail::named_of(v);
    } else {
      e.extra[k] = v;
    }
  }
}

}  // namespace whatsapp

namespace whatsapp::detail {

WHATSAPP_DECL Result<void> check_example_json(const nlohmann::json& example, const std::string& field) {
  if (!example.is_object()) {
    return Error::invalid_argument(field,
                                   "must be an object, e.g. {\"body_text\": [[\"#1234\", \"Monday\"]]}");
  }
  for (const auto& [k, v] : example.items()) {
    std::string at = field;
    at += '.';
    at += k;
    if ((k == "header_text" || k == "header_handle") && !is_string_array(v)) {
      return Error::invalid_argument(at,
                                     "must be an array of strings, e.g. [\"Spring\"]; got " + short_dump(v));
    }
    if (k == "body_text" && (!is_string_matrix(v) || v.empty())) {
      std::string what =
          "must be an array holding one array of strings, e.g. [[\"#1234\", \"Monday\"]]; got ";
      what += short_dump(v);
      what += " (use TemplateExample::body())";
      return Error::invalid_argument(at, what);
    }
    if ((k == "header_text_named_params" || k == "body_text_named_params") && !is_named_array(v)) {
      return Error::invalid_argument(
          at, "must be an array of {\"param_name\": ..., \"example\": ...} strings; got " + short_dump(v));
    }
  }
  return {};
}

}  // namespace whatsapp::detail

namespace whatsapp {

WHATSAPP_DECL TemplateExample TemplateExample::header(std::string value) {
  TemplateExample e;
  e.header_text.push_back(std::move(value));
  return e;
}
WHATSAPP_DECL TemplateExample TemplateExample::header_named(std::string param_name, std::string value) {
  TemplateExample e;
  e.header_text_named_params.push_back({std::move(param_name), std::move(value)});
  return e;
}
WHATSAPP_DECL TemplateExample TemplateExample::media(std::string handle) {
  TemplateExample e;
  e.header_handle.push_back(std::move(handle));
  return e;
}
WHATSAPP_DECL TemplateExample TemplateExample::body(std::vector<std::string> values) {
  TemplateExample e;
  e.body_text.push_back(std::move(values));
  return e;
}
WHATSAPP_DECL TemplateExample TemplateExample::body_named(std::vector<NamedExample> params) {
  TemplateExample e;
  e.body_text_named_params = std::move(params);
  return e;
}
WHATSAPP_DECL TemplateExample TemplateExample::raw(nlohmann::json example) {
  TemplateExample e;
  e.extra = std::move(example);
  return e;
}

}  // namespace whatsapp
