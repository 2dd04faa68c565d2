#pragma once

/// @file api/templates.hpp
/// Message templates: create, list (paged), get, delete.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/api/detail/query.hpp"
#include "whatsapp/client/detail/core.hpp"
#include "whatsapp/detail/decode.hpp"
#include "whatsapp/model/page.hpp"
#include "whatsapp/model/success.hpp"
#include "whatsapp/model/template.hpp"

namespace whatsapp::api {

/// Filters of Get Message Templates.
struct TemplateFilter {
  std::vector<std::string> fields;  ///< Empty: Meta's default set.
  std::optional<int> limit;         ///< Items per page.
  std::string name;                 ///< Templates whose name contains this.
  std::string status;               ///< "APPROVED", "PENDING", "REJECTED", ...
  std::string after;                ///< Cursor: the page after this one.
};

/// `client.templates()`. Cheap to copy; shares the client's connection and state.
template <class Transport>
class Templates {
 public:
  explicit Templates(std::shared_ptr<const detail::Core<Transport>> core) : core_(std::move(core)) {}

  /// Create Message Template in the business account `waba_id`; Meta reviews it (status
  /// PENDING). Errors: kInvalidArgument (name, language, category, a BODY component);
  /// kApi (e.g. 2388024 when the name and language exist already). Not safe to repeat blindly:
  /// a second create of the same name and language fails.
  Result<CreatedTemplate> create(std::string_view waba_id, const NewTemplate& t) const {
    if (auto v = validate(t); !v) return v.error();
    detail::RequestSpec spec{&route(RouteId::kCreateTemplate), {waba_id}, {}, {}, {}};
    spec.body = nlohmann::json(t).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return core_->template call_read<CreatedTemplate>(spec, [](nlohmann::json&& payload) {
      return detail::decode<CreatedTemplate>(payload, "created template");
    });
  }

  /// Get Message Templates: one page. Errors: kApi, kParse, kTransport. Read-only.
  Result<Page<Template>> list(std::string_view waba_id, const TemplateFilter& filter = {}) const {
    detail::RequestSpec spec{&route(RouteId::kListTemplates), {waba_id}, {}, {}, {}};
    detail::add_fields(spec.query, filter.fields);
    if (filter.limit) spec.query.emplace_back("limit", std::to_string(*filter.limit));
    if (!filter.name.empty()) spec.query.emplace_back("name", filter.name);
    if (!filter.status.empty()) spec.query.emplace_back("status", filter.status);
    if (!filter.after.empty()) spec.query.emplace_back("after", filter.after);
    return core_->template call_read<Page<Template>>(
        spec, [](nlohmann::json&& payload) { return detail::decode_page<Template>(payload, "template"); });
  }

  /// Every template matching `filter`, page by page, asking for the next page with the
  /// `after` cursor through the same route (never `paging.next`). Yields Result<Template>;
  /// a failed page is yielded as its error and ends the walk.
  Paged<Template> list_all(std::string_view waba_id, const TemplateFilter& filter = {}) const {
    auto self = *this;
    std::string waba(waba_id);
    const std::string start = filter.after;
    return Paged<Template>([self, waba, filter, start](const std::string& cursor) {
      auto f = filter;
      f.after = cursor.empty() ? start : cursor;
      return self.list(waba, f);
    });
  }

  /// Get Message Template by id. Errors: kApi (unknown id), kParse. Read-only.
  Result<Template> get(std::string_view template_id, const std::vector<std::string>& fields = {}) const {
    detail::RequestSpec spec{&route(RouteId::kGetTemplate), {template_id}, {}, {}, {}};
    detail::add_fields(spec.query, fields);
    return core_->template call_read<Template>(
        spec, [](nlohmann::json&& payload) { return detail::decode<Template>(payload, "template"); });
  }

  /// Delete Message Template by id. Errors: kApi (a second delete fails: it is gone), kParse.
  Result<void> remove(std::string_view template_id) const {
    detail::RequestSpec spec{&route(RouteId::kDeleteTemplate), {template_id}, {}, {}, {}};
    return core_->call_success(spec, "delete template");
  }

 private:
  std::shared_ptr<const detail::Core<Transport>> core_;
};

}  // namespace whatsapp::api
