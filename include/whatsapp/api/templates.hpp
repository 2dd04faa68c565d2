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
#include "whatsapp/detail/config.hpp"
#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/model/page.hpp"
#include "whatsapp/model/success.hpp"
#include "whatsapp/model/template.hpp"

namespace whatsapp {

/// Filters of Get Message Templates.
struct TemplateFilter {
  std::vector<std::string> fields;  ///< Empty: Meta's default set.
  std::optional<int> limit;         ///< Items per page.
  std::string name;                 ///< Templates whose name contains this.
  std::string status;               ///< "APPROVED", "PENDING", "REJECTED", ...
  std::string after;                ///< Cursor: the page after this one.
};

}  // namespace whatsapp

namespace whatsapp::api {

/// `client.templates()`. Cheap to copy; shares the client's connection and state.
class Templates {
 public:
  explicit Templates(std::shared_ptr<const detail::Core> core) : core_(std::move(core)) {}

  /// Create Message Template in the business account `waba_id`; Meta reviews it (status
  /// PENDING). Errors: kInvalidArgument (name, language, category, a BODY component);
  /// kApi (e.g. 2388024 when the name and language exist already). Not safe to repeat blindly:
  /// a second create of the same name and language fails.
  WHATSAPP_DECL Result<CreatedTemplate> create(std::string_view waba_id, const NewTemplate& t) const;

  /// Get Message Templates: one page. Errors: kApi, kParse, kTransport. Read-only.
  WHATSAPP_DECL Result<Page<Template>> list(std::string_view waba_id,
                                            const TemplateFilter& filter = {}) const;

  /// Every template matching `filter`, page by page, asking for the next page with the
  /// `after` cursor through the same route (never `paging.next`). Yields Result<Template>;
  /// a failed page is yielded as its error and ends the walk.
  WHATSAPP_DECL Paged<Template> list_all(std::string_view waba_id, const TemplateFilter& filter = {}) const;

  /// Get Message Template by id. Errors: kApi (unknown id), kParse. Read-only.
  WHATSAPP_DECL Result<Template> get(std::string_view template_id,
                                     const std::vector<std::string>& fields = {}) const;

  /// Delete Message Template by id (LowCodeAPI's route). Errors: kApi (a second delete fails: it
  /// is gone), kParse; under Backend::kGraph kInvalidArgument before anything is sent, Meta
  /// deleting templates on their account by name: use the overload below.
  WHATSAPP_DECL Result<void> remove(std::string_view template_id) const;

  /// Delete Message Template the way that works over both backends: the template `name` of the
  /// account `waba_id`, only the one with `template_id` when given (else every language of that
  /// name). Graph: `DELETE /<waba_id>/message_templates?name=…&hsm_id=…` (Meta's request);
  /// LowCodeAPI: the route by id, so there `template_id` is required (kInvalidArgument without
  /// it). Errors: kApi (unknown template), kParse.
  WHATSAPP_DECL Result<void> remove(std::string_view waba_id, std::string_view name,
                                    std::string_view template_id = {}) const;

 private:
  std::shared_ptr<const detail::Core> core_;
};

}  // namespace whatsapp::api

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/api/impl/templates.ipp"
#endif
