// whatsapp-emulator: LowCodeAPI + WhatsApp Cloud API (Graph) emulator as a standalone server.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

#include "whatsapp_emulator/emulator.hpp"

namespace {

void usage() {
  std::cerr << "usage: whatsapp-emulator [options]\n"
               "  --host H              bind address (default 127.0.0.1)\n"
               "  --port N              port, 0 picks a free one (default 0)\n"
               "  --formats F           new | old | both (default both)\n"
               "  --envelope E          data (hosted) | result (self-hosted) (default data)\n"
               "  --token T             accept only this api_token (default: any non-empty)\n"
               "  --quiet               no request log\n"
               "  --webhook-url U       deliver signed webhooks to U\n"
               "  --app-secret S        HMAC key for X-Hub-Signature-256 and appsecret_proof\n"
               "  --access-token T      Graph paths: accept only this Bearer token (default: any non-empty)\n"
               "  --require-appsecret-proof  Graph paths: refuse calls without appsecret_proof (needs "
               "--app-secret)\n"
               "  --waba-id ID          WhatsApp Business Account id (default 102290129340398)\n"
               "  --app-id ID           app id (default 1234567890)\n"
               "  --fault K             fault kind for every request (repeatable: round-robin)\n"
               "  --fault-route R       send | any: requests the --fault kinds apply to (default any)\n"
               "  --fault-ms MS         duration for delay / trickle\n"
               "  --fault-code C        graph_throttle code: 130429, 131056, 4, 80007\n"
               "  --fault-retry-after R status_429/503 Retry-After: seconds or 'date'\n"
               "  --fault-rate P        with --fault: each request faulted with probability P\n"
               "  --fault-seed S        seed for --fault-rate (default 1)\n";
}

}  // namespace

int main(int argc, char** argv) {
  whatsapp_emulator::Options o;
  std::vector<std::string> kinds;
  std::string fault_route = "any";
  int fault_ms = -1, fault_code = 0;
  std::string fault_retry_after;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "missing value for " << a << "\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--host")
      o.host = next();
    else if (a == "--port")
      o.port = std::atoi(next().c_str());
    else if (a == "--formats") {
      std::string f = next();
      if (f == "new")
        o.formats = whatsapp_emulator::Formats::kNew;
      else if (f == "old")
        o.formats = whatsapp_emulator::Formats::kOld;
      else if (f == "both")
        o.formats = whatsapp_emulator::Formats::kBoth;
      else {
        usage();
        return 2;
      }
    } else if (a == "--envelope") {
      std::string e = next();
      if (e == "data")
        o.envelope = whatsapp_emulator::Envelope::kData;
      else if (e == "result")
        o.envelope = whatsapp_emulator::Envelope::kResult;
      else {
        usage();
        return 2;
      }
    } else if (a == "--token")
      o.api_token = next();
    else if (a == "--quiet")
      o.log_requests = false;
    else if (a == "--webhook-url")
      o.webhook_url = next();
    else if (a == "--app-secret")
      o.app_secret = next();
    else if (a == "--access-token")
      o.access_token = next();
    else if (a == "--require-appsecret-proof")
      o.require_appsecret_proof = true;
    else if (a == "--waba-id")
      o.waba_id = next();
    else if (a == "--app-id")
      o.app_id = next();
    else if (a == "--fault")
      kinds.push_back(next());
    else if (a == "--fault-route")
      fault_route = next();
    else if (a == "--fault-ms")
      fault_ms = std::atoi(next().c_str());
    else if (a == "--fault-code")
      fault_code = std::atoi(next().c_str());
    else if (a == "--fault-retry-after")
      fault_retry_after = next();
    else if (a == "--fault-rate")
      o.faults.rate = std::atof(next().c_str());
    else if (a == "--fault-seed")
      o.faults.seed = std::strtoull(next().c_str(), nullptr, 10);
    else if (a == "--help" || a == "-h") {
      usage();
      return 0;
    } else {
      std::cerr << "unknown option " << a << "\n";
      usage();
      return 2;
    }
  }
  if (o.require_appsecret_proof && o.app_secret.empty()) {
    std::cerr << "--require-appsecret-proof needs --app-secret\n";
    return 2;
  }
  if (fault_route != "any" && fault_route != "send") {
    usage();
    return 2;
  }
  for (auto& k : kinds) {
    whatsapp_emulator::Fault f;
    f.kind = k;
    f.route = fault_route;
    f.ms = fault_ms;
    f.code = fault_code;
    f.retry_after = fault_retry_after;
    o.faults.always.push_back(f);
  }
  for (auto& f : o.faults.always) {
    if (!whatsapp_emulator::is_fault_kind(f.kind)) {
      std::cerr << "unknown fault kind " << f.kind << "\n";
      return 2;
    }
  }

  // Block the stop signals in every thread; the main thread waits for them.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  whatsapp_emulator::Emulator emu(o);
  int port = 0;
  try {
    port = emu.start();
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  std::string host = o.host == "0.0.0.0" || o.host.empty() ? "127.0.0.1" : o.host;
  std::cout << "whatsapp-emulator listening on http://" << host << ":" << port << std::endl;
  int sig = 0;
  sigwait(&set, &sig);
  emu.stop();
  return 0;
}
