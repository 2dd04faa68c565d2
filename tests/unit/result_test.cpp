// Result<T> holds a T or an Error in one union (result.hpp): every copy, move and assignment
// between the two states constructs and destroys exactly what it should, and Result is copyable,
// movable and noexcept exactly as std::variant<T, Error> was.

#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"

namespace result_test {

using whatsapp::Error;
using whatsapp::ErrorKind;
using whatsapp::Result;

// Counts the live objects, so that a missed or doubled destruction shows.
struct Tracked {
  static inline int live = 0;
  std::string text;
  explicit Tracked(std::string t) : text(std::move(t)) { ++live; }
  Tracked(const Tracked& o) : text(o.text) { ++live; }
  Tracked(Tracked&& o) noexcept : text(std::move(o.text)) { ++live; }
  Tracked& operator=(const Tracked&) = default;
  Tracked& operator=(Tracked&&) noexcept = default;
  ~Tracked() { --live; }
};

// A move that throws (on request), to check what an assignment leaves behind when it fails.
struct ThrowingMove {
  static inline bool fail = false;
  int n = 0;
  explicit ThrowingMove(int v) : n(v) {}
  ThrowingMove(const ThrowingMove&) = default;
  ThrowingMove(ThrowingMove&& o) : n(o.n) {  // NOLINT(performance-noexcept-move-constructor)
    if (fail) throw std::runtime_error("move failed");
  }
  ThrowingMove& operator=(const ThrowingMove&) = default;
  ThrowingMove& operator=(ThrowingMove&&) = default;  // NOLINT(performance-noexcept-move-constructor)
  ~ThrowingMove() = default;
};

Error failure(const char* what) { return Error(ErrorKind::kCancelled, what); }

TEST(Result, CopyableMovableAndNoexceptAsTheVariantWas) {
  static_assert(std::is_copy_constructible_v<Result<std::string>>);
  static_assert(std::is_copy_assignable_v<Result<std::string>>);
  static_assert(std::is_nothrow_move_constructible_v<Result<std::string>>);
  static_assert(std::is_nothrow_move_assignable_v<Result<std::string>>);
  // A move-only value makes a move-only Result, as std::variant<T, Error> did.
  static_assert(!std::is_copy_constructible_v<Result<std::unique_ptr<int>>>);
  static_assert(!std::is_copy_assignable_v<Result<std::unique_ptr<int>>>);
  static_assert(std::is_move_constructible_v<Result<std::unique_ptr<int>>>);
  static_assert(std::is_move_assignable_v<Result<std::unique_ptr<int>>>);
  // A move that may throw is not advertised as noexcept (std::vector then copies on growth).
  static_assert(!std::is_nothrow_move_constructible_v<Result<ThrowingMove>>);
  static_assert(!std::is_nothrow_move_assignable_v<Result<ThrowingMove>>);

  Result<std::unique_ptr<int>> owned(std::make_unique<int>(7));
  Result<std::unique_ptr<int>> moved(std::move(owned));
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(**moved, 7);
}

TEST(Result, EveryTransitionConstructsAndDestroysWhatItShould) {
  Tracked::live = 0;
  {
    Result<Tracked> value(Tracked("a"));
    Result<Tracked> error(failure("e"));
    EXPECT_EQ(Tracked::live, 1);

    Result<Tracked> copy(value);  // value copied
    EXPECT_EQ(Tracked::live, 2);
    EXPECT_EQ(copy->text, "a");

    copy = error;  // value -> error
    EXPECT_FALSE(copy.ok());
    EXPECT_EQ(copy.error().message(), "e");
    EXPECT_EQ(Tracked::live, 1);

    copy = value;  // error -> value
    ASSERT_TRUE(copy.ok());
    EXPECT_EQ(copy->text, "a");
    EXPECT_EQ(Tracked::live, 2);

    copy = Result<Tracked>(Tracked("b"));  // value -> value, moved
    EXPECT_EQ(copy->text, "b");
    EXPECT_EQ(Tracked::live, 2);

    copy = Result<Tracked>(failure("f"));  // value -> error, moved
    EXPECT_EQ(copy.error().message(), "f");
    EXPECT_EQ(Tracked::live, 1);

    copy = Result<Tracked>(failure("g"));  // error -> error, moved
    EXPECT_EQ(copy.error().message(), "g");

    copy = std::move(value);  // error -> value, moved
    EXPECT_EQ(copy->text, "a");
    EXPECT_EQ(Tracked::live, 2);

    auto& self = copy;
    copy = self;  // self-assignment keeps the value
    EXPECT_EQ(copy->text, "a");

    std::vector<Result<Tracked>> many;  // grown without reserve(): each growth moves the elements
    for (int i = 0; i < 20; ++i)
      many.emplace_back(Tracked(std::to_string(i)));  // NOLINT(performance-inefficient-vector-operation)
    EXPECT_EQ(Tracked::live, 22);
    EXPECT_EQ(many[19]->text, "19");
  }
  EXPECT_EQ(Tracked::live, 0);
}

// Counts the moves and copies a value takes on its way into a Result.
struct Counted {
  static inline int moves = 0;
  static inline int copies = 0;
  Counted() = default;
  Counted(const Counted&) { ++copies; }
  Counted(Counted&&) noexcept { ++moves; }
  Counted& operator=(const Counted&) = default;
  Counted& operator=(Counted&&) noexcept = default;
  ~Counted() = default;
};

Result<Counted> returned_local() {
  Counted local;
  return local;  // moved, not copied (C++17's implicit move needs a T&& constructor)
}

TEST(Result, AValueIsMovedInOnceAndAnLvalueCopiedOnce) {
  Counted::moves = Counted::copies = 0;
  Counted value;
  Result<Counted> moved(std::move(value));
  EXPECT_EQ(Counted::moves, 1);  // by value, it was moved twice: into the parameter, then the union
  EXPECT_EQ(Counted::copies, 0);

  const Counted kept;
  Counted::moves = Counted::copies = 0;
  Result<Counted> copied(kept);
  EXPECT_EQ(Counted::copies, 1);
  EXPECT_EQ(Counted::moves, 0);

  Counted::moves = Counted::copies = 0;
  Result<Counted> from_function = returned_local();
  EXPECT_EQ(Counted::copies, 0);
  EXPECT_EQ(Counted::moves, 1);
  EXPECT_TRUE(moved.ok() && copied.ok() && from_function.ok());
}

TEST(Result, AFailedAssignmentLeavesAnErrorNotDestroyedStorage) {
  Result<ThrowingMove> target(failure("before"));
  Result<ThrowingMove> source(ThrowingMove(5));
  ThrowingMove::fail = true;
  EXPECT_THROW(target = std::move(source), std::runtime_error);
  ThrowingMove::fail = false;
  EXPECT_FALSE(target.ok());  // a default Error: safe to read, copy and destroy
  EXPECT_EQ(target.error().message(), "");
  Result<ThrowingMove> copy = target;
  EXPECT_FALSE(copy.ok());
}

TEST(Result, ErrorAccessors) {
  Result<int> good(3);
  EXPECT_EQ(good.error().kind(), Error().kind());  // a default Error on a success
  EXPECT_THROW((void)std::move(good).error(), std::bad_variant_access);
  Result<int> bad(failure("stop"));
  EXPECT_THROW((void)bad.value(), whatsapp::Exception);
  Error taken = std::move(bad).error();
  EXPECT_EQ(taken.message(), "stop");
  const Result<std::string> text(std::string("kept"));
  EXPECT_EQ(text.value_or("other"), "kept");
  EXPECT_EQ(*text, "kept");
  EXPECT_EQ(text->size(), 4u);
}

}  // namespace result_test
