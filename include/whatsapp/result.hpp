#pragma once

/// @file result.hpp
/// Result<T>: a value or an Error. Calls return it instead of throwing; value() throws
/// whatsapp::Exception for callers who prefer exceptions.

#include <new>
#include <type_traits>
#include <utility>
#include <variant>

#include "whatsapp/error.hpp"

namespace whatsapp {

namespace detail {

// The storage of Result<T>: a T or an Error in one union. It replaces std::variant<T, Error>, whose
// layers of special members and visitation tables cost about 80 instantiated functions per T in
// every file that includes the SDK (docs/performance.md). Its copy and move members are written
// for any T; ResultCopy below makes Result copyable exactly when T is, as the variant did.
template <class T>
class ResultStorage {
 public:
  ResultStorage(const ResultStorage& other) : ok_(other.ok_) {
    if (ok_) {
      ::new (static_cast<void*>(&value_)) T(other.value_);
    } else {
      ::new (static_cast<void*>(&error_)) Error(other.error_);
    }
  }
  // NOLINTNEXTLINE(performance-noexcept-move-constructor): noexcept exactly when T's move is
  ResultStorage(ResultStorage&& other) noexcept(std::is_nothrow_move_constructible_v<T>) : ok_(other.ok_) {
    if (ok_) {
      ::new (static_cast<void*>(&value_)) T(std::move(other.value_));
    } else {
      ::new (static_cast<void*>(&error_)) Error(std::move(other.error_));
    }
  }
  ResultStorage& operator=(const ResultStorage& other) {
    if (this == &other) return *this;
    if (ok_ && other.ok_) {
      value_ = other.value_;
    } else if (!ok_ && !other.ok_) {
      error_ = other.error_;
    } else {
      ResultStorage copy(other);
      *this = std::move(copy);
    }
    return *this;
  }
  static constexpr bool kNothrowMove =
      std::is_nothrow_move_constructible_v<T> && std::is_nothrow_move_assignable_v<T>;
  // NOLINTNEXTLINE(performance-noexcept-move-constructor): noexcept exactly when T's move is
  ResultStorage& operator=(ResultStorage&& other) noexcept(kNothrowMove) {
    if (this == &other) return *this;
    if (ok_ && other.ok_) {
      value_ = std::move(other.value_);
    } else if (!ok_ && !other.ok_) {
      error_ = std::move(other.error_);
    } else if (other.ok_) {  // an error becomes a value
      error_.~Error();
      if constexpr (std::is_nothrow_move_constructible_v<T>) {
        ::new (static_cast<void*>(&value_)) T(std::move(other.value_));
      } else {
        try {
          ::new (static_cast<void*>(&value_)) T(std::move(other.value_));
        } catch (...) {  // left holding a default Error, not destroyed storage
          ::new (static_cast<void*>(&error_)) Error();
          throw;
        }
      }
      ok_ = true;
    } else {  // a value becomes an error (Error's move does not throw)
      value_.~T();
      ::new (static_cast<void*>(&error_)) Error(std::move(other.error_));
      ok_ = false;
    }
    return *this;
  }
  ~ResultStorage() {
    if (ok_) {
      value_.~T();
    } else {
      error_.~Error();
    }
  }

 protected:
  explicit ResultStorage(T&& value) : value_(std::move(value)), ok_(true) {}
  explicit ResultStorage(const T& value) : value_(value), ok_(true) {}
  explicit ResultStorage(Error&& error) noexcept : error_(std::move(error)), ok_(false) {}
  explicit ResultStorage(const Error& error) : error_(error), ok_(false) {}

  union {
    T value_;
    Error error_;
  };
  bool ok_;
};

// Deletes Result<T>'s copy constructor and copy assignment when T has none.
template <bool Constructible, bool Assignable>
struct ResultCopy {};
template <>
struct ResultCopy<false, false> {
  ResultCopy() = default;
  ResultCopy(const ResultCopy&) = delete;
  ResultCopy(ResultCopy&&) = default;
  ResultCopy& operator=(const ResultCopy&) = delete;
  ResultCopy& operator=(ResultCopy&&) = default;
  ~ResultCopy() = default;
};
template <>
struct ResultCopy<true, false> {
  ResultCopy() = default;
  ResultCopy(const ResultCopy&) = default;
  ResultCopy(ResultCopy&&) = default;
  ResultCopy& operator=(const ResultCopy&) = delete;
  ResultCopy& operator=(ResultCopy&&) = default;
  ~ResultCopy() = default;
};

}  // namespace detail

template <class T>
class [[nodiscard]] Result
    : private detail::ResultStorage<T>,
      private detail::ResultCopy<std::is_copy_constructible_v<T>,
                                 std::is_copy_constructible_v<T> && std::is_copy_assignable_v<T>> {
  static_assert(!std::is_same_v<std::decay_t<T>, Error>, "Result<Error> is not meaningful");
  static_assert(std::is_object_v<T> && !std::is_array_v<T>, "Result holds an object type");
  using Storage = detail::ResultStorage<T>;

 public:
  using value_type = T;

  // By reference, not by value: a value taken by value is moved twice on its way in (for a send,
  // a SendResult with its vectors and strings; docs/performance.md).
  Result(T&& value) : Storage(std::move(value)) {}               // NOLINT(google-explicit-constructor)
  Result(const T& value) : Storage(value) {}                     // NOLINT(google-explicit-constructor)
  Result(Error&& error) noexcept : Storage(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  Result(const Error& error) : Storage(error) {}                 // NOLINT(google-explicit-constructor)

  bool ok() const noexcept { return this->ok_; }
  explicit operator bool() const noexcept { return ok(); }

  /// The value; throws whatsapp::Exception carrying the error when there is none.
  T& value() & {
    check();
    return this->value_;
  }
  const T& value() const& {
    check();
    return this->value_;
  }
  T&& value() && {
    check();
    return std::move(this->value_);
  }

  /// The value, or `fallback` when there is none.
  template <class U>
  T value_or(U&& fallback) const& {
    return ok() ? this->value_ : static_cast<T>(std::forward<U>(fallback));
  }

  /// The error. Only meaningful when !ok(); on a success it is a default Error.
  const Error& error() const& noexcept {
    static const Error kNoError;
    return ok() ? kNoError : this->error_;
  }
  /// The error, moved out; throws std::bad_variant_access on a success.
  Error&& error() && {
    if (ok()) throw std::bad_variant_access();
    return std::move(this->error_);
  }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  void check() const {
    if (!ok()) throw Exception(this->error_);
  }
};

/// A call that returns nothing but may fail.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  // NOLINTNEXTLINE(google-explicit-constructor)
  Result(Error&& error) noexcept : error_(std::move(error)), ok_(false) {}
  // NOLINTNEXTLINE(google-explicit-constructor)
  Result(const Error& error) : error_(error), ok_(false) {}

  bool ok() const noexcept { return ok_; }
  explicit operator bool() const noexcept { return ok_; }
  /// Throws whatsapp::Exception when the call failed.
  void value() const {
    if (!ok_) throw Exception(error_);
  }
  const Error& error() const noexcept { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace whatsapp
