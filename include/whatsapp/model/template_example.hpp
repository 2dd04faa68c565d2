#pragma once

/// @file model/template_example.hpp
/// Sample values of a template component (Meta's `example` object), typed, so that the nesting
/// Meta wants (`"body_text": [["#1234", "Monday"]]`, an array in an array) cannot come out as
/// something else. Written with nlohmann's initializer lists, that value is easily mistaken:
/// `{{"body_text", {{"#1234", "Monday"}}}}` is the object `{"body_text": {"#1234": "Monday"}}`
/// (a two-element list of strings reads as a key/value pair), and Meta refuses the template.
///
///     TemplateComponentDef::body("Your order {{1}} ships on {{2}}.")
///         .with_example(TemplateExample::body({"#1234", "Monday"}))
///
/// A `TemplateExample` is not an aggregate, so a braced JSON-like list does not compile where one
/// is expected. raw() keeps a way to send keys this library does not model; validate(NewTemplate)
/// checks the shape of every key it knows in both ways of writing it.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/config.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp {

/// A sample value of a named parameter ({{order_id}}): `{"param_name", "example"}`.
struct NamedExample {
  std::string param_name;  ///< Without the braces: "order_id".
  std::string example;     ///< "#1234".
};

/// The `example` of a template component.
class TemplateExample {
 public:
  TemplateExample() {}  // user-provided: not an aggregate, so JSON-like brace lists do not fit

  std::vector<std::string> header_text{};                ///< `header_text: ["Spring"]`.
  std::vector<std::string> header_handle{};              ///< `header_handle: ["4::aW..."]` (media).
  std::vector<std::vector<std::string>> body_text{};     ///< `body_text: [["#1234", "Monday"]]`.
  std::vector<NamedExample> header_text_named_params{};  ///< Named header parameter.
  std::vector<NamedExample> body_text_named_params{};    ///< Named body parameters.
  nlohmann::json extra = nlohmann::json::object();       ///< Other keys, sent as given (raw()).

  /// The sample of a text header's one positional parameter ({{1}}).
  WHATSAPP_DECL static TemplateExample header(std::string value);
  /// The sample of a text header's one named parameter.
  WHATSAPP_DECL static TemplateExample header_named(std::string param_name, std::string value);
  /// The sample media of an IMAGE, VIDEO or DOCUMENT header: the handle of a file uploaded with
  /// Meta's Resumable Upload API ("4::aW1hZ2UvanBlZw==:ARZ...").
  WHATSAPP_DECL static TemplateExample media(std::string handle);
  /// The samples of a body's positional parameters, in order: {{1}}, {{2}}, ...
  WHATSAPP_DECL static TemplateExample body(std::vector<std::string> values);
  /// The samples of a body's named parameters.
  WHATSAPP_DECL static TemplateExample body_named(std::vector<NamedExample> params);
  /// An example object sent as given, for keys this library does not model. validate(NewTemplate)
  /// still checks the keys it knows (body_text must be an array of arrays of strings, ...).
  WHATSAPP_DECL static TemplateExample raw(nlohmann::json example);

  /// True when nothing would be sent.
  bool empty() const noexcept {
    return header_text.empty() && header_handle.empty() && body_text.empty() &&
           header_text_named_params.empty() && body_text_named_params.empty() &&
           (extra.is_null() || (extra.is_object() && extra.empty()));
  }
};

/// The example object: `extra` first, then every typed key that is set (a typed key wins).
WHATSAPP_DECL void to_json(nlohmann::json& j, const TemplateExample& e);

/// Reads Meta's example object: the keys of a documented shape into their fields, anything else
/// (another key, a known key of another shape) into `extra`, kept as is. Never throws on shapes.
WHATSAPP_DECL void from_json(const nlohmann::json& j, TemplateExample& e);

namespace detail {

/// Checks the shape of an example object as it will be sent: header_text and header_handle are
/// arrays of strings, body_text an array of arrays of strings, *_named_params arrays of
/// {"param_name", "example"} strings. The error names the key under `field` and shows the
/// expected form.
WHATSAPP_DECL Result<void> check_example_json(const nlohmann::json& example, const std::string& field);

}  // namespace detail

}  // namespace whatsapp

#ifndef WHATSAPP_SEPARATE_COMPILATION
#include "whatsapp/model/impl/template_example.ipp"
#endif
