#pragma once

// What the examples that receive webhooks share: run a webhook::Server on 127.0.0.1 until
// SIGINT or SIGTERM (or until the program stops it), saying where it listens.

#include <signal.h>

#include <cstdio>
#include <iostream>

#include "whatsapp/webhook/server.hpp"

namespace example {

/// The server serve() runs, for the signal handler.
inline whatsapp::webhook::Server* g_serving = nullptr;

}  // namespace example

extern "C" inline void example_stop_on_signal(int) {
  if (example::g_serving != nullptr) example::g_serving->stop();  // stop() is async-signal-safe
}

namespace example {

/// Listens, prints "<name> listening on http://127.0.0.1:<port>", and serves until a signal or
/// server.stop(). Returns the exit code: 0, or 1 after printing why the server could not run.
inline int serve(whatsapp::webhook::Server& server, const char* name) {
  auto port = server.listen();
  if (!port) {
    std::cerr << name << ": " << port.error().message() << "\n";
    return 1;
  }
  g_serving = &server;
  struct sigaction sa {};
  sa.sa_handler = example_stop_on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);
  std::printf("%s listening on http://127.0.0.1:%d\n", name, static_cast<int>(*port));
  std::fflush(stdout);
  auto ran = server.run();
  g_serving = nullptr;
  if (!ran) {
    std::cerr << name << ": " << ran.error().message() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace example
