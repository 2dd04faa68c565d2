// Shared helpers for the emulator's sanity tests.
#pragma once

#include <httplib.h>

#include <memory>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "whatsapp_emulator/emulator.hpp"

namespace wet {

using nlohmann::json;
namespace we = whatsapp_emulator;

struct Running {
  explicit Running(we::Options o = {}) {
    o.log = &log;
    emu = std::make_unique<we::Emulator>(o);
    port = emu->start();
    cli = std::make_unique<httplib::Client>("127.0.0.1", port);
    cli->set_read_timeout(10, 0);
  }
  std::string v(const std::string& rest, const std::string& query = "") const {
    return "/whatsapp/v22.0/" + rest + "?api_token=tok" + (query.empty() ? "" : "&" + query);
  }
  httplib::Result post_json(const std::string& path, const json& body) {
    return cli->Post(path.c_str(), body.dump(), "application/json");
  }
  std::ostringstream log;
  std::unique_ptr<we::Emulator> emu;
  int port = 0;
  std::unique_ptr<httplib::Client> cli;
};

inline json body_of(const httplib::Result& r) { return r ? json::parse(r->body, nullptr, false) : json(); }

inline json text_send(const std::string& to = "+1 650-555-1234") {
  return {{"messaging_product", "whatsapp"}, {"to", to}, {"type", "text"}, {"text", {{"body", "hi"}}}};
}

}  // namespace wet
