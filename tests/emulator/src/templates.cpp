// Routes 15-18: message templates.
#include <algorithm>
#include <cctype>
#include <regex>

#include "state.hpp"
#include "util.hpp"

namespace whatsapp_emulator {
namespace {

std::string upper(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

bool strings(const json& a) {
  if (!a.is_array()) return false;
  for (auto& e : a)
    if (!e.is_string()) return false;
  return true;
}

bool named(const json& a) {
  if (!a.is_array()) return false;
  for (auto& e : a)
    if (!e.is_object() || !e.contains("param_name") || !e["param_name"].is_string() ||
        !e.contains("example") || !e["example"].is_string())
      return false;
  return true;
}

// The documented shapes of a component's example: header_text and header_handle arrays of
// strings, body_text an array of arrays of strings, *_named_params arrays of
// {param_name, example}. Empty when `example` fits, else what Meta would say is wrong.
std::string example_problem(const json& example, std::size_t index) {
  const std::string at = "components[" + std::to_string(index) + "]['example']";
  if (!example.is_object()) return at + " must be an object";
  for (auto& [k, v] : example.items()) {
    bool ok = true;
    if (k == "header_text" || k == "header_handle") ok = strings(v);
    if (k == "body_text") {
      ok = v.is_array() && !v.empty();
      for (auto& row : v) ok = ok && strings(row);
    }
    if (k == "header_text_named_params" || k == "body_text_named_params") ok = named(v);
    if (!ok) return at + "['" + k + "'] has the wrong shape: " + v.dump();
  }
  return "";
}

}  // namespace

Reply State::create_template(Call& c) {
  json b;
  Reply err;
  if (!parse_body(c, &b, &err)) return err;
  for (const char* k : {"name", "language", "category", "components"})
    if (!b.contains(k)) return required(k);
  if (!b["name"].is_string() || !b["language"].is_string() || !b["category"].is_string())
    return invalid_param("name, language and category must be strings");
  std::string name = b["name"];
  static const std::regex kName("^[a-z0-9_]+$");
  if (name.size() > 512 || !std::regex_match(name, kName))
    return graph_error(100, "Invalid parameter",
                       "Template name can only contain lowercase alphanumeric characters and "
                       "underscores (max 512)",
                       400, 2388042);
  std::string category = upper(b["category"]);
  if (category != "MARKETING" && category != "UTILITY" && category != "AUTHENTICATION")
    return invalid_param("category must be one of AUTHENTICATION, MARKETING, UTILITY");
  const json& comps = b["components"];
  if (!comps.is_array()) return invalid_param("components must be an array");
  bool has_body = false;
  for (std::size_t i = 0; i < comps.size(); ++i) {
    const json& comp = comps[i];
    if (!comp.is_object() || !comp.contains("type") || !comp["type"].is_string())
      return invalid_param("each component needs a type");
    if (upper(comp["type"]) == "BODY") has_body = true;
    if (comp.contains("example")) {
      std::string problem = example_problem(comp["example"], i);
      if (!problem.empty()) return invalid_param(problem);
    }
  }
  if (!has_body) return invalid_param("components must include a BODY component");
  for (auto& t : templates_) {
    if (t["name"] == name && t["language"] == b["language"]) {
      Reply r = graph_error(100, "Invalid parameter", "", 400, 2388024);
      r.body["error"]["error_user_title"] = "Content in This Language Already Exists";
      r.body["error"]["error_user_msg"] = "There is already " + b["language"].get<std::string>() +
                                          " content for this template. You can create a new "
                                          "template and try again.";
      r.body["error"]["is_transient"] = false;
      return r;
    }
  }
  std::string id = new_id(8);
  templates_.push_back({{"id", id},
                        {"name", name},
                        {"language", b["language"]},
                        {"status", "PENDING"},
                        {"category", category},
                        {"parameter_format", b.value("parameter_format", "POSITIONAL")},
                        {"components", comps}});
  return ok({{"id", id}, {"status", "PENDING"}, {"category", category}});
}

Reply State::list_templates(Call& c) {
  std::string name = c.q("name");
  auto statuses = util::split_fields(upper(c.q("status")));
  auto categories = util::split_fields(upper(c.q("category")));
  std::string language = c.q("language");
  std::vector<json> items;
  for (auto& t : templates_) {
    if (!name.empty() && t["name"].get<std::string>().find(name) == std::string::npos) continue;
    if (!statuses.empty() &&
        std::find(statuses.begin(), statuses.end(), t["status"].get<std::string>()) == statuses.end())
      continue;
    if (!categories.empty() &&
        std::find(categories.begin(), categories.end(), t["category"].get<std::string>()) == categories.end())
      continue;
    if (!language.empty() && t["language"] != language) continue;
    json out;
    Reply err;
    if (!project(t, c.q("fields"), "WhatsAppBusinessHSM", &out, &err)) return err;
    items.push_back(out);
  }
  return page(
      items, c,
      c.graph_root + "/" + c.version + "/" + c.p("WHATSAPP_BUSINESS_ACCOUNT_ID") + "/message_templates");
}

Reply State::get_template(Call& c) {
  std::string id = c.p("MESSAGE_TEMPLATE_ID");
  for (auto& t : templates_) {
    if (t["id"] != id) continue;
    json out;
    Reply err;
    if (!project(t, c.q("fields"), "WhatsAppBusinessHSM", &out, &err)) return err;
    return ok(out);
  }
  return unknown_object(id, "get");
}

Reply State::delete_template(Call& c) {
  if (c.graph && !c.p("WHATSAPP_BUSINESS_ACCOUNT_ID").empty()) {
    // Graph's form: ?name= deletes every language of the name; with hsm_id only that template.
    const std::string name = c.q("name"), hsm_id = c.q("hsm_id");
    if (name.empty()) return required("name");
    bool any = false;
    for (auto it = templates_.begin(); it != templates_.end();) {
      if ((*it)["name"] != name || (!hsm_id.empty() && (*it)["id"] != hsm_id)) {
        ++it;
        continue;
      }
      retired_.insert((*it)["id"].get<std::string>());
      it = templates_.erase(it);
      any = true;
    }
    if (!any)
      return graph_error(100, "Message template not found",
                         "The message template " + name + " wasn't found for this account.");
    return success();
  }
  std::string id = c.p("MESSAGE_TEMPLATE_ID");
  for (auto it = templates_.begin(); it != templates_.end(); ++it) {
    if ((*it)["id"] != id) continue;
    templates_.erase(it);
    retired_.insert(id);
    return success();
  }
  return unknown_object(id, "delete");
}

}  // namespace whatsapp_emulator
