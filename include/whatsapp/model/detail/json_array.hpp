#pragma once

/// @file model/detail/json_array.hpp
/// json_array(items): a JSON array of the items' to_json, built element by element. Assigning a
/// std::vector<Model> to a json instantiates about 60 of nlohmann's functions per element type (its
/// compatible-array machinery); this loop instantiates a handful, which keeps a file that includes
/// the SDK header-only faster to compile (docs/performance.md). The JSON is the same.

#include <vector>

#include <nlohmann/json.hpp>

namespace whatsapp::detail {

template <class T>
nlohmann::json json_array(const std::vector<T>& items) {
  nlohmann::json array(nlohmann::json::value_t::array);
  auto& elements = *array.get_ptr<nlohmann::json::array_t*>();
  elements.reserve(items.size());
  for (const T& item : items) to_json(elements.emplace_back(), item);
  return array;
}

}  // namespace whatsapp::detail
