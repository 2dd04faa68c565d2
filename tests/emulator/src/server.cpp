// Request handling: control endpoints, media URLs, and the LowCodeAPI routes (Graph: graph.cpp).
#include <chrono>
#include <cstddef>
#include <exception>
#include <iostream>
#include <string>
#include <utility>

#include "impl.hpp"
#include "routing.hpp"
#include "util.hpp"

namespace whatsapp_emulator {
namespace {

std::string query_lookup(const void* ctx, const std::string& key, bool* present) {
  auto* req = static_cast<const httplib::Request*>(ctx);
  *present = req->has_param(key.c_str());
  return *present ? req->get_param_value(key.c_str()) : std::string();
}

std::string raw_path_of(const std::string& target) { return target.substr(0, target.find('?')); }

}  // namespace

void Emulator::Impl::install_handlers() {
  auto h = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
  const std::string all = R"([\s\S]*)";
  svr.Get(all, h);
  svr.Post(all, h);
  svr.Put(all, h);
  svr.Patch(all, h);
  svr.Delete(all, h);
  svr.Options(all, h);
  // A request with neither Content-Length nor Transfer-Encoding has an empty body (RFC 9112
  // section 6.3), e.g. `curl -X POST .../__emulator/reset`. cpp-httplib 0.11 answers such a POST,
  // PUT or PATCH 400 itself before any handler runs; handle it here, before the body is read.
  // Bodies up to 128 MiB (Meta's largest media, documents, is 100 MB); more gets 413 instead of
  // being held in memory.
  svr.set_payload_max_length(std::size_t{128} * 1024 * 1024);
  // A control field of the wrong type (nlohmann's type_error) is the client's mistake: 400 with
  // what was wrong. Anything else is 500, without cpp-httplib's EXCEPTION_WHAT header.
  svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    res.status = 500;
    try {
      std::rethrow_exception(std::move(ep));
    } catch (const nlohmann::json::exception& e) {
      res.status = 400;
      what = std::string("bad request: ") + e.what();
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    res.headers.clear();
    res.set_content(nlohmann::json{{"error", {{"message", what}}}}.dump(
                        -1, ' ', false, nlohmann::json::error_handler_t::replace),
                    kJson);
  });
  svr.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    const bool has_body = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
    if (!has_body || req.has_header("Content-Length") || req.has_header("Transfer-Encoding"))
      return httplib::Server::HandlerResponse::Unhandled;
    handle(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
}

void Emulator::Impl::handle(const httplib::Request& req, httplib::Response& res) {
  auto t0 = std::chrono::steady_clock::now();
  std::string path = raw_path_of(req.target);
  std::string format = "-";
  std::string fault;
  if (path.rfind("/__emulator/", 0) == 0) {
    handle_control(path, req, res);
  } else if (serve_media(path, res)) {
    std::lock_guard<std::mutex> lock(stats_mu);
    ++stats.requests;
  } else if (path.rfind("/whatsapp/", 0) == 0) {
    format = handle_api(req, res, &fault);
  } else {
    format = handle_graph(req, res, &fault);
  }
  auto us =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
  if (path != "/__emulator/health") log_line(req, res.status, format, fault, us);
}

bool Emulator::Impl::serve_media(const std::string& path, httplib::Response& res) {
  std::string id;
  for (const char* prefix : {"/__media/", "/whatsapp/__media/"}) {
    if (path.rfind(prefix, 0) == 0) id = path.substr(std::string(prefix).size());
  }
  if (id.empty()) return false;
  Call c;
  c.route = 6;
  c.candidates = {6};
  c.method = "GET";
  c.params["MEDIA_URL"] = "http://emulator/__media/" + id;
  Reply r = state.handle(c);
  if (r.raw) {
    res.status = 200;
    // The uploader chose the type: a browser must not render it (text/html would run as this
    // origin's page).
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Content-Security-Policy", "sandbox");
    res.set_content(r.raw_body, r.content_type.c_str());
  } else {
    res.status = 404;
    res.set_content(kNotFoundBody, kJson);
  }
  return true;
}

std::string Emulator::Impl::handle_api(const httplib::Request& req, httplib::Response& res,
                                       std::string* fault_out) {
  {
    std::lock_guard<std::mutex> lock(stats_mu);
    ++stats.requests;
  }
  RouteMatch m = match_route(req.method, raw_path_of(req.target), opts.formats, &query_lookup, &req);
  if (!m.found) {
    std::lock_guard<std::mutex> lock(stats_mu);
    ++stats.not_found;
    res.status = 404;
    res.set_content(kNotFoundBody, kJson);
    return "-";
  }
  std::string format = m.old_format ? "old" : "new";
  {
    std::lock_guard<std::mutex> lock(stats_mu);
    ++(m.old_format ? stats.old_format : stats.new_format);
  }
  std::string token = req.has_param("api_token") ? req.get_param_value("api_token") : "";
  if (token.empty() || (!opts.api_token.empty() && token != opts.api_token)) {
    res.status = 401;
    res.set_content(token_error_body(), kJson);
    return format;
  }
  if (!m.missing.empty()) {
    Reply r = graph_error(100, "Missing parameter " + m.missing,
                          "Old Format requires the query parameter " + m.missing);
    res.status = r.status;
    res.set_content(render(r, opts.envelope), kJson);
    return format;
  }

  run_call(req, res, m, opts.envelope, false, fault_out);
  return format;
}

void Emulator::Impl::run_call(const httplib::Request& req, httplib::Response& res, const RouteMatch& m,
                              Envelope env, bool graph, std::string* fault_out) {
  Call c;
  c.candidates = m.candidates;
  c.method = req.method;
  c.old_format = m.old_format;
  c.version = m.version;
  c.params = m.params;
  for (auto& kv : req.params) {
    // Graph's credentials are not parameters of the route (and stay out of paging links).
    if (graph && (kv.first == "access_token" || kv.first == "appsecret_proof")) continue;
    c.query.emplace(kv.first, kv.second);
  }
  c.body = req.body;
  c.content_type = req.get_header_value("Content-Type");
  c.multipart = req.is_multipart_form_data();
  for (auto& kv : req.files)
    c.parts.emplace(kv.first, Part{kv.second.filename, kv.second.content_type, kv.second.content});
  c.graph = graph;
  c.base_url = graph ? graph_url() : base_url();
  if (graph) c.graph_root = graph_url();

  int route_hint = m.candidates.size() == 1 ? m.candidates[0] : 0;
  std::optional<Fault> fault = faults.pick(route_hint);
  if (fault) {
    *fault_out = fault->kind;
    c.fault = fault->kind;
  }
  bool process = !fault || fault_processes(*fault);
  Reply r;
  if (process) {
    r = state.handle(c);
    if (!c.accepted.is_null()) {
      {
        std::lock_guard<std::mutex> lock(stats_mu);
        ++stats.sends_processed;
      }
      deliver_statuses(c.accepted);
    }
  }
  std::string body = process ? render(r, env) : std::string();
  if (fault) return apply_fault(*fault, req, res, process ? &r : nullptr, body, env);
  res.status = r.status;
  for (auto& kv : r.headers) res.set_header(kv.first.c_str(), kv.second);
  if (r.raw) res.set_header("X-Content-Type-Options", "nosniff");  // media bytes, typed by the uploader
  res.set_content(body, r.raw ? r.content_type.c_str() : kJson);
}

void Emulator::Impl::log_line(const httplib::Request& req, int status, const std::string& format,
                              const std::string& fault, long long micros) {
  if (!opts.log_requests) return;
  std::ostream& os = opts.log ? *opts.log : std::cerr;
  std::lock_guard<std::mutex> lock(log_mu);
  // Control bytes in the method or target (an ESC sequence for the terminal) are written as '?'.
  auto printable = [](std::string s) {
    for (char& c : s) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    }
    return s;
  };
  os << "[whatsapp-emulator] " << printable(req.method) << ' ' << printable(util::redact_token(req.target))
     << ' ' << status << ' ' << format << ' ' << micros << "us";
  if (!fault.empty()) os << " fault=" << fault;
  os << '\n';
  os.flush();
}

}  // namespace whatsapp_emulator
