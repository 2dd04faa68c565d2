// Definitions of what api/templates.hpp declares: included by it (header-only), or compiled once
// with WHATSAPP_SEPARATE_COMPILATION.

#pragma once

#include "whatsapp/api/templates.hpp"
#include "whatsapp/protocol/graph.hpp"

namespace whatsapp::api {

WHATSAPP_DECL Result<CreatedTemplate> Templates::create(std::string_view waba_id,
                                                        const NewTemplate& t) const {
  if (auto v = validate(t); !v) return v.error();
  detail::RequestSpec spec{&route(RouteId::kCreateTemplate), {waba_id}, {}, {}, {}};
  spec.body = nlohmann::json(t).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return core_->call_read<CreatedTemplate>(spec, [](nlohmann::json&& payload) {
    return detail::decode<CreatedTemplate>(payload, "created template");
  });
}

WHATSAPP_DECL Result<Page<Template>> Templates::list(std::string_view waba_id,
                                                     const TemplateFilter& filter) const {
  detail::RequestSpec spec{&route(RouteId::kListTemplates), {waba_id}, {}, {}, {}};
  detail::add_fields(spec.query, filter.fields);
  if (filter.limit) spec.query.emplace_back("limit", std::to_string(*filter.limit));
  if (!filter.name.empty()) spec.query.emplace_back("name", filter.name);
  if (!filter.status.empty()) spec.query.emplace_back("status", filter.status);
  if (!filter.after.empty()) spec.query.emplace_back("after", filter.after);
  return core_->call_read<Page<Template>>(
      spec, [](nlohmann::json&& payload) { return detail::decode_page<Template>(payload, "template"); });
}

WHATSAPP_DECL Paged<Template> Templates::list_all(std::string_view waba_id,
                                                  const TemplateFilter& filter) const {
  auto self = *this;
  std::string waba(waba_id);
  const std::string start = filter.after;
  return Paged<Template>([self, waba, filter, start](const std::string& cursor) {
    auto f = filter;
    f.after = cursor.empty() ? start : cursor;
    return self.list(waba, f);
  });
}

WHATSAPP_DECL Result<Template> Templates::get(std::string_view template_id,
                                              const std::vector<std::string>& fields) const {
  detail::RequestSpec spec{&route(RouteId::kGetTemplate), {template_id}, {}, {}, {}};
  detail::add_fields(spec.query, fields);
  return core_->call_read<Template>(
      spec, [](nlohmann::json&& payload) { return detail::decode<Template>(payload, "template"); });
}

WHATSAPP_DECL Result<void> Templates::remove(std::string_view template_id) const {
  if (core_->graph()) {
    return Error::invalid_argument("template_id",
                                   "Meta's Graph API deletes a template on its business account by name: "
                                   "call remove(waba_id, name, template_id)");
  }
  detail::RequestSpec spec{&route(RouteId::kDeleteTemplate), {template_id}, {}, {}, {}};
  return core_->call_success(spec, "delete template");
}

WHATSAPP_DECL Result<void> Templates::remove(std::string_view waba_id, std::string_view name,
                                             std::string_view template_id) const {
  if (!core_->graph()) {
    if (template_id.empty()) {
      return Error::invalid_argument(
          "template_id", "is required through LowCodeAPI, whose route deletes one template by its id");
    }
    return remove(template_id);
  }
  if (name.empty())
    return Error::invalid_argument("name", "must not be empty: Meta deletes templates by name");
  detail::RequestSpec spec{&kGraphDeleteTemplate, {waba_id}, {{"name", std::string(name)}}, {}, {}};
  if (!template_id.empty()) spec.query.emplace_back("hsm_id", std::string(template_id));
  return core_->call_success(spec, "delete template");
}

}  // namespace whatsapp::api
