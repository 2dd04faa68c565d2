// How each fault kind answers (or fails to answer) a request.
#include <algorithm>
#include <memory>

#include "impl.hpp"
#include "sockets.hpp"
#include "util.hpp"

namespace whatsapp_emulator {
namespace {

const char* kHtml502 =
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n";

Reply throttle(int code) {
  switch (code) {
    case 131056:
      return graph_error(131056, "(Business Account, Consumer Account) pair rate limit hit",
                         "Message failed to send because there were too many messages sent from "
                         "this phone number to the same phone number in a short period of time.");
    case 4: return graph_error(4, "Application request limit reached", "Too many API calls from this app.");
    case 80007:
      return graph_error(80007, "Rate limit issues",
                         "The WhatsApp Business Account has reached its rate limit.");
    default: return graph_error(130429, "Rate limit hit", "Cloud API message throughput has been reached.");
  }
}

std::string retry_after_value(const Fault& f) {
  if (f.retry_after == "date") return util::http_date(util::now_epoch() + 2);
  return f.retry_after.empty() ? "1" : f.retry_after;
}

}  // namespace

void Emulator::Impl::reset_connection(const httplib::Request& req, httplib::Response& res) {
  int fd = sockets::find_connection(port, req.remote_addr, req.remote_port);
  res.status = 200;
  if (fd >= 0) {
    sockets::abort_connection(fd);
    res.set_content("", kJson);
    return;
  }
  // Fallback: headers, then abort before any body byte.
  res.set_content_provider(64, kJson, [](size_t, size_t, httplib::DataSink&) { return false; });
}

void Emulator::Impl::apply_fault(const Fault& f, const httplib::Request& req, httplib::Response& res,
                                 const Reply* processed, const std::string& processed_body, Envelope env) {
  std::string body = processed ? processed_body : envelope_success({{"success", true}}, env);
  int status = processed ? processed->status : 200;
  const std::string& k = f.kind;
  auto send_json = [&](int st, const std::string& b) {
    res.status = st;
    res.set_content(b, kJson);
  };
  if (k == "reset_before_answer" || k == "reset_after_processing") {
    reset_connection(req, res);
  } else if (k == "reset_mid_body") {
    res.status = status;
    auto shared = std::make_shared<std::string>(body);
    res.set_content_provider(shared->size(), kJson, [shared](size_t, size_t, httplib::DataSink& sink) {
      sink.write(shared->data(), shared->size() / 2);
      return false;
    });
  } else if (k == "delay") {
    if (!sleep_ms(f.ms >= 0 ? f.ms : 3000)) return reset_connection(req, res);
    if (processed && processed->raw) {
      res.status = status;
      res.set_content(body, processed->content_type.c_str());
    } else {
      send_json(status, body);
    }
  } else if (k == "trickle") {
    res.status = status;
    auto shared = std::make_shared<std::string>(body);
    std::size_t chunk = 4;
    std::size_t chunks = std::max<std::size_t>(1, (shared->size() + chunk - 1) / chunk);
    int each = std::max(1, (f.ms >= 0 ? f.ms : 2000) / static_cast<int>(chunks));
    std::string ct = processed && processed->raw ? processed->content_type : kJson;
    res.set_content_provider(shared->size(), ct.c_str(),
                             [this, shared, chunk, each](size_t off, size_t, httplib::DataSink& sink) {
                               if (!sleep_ms(each)) return false;
                               std::size_t n = std::min(chunk, shared->size() - off);
                               return sink.write(shared->data() + off, n);
                             });
  } else if (k == "status_429") {
    Reply r = graph_error(4, "Application request limit reached", "Too many API calls.", 429);
    res.set_header("Retry-After", retry_after_value(f));
    send_json(429, render(r, env));
  } else if (k == "status_500") {
    Reply r = graph_error(2, "Service temporarily unavailable", "", 500);
    r.body["error"]["is_transient"] = true;
    send_json(500, render(r, env));
  } else if (k == "status_502") {
    send_json(502, R"({"message":"Bad Gateway"})");
  } else if (k == "status_503") {
    if (!f.retry_after.empty()) res.set_header("Retry-After", retry_after_value(f));
    send_json(503, R"({"message":"Service Unavailable"})");
  } else if (k == "html_error") {
    res.status = 502;
    res.set_content(kHtml502, "text/html");
  } else if (k == "truncated_json") {
    send_json(status, body.substr(0, body.size() / 2));
  } else if (k == "empty_body") {
    send_json(200, "");
  } else if (k == "huge_body") {
    res.status = 200;
    constexpr std::size_t total = 50u * 1024u * 1024u;
    const std::string head = env == Envelope::kNone ? R"({"padding":")" : R"({"data":{"padding":")";
    const std::string tail = env == Envelope::kNone ? "\"}" : "\"}}";
    res.set_content_provider(total, kJson, [this, head, tail](size_t off, size_t, httplib::DataSink& sink) {
      if (stopping) return false;
      std::string buf;
      if (off == 0) buf = head;
      std::size_t room = total - off - tail.size();
      std::size_t n = std::min<std::size_t>(64 * 1024, off == 0 ? room - head.size() : room);
      buf.append(n, 'x');
      if (off + buf.size() + tail.size() == total) buf += tail;
      return sink.write(buf.data(), buf.size());
    });
  } else if (k == "wrong_content_type") {
    res.status = 200;
    res.set_content("OK: request accepted", "text/plain");
  } else if (k == "error_in_200") {
    json e = {{"error", graph_error_object(131000, "Something went wrong",
                                           "Message failed to send due to an unknown error.")}};
    send_json(200, envelope_success(e, env));
  } else if (k == "data_wrong_type") {
    send_json(200, envelope_success("oops", env));
  } else if (k == "graph_throttle") {
    Reply r = throttle(f.code);
    send_json(r.status, render(r, env));
  } else if (k == "selfhosted_429") {
    // The self-hosted server passes Meta's headers only inside the body, never as HTTP headers.
    Reply r = graph_error(4, "Application request limit reached", "Too many API calls.", 429);
    json b = {{"message", "Error received from the whatsapp API"},
              {"provider", "whatsapp"},
              {"error", r.body},
              {"headers",
               {{"content-type", "application/json; charset=UTF-8"}, {"retry-after", retry_after_value(f)}}}};
    send_json(429, b.dump());
  } else if (k == "upstream_down") {
    const std::string why = "connect ECONNREFUSED 127.0.0.1:9";
    send_json(500, json{{"message", why}, {"provider", "whatsapp"}, {"error", {{"message", why}}}}.dump());
  } else if (k == "lowcodeapi_refusal") {
    send_json(403, R"({"message":"Invalid api_token","error":{"code":403}})");
  } else if (k == "route_missing") {
    send_json(404, R"({"message":"Not Found"})");
  }
}

}  // namespace whatsapp_emulator
