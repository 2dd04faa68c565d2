#pragma once

/// @file webhook/json_ref.hpp
/// The two small types the webhook structs are built from: JsonRef, a shared read-only
/// reference into the one parsed notification, and Optional<T>, std::optional's interface with
/// the value on the heap.

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <nlohmann/json.hpp>

namespace whatsapp::webhook {

/// A read-only reference to one value inside a parsed webhook body. Every struct of a
/// Notification keeps its JSON as a JsonRef into the same document (parse() parses the body once
/// and nothing copies it); the document lives as long as any JsonRef to it, so a Message copied
/// out of its Notification keeps its `raw` valid. Copying a JsonRef copies a shared pointer.
///
/// Reading is never undefined: `ref["key"]` and `ref[i]` give a JsonRef to JSON null for a
/// missing member or an index out of range (unlike nlohmann::json's const operator[]), so chains
/// such as `m.raw["referral"]["ctwa_clid"]` are safe on any payload. For the full nlohmann::json
/// interface use get() (or `*ref`, `ref->`); a JsonRef converts to `const nlohmann::json&`.
class JsonRef {
 public:
  /// Refers to JSON null.
  JsonRef() noexcept = default;
  /// Refers to `node`, which lives inside `*document` (or is static).
  JsonRef(std::shared_ptr<const nlohmann::json> document, const nlohmann::json* node) noexcept
      : node_(std::move(document), node) {}

  /// The value referred to.
  const nlohmann::json& get() const noexcept { return node_ ? *node_ : null_json(); }
  operator const nlohmann::json&() const noexcept { return get(); }  // NOLINT(google-explicit-constructor)
  const nlohmann::json& operator*() const noexcept { return get(); }
  const nlohmann::json* operator->() const noexcept { return &get(); }

  /// The member `key` of an object, or JSON null (when absent or this is not an object); an
  /// integer instead of a key reads an array element, null when out of range. Returns a JsonRef,
  /// so chains of [] stay safe however deep.
  template <class Key>
  JsonRef operator[](const Key& key) const noexcept {
    const nlohmann::json& child = at_or_null(get(), key);
    return JsonRef(node_, &child);
  }

  /// The value converted with nlohmann::json::get<T>() (throws nlohmann::json::type_error when
  /// it is not a T).
  template <class T>
  T get() const {
    return get().template get<T>();
  }

  /// True when this is an object with a member `key`.
  bool contains(std::string_view key) const noexcept {
    const auto& j = get();
    return j.is_object() && j.get_ref<const nlohmann::json::object_t&>().count(key) != 0;
  }
  bool is_null() const noexcept { return get().is_null(); }
  bool is_object() const noexcept { return get().is_object(); }
  bool is_array() const noexcept { return get().is_array(); }
  bool is_string() const noexcept { return get().is_string(); }
  bool is_number() const noexcept { return get().is_number(); }
  bool is_boolean() const noexcept { return get().is_boolean(); }
  /// Members of an object, elements of an array, 0 for null, 1 for a scalar.
  std::size_t size() const noexcept { return get().size(); }
  /// The JSON text (invalid UTF-8 replaced, so it never throws on what a sender put there).
  std::string dump(int indent = -1) const {
    return get().dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
  }

  friend bool operator==(const JsonRef& a, const JsonRef& b) noexcept { return a.get() == b.get(); }
  friend bool operator!=(const JsonRef& a, const JsonRef& b) noexcept { return a.get() != b.get(); }
  friend bool operator==(const JsonRef& a, const nlohmann::json& b) noexcept { return a.get() == b; }
  friend bool operator==(const nlohmann::json& a, const JsonRef& b) noexcept { return a == b.get(); }
  friend bool operator!=(const JsonRef& a, const nlohmann::json& b) noexcept { return a.get() != b; }
  friend bool operator!=(const nlohmann::json& a, const JsonRef& b) noexcept { return a != b.get(); }
  friend std::ostream& operator<<(std::ostream& os, const JsonRef& r) { return os << r.dump(); }

  /// A static JSON null, for references to "nothing".
  static const nlohmann::json& null_json() noexcept {
    static const nlohmann::json kNull;
    return kNull;
  }

 private:
  template <class Key>
  static const nlohmann::json& at_or_null(const nlohmann::json& j, const Key& key) noexcept {
    if constexpr (std::is_integral_v<Key>) {
      if (!j.is_array() || key < 0 || static_cast<std::size_t>(key) >= j.size()) return null_json();
      return j[static_cast<std::size_t>(key)];
    } else {
      if (!j.is_object()) return null_json();
      const auto& obj = j.get_ref<const nlohmann::json::object_t&>();
      const auto it = obj.find(std::string_view(key));
      return it == obj.end() ? null_json() : it->second;
    }
  }

  std::shared_ptr<const nlohmann::json> node_;
};

/// std::optional's interface (`if (o)`, `o->x`, `*o`, has_value(), value(), reset(), emplace(),
/// comparison with std::nullopt) with the value on the heap: a Message has sixteen optional
/// parts of which one or two are set, and this keeps the unset ones at 8 bytes each. Copies are
/// deep (value semantics, like std::optional).
template <class T>
class Optional {
 public:
  using value_type = T;

  Optional() noexcept = default;
  Optional(std::nullopt_t) noexcept {}                              // NOLINT(google-explicit-constructor)
  Optional(T value) : p_(std::make_unique<T>(std::move(value))) {}  // NOLINT(google-explicit-constructor)
  Optional(const std::optional<T>& o) : p_(o ? std::make_unique<T>(*o) : nullptr) {}  // NOLINT
  Optional(const Optional& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  Optional(Optional&&) noexcept = default;
  Optional& operator=(const Optional& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  Optional& operator=(Optional&&) noexcept = default;
  Optional& operator=(std::nullopt_t) noexcept {
    p_.reset();
    return *this;
  }
  Optional& operator=(T value) {
    p_ = std::make_unique<T>(std::move(value));
    return *this;
  }
  ~Optional() = default;

  bool has_value() const noexcept { return p_ != nullptr; }
  explicit operator bool() const noexcept { return p_ != nullptr; }

  T& operator*() & noexcept { return *p_; }
  const T& operator*() const& noexcept { return *p_; }
  T* operator->() noexcept { return p_.get(); }
  const T* operator->() const noexcept { return p_.get(); }

  /// The value; throws std::bad_optional_access when there is none.
  T& value() & {
    if (!p_) throw std::bad_optional_access();
    return *p_;
  }
  const T& value() const& {
    if (!p_) throw std::bad_optional_access();
    return *p_;
  }

  /// Sets a value built from `args` (brace-initialised, so aggregates work) and returns it.
  template <class... Args>
  T& emplace(Args&&... args) {
    p_ = std::make_unique<T>(T{std::forward<Args>(args)...});
    return *p_;
  }
  void reset() noexcept { p_.reset(); }

  friend bool operator==(const Optional& o, std::nullopt_t) noexcept { return !o; }
  friend bool operator==(std::nullopt_t, const Optional& o) noexcept { return !o; }
  friend bool operator!=(const Optional& o, std::nullopt_t) noexcept { return static_cast<bool>(o); }
  friend bool operator!=(std::nullopt_t, const Optional& o) noexcept { return static_cast<bool>(o); }

 private:
  std::unique_ptr<T> p_;
};

}  // namespace whatsapp::webhook
