#pragma once

// Collects every text the library produces (log lines, and every text of an error, including
// the exception value() throws) so that a test can search it for the api_token.

#include <exception>
#include <mutex>
#include <string>
#include <vector>

#include "whatsapp/error.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp_test {

struct TextCollector {
  std::mutex m;
  std::vector<std::string> all;

  void add(std::string s) {
    std::lock_guard<std::mutex> lock(m);
    all.push_back(std::move(s));
  }

  void add(const whatsapp::Error& e) {
    add(e.message());
    add(e.to_string());
    add(e.body_excerpt());
    add(e.field());
    if (const auto& g = e.graph()) {
      for (const std::string* text :
           {&g->type, &g->message, &g->fbtrace_id, &g->details, &g->error_user_title, &g->error_user_msg}) {
        add(*text);
      }
    }
    try {
      (void)whatsapp::Result<int>(e).value();
    } catch (const std::exception& ex) {
      add(ex.what());
    }
  }
};

}  // namespace whatsapp_test
