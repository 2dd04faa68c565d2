#pragma once

/// @file model/page.hpp
/// Graph API cursor paging: one page (Page<T>) and a range that walks every page (Paged<T>).
///
///     for (auto& t : client.templates().list_all(waba_id)) {   // t is Result<Template>
///       if (!t) { std::cerr << t.error().to_string() << "\n"; break; }
///       std::cout << t->name << "\n";
///     }
///
/// The next page is asked for through the same LowCodeAPI route with `after=<cursor>`;
/// `paging.next` (a graph.facebook.com URL, past the proxy) is never followed.

#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "whatsapp/detail/json_read.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp {

/// One page of a list.
template <class T>
struct Page {
  std::vector<T> items;
  std::string before;     ///< paging.cursors.before; empty when absent.
  std::string after;      ///< paging.cursors.after; empty when absent.
  bool has_next = false;  ///< Meta says there is a next page (paging.next present, a cursor given).
  nlohmann::json raw;
};

namespace detail {

/// Reads `{"data":[...], "paging":{"cursors":{"before","after"},"next"}}` into a Page<T>.
template <class T>
Result<Page<T>> decode_page(const nlohmann::json& j, std::string_view what) {
  if (!j.is_object()) {
    return Error(ErrorKind::kParse, "cannot read " + std::string(what) + ": not a JSON object");
  }
  const auto* data = array_at(j, "data");
  if (data == nullptr) {
    return Error(ErrorKind::kParse, "cannot read " + std::string(what) + ": no \"data\" array");
  }
  Page<T> page;
  page.items.reserve(data->size());
  for (const auto& e : *data) {
    auto item = decode<T>(e, what);
    if (!item) return std::move(item).error();
    page.items.push_back(std::move(*item));
  }
  if (const auto* p = detail::object_at(j, "paging")) {
    if (const auto c = p->find("cursors"); c != p->end()) {
      page.before = string_at(*c, "before");
      page.after = string_at(*c, "after");
    }
    page.has_next = p->contains("next") && !page.after.empty();
  }
  page.raw = j;
  return page;
}

}  // namespace detail

/// Every item of a paged list, fetched page by page as the iteration reaches it. Each item is a
/// Result<T>: when a page cannot be fetched, the iteration yields that error once and ends.
/// Single pass (an input range); begin() fetches the first page.
template <class T>
class Paged {
  struct State;

 public:
  /// Fetches the page after `cursor` (empty: the first page).
  using Fetch = std::function<Result<Page<T>>(const std::string& cursor)>;

  explicit Paged(Fetch fetch) : state_(std::make_shared<State>(std::move(fetch))) {}

  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Result<T>;
    using difference_type = std::ptrdiff_t;
    using pointer = Result<T>*;
    using reference = Result<T>&;

    iterator() = default;
    reference operator*() const { return *state_->current; }
    pointer operator->() const { return &*state_->current; }
    iterator& operator++() {
      state_->advance();
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.done() == b.done(); }
    friend bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

   private:
    friend class Paged;
    explicit iterator(std::shared_ptr<State> s) : state_(std::move(s)) {}
    bool done() const noexcept { return !state_ || !state_->current; }
    std::shared_ptr<State> state_;
  };

  iterator begin() {
    if (!state_->started) {
      state_->started = true;
      state_->fetch_next();
    }
    return iterator(state_);
  }
  iterator end() { return iterator(); }

  /// Every item, or the first error.
  Result<std::vector<T>> collect() {
    std::vector<T> out;
    for (auto& item : *this) {
      if (!item) return item.error();
      out.push_back(std::move(*item));
    }
    return out;
  }

  /// How many pages were requested so far.
  std::size_t pages_fetched() const noexcept { return state_->pages; }

 private:
  struct State {  // NOLINT(bugprone-forward-declaration-namespace)
    explicit State(Fetch f) : fetch(std::move(f)) {}
    Fetch fetch;
    Page<T> page;
    std::size_t index = 0;
    std::size_t pages = 0;
    bool started = false;
    bool last = false;              ///< No page after the current one.
    std::set<std::string> cursors;  ///< Seen cursors: a repeated one ends the walk.
    std::optional<Result<T>> current;

    /// Loads pages until one has an item, and makes it current; clears current at the end.
    void fetch_next() {
      current.reset();
      std::string cursor = page.after;
      while (!last) {
        if (pages > 0 && (!page.has_next || cursor.empty() || !cursors.insert(cursor).second)) break;
        auto next = fetch(pages == 0 ? std::string() : cursor);
        ++pages;
        if (!next) {
          current.emplace(std::move(next).error());
          last = true;
          return;
        }
        page = std::move(*next);
        index = 0;
        cursor = page.after;
        if (!page.items.empty()) {
          current.emplace(std::move(page.items[0]));
          return;
        }
      }
      last = true;
    }

    void advance() {
      if (!current) return;
      if (!current->ok()) {  // the error was the last item
        current.reset();
        return;
      }
      if (++index < page.items.size()) {
        current.emplace(std::move(page.items[index]));
        return;
      }
      fetch_next();
    }
  };
  std::shared_ptr<State> state_;
};

}  // namespace whatsapp
