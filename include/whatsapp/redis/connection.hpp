#pragma once

/// @file connection.hpp
/// One connection to Redis (hiredis) shared by the stores of whatsapp::redis: thread-safe (one
/// mutex, one connection: each command is a round trip of tens of microseconds), a timeout on
/// the connect and on every command (never past the caller's deadline), and a reconnect on its
/// own after a failure, with a growing pause between attempts so that a dead Redis costs one
/// failed connect per pause, not one per send (docs/deployment.md).

#include <poll.h>
#include <sys/time.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if __has_include(<hiredis/hiredis.h>)
#include <hiredis/hiredis.h>
#else
#include <hiredis.h>
#endif

#include "whatsapp/error.hpp"
#include "whatsapp/redis/url.hpp"
#include "whatsapp/result.hpp"

namespace whatsapp::redis {

/// Settings of a RedisConnection.
struct RedisOptions {
  RedisServer server;
  /// The first part of every key (docs/deployment.md, "Keys"): lets several deployments share a
  /// Redis. No '{' or '}' in it (they would change the key's hash slot in a Redis Cluster).
  std::string key_prefix = "whatsapp";
  /// Time to open the TCP connection (and AUTH, SELECT). Name lookup is not bounded by it: use
  /// an IP address or a local resolver.
  std::chrono::milliseconds connect_timeout{250};
  /// Time for one command, answer included; a caller's earlier deadline shortens it.
  std::chrono::milliseconds command_timeout{250};
  /// After a failed connect, no new one is tried for this long; it doubles after each failure
  /// up to max_reconnect_pause, and a successful connect resets it. Meanwhile commands fail at
  /// once.
  std::chrono::milliseconds reconnect_pause{50};
  std::chrono::milliseconds max_reconnect_pause{2000};
  /// Called with one line when the connection is lost or back (not once per failed command).
  /// Empty: nothing is logged. Never gets the password.
  std::function<void(std::string_view line)> log;
};

/// A reply of hiredis, freed when it goes.
using RedisReply = std::unique_ptr<redisReply, void (*)(void*)>;

namespace detail {

/// The largest reply a command may get (the stores' replies are a few bytes): more is a failed
/// command, not memory that a server fills at will.
inline constexpr std::size_t kMaxReplyBytes = std::size_t{1} << 20;
/// The most elements of an array reply. hiredis 0.14 allocates the array the header announces
/// (`*2147483647`: 16 GB reserved, then 2^31 slots walked to free it).
inline constexpr int kMaxReplyElements = 1024;

/// hiredis's reply functions with arrays bounded by kMaxReplyElements (a larger one is refused
/// as hiredis refuses one it cannot allocate). `defaults` is hiredis's own table, the same for
/// every context; the first call keeps it.
inline redisReplyObjectFunctions* bounded_reply_functions(redisReplyObjectFunctions* defaults) {
  static redisReplyObjectFunctions* const original = defaults;
  static redisReplyObjectFunctions bounded = [] {
    redisReplyObjectFunctions f = *original;
    f.createArray = [](const redisReadTask* task, int elements) -> void* {
      return elements > kMaxReplyElements ? nullptr : original->createArray(task, elements);
    };
    return f;
  }();
  return &bounded;
}

}  // namespace detail

/// A Redis connection for the stores. All members are thread-safe.
class RedisConnection {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RedisConnection(RedisOptions options) : o_(std::move(options)) {}
  RedisConnection(const RedisConnection&) = delete;
  RedisConnection& operator=(const RedisConnection&) = delete;
  ~RedisConnection() {
    if (ctx_ != nullptr) redisFree(ctx_);
  }

  const RedisOptions& options() const noexcept { return o_; }

  /// Runs one command (its arguments binary-safe), connecting first if needed, answered before
  /// `deadline` and within RedisOptions::command_timeout.
  /// @return the reply (an error reply is a reply: check its type), or a kTransport error
  ///         (kTimeout when the deadline leaves no time) with Delivery::kNotSent and
  ///         is_transient() true, naming the server but never its password. After a failed
  ///         command the connection is closed and opened again by the next command.
  Result<RedisReply> command(std::initializer_list<std::string_view> args, Clock::time_point deadline) {
    return command(std::vector<std::string_view>(args), deadline);
  }

  Result<RedisReply> command(const std::vector<std::string_view>& args, Clock::time_point deadline) {
    std::lock_guard<std::mutex> lock(mu_);
    auto ready = ensure_connected(deadline);
    if (!ready) return std::move(ready).error();
    return answered(send(args, deadline));
  }

  /// EVALSHA of `script` (loaded once per server: SCRIPT LOAD, then EVAL when the server lost it,
  /// e.g. after a restart) with `keys` and `args`. Errors as command().
  Result<RedisReply> eval(const std::string& script, const std::vector<std::string_view>& keys,
                          const std::vector<std::string_view>& args, Clock::time_point deadline) {
    std::lock_guard<std::mutex> lock(mu_);
    auto ready = ensure_connected(deadline);
    if (!ready) return std::move(ready).error();
    std::string& sha = shas_[&script];
    if (sha.empty()) {
      auto loaded = send({"SCRIPT", "LOAD", script}, deadline);
      if (!loaded) return std::move(loaded).error();
      const redisReply& l = **loaded;
      if (l.type == REDIS_REPLY_STRING && is_sha1(std::string_view(l.str, l.len))) {
        sha.assign(l.str, l.len);
      } else if (l.type == REDIS_REPLY_ERROR) {
        sha = kEvalOnly;  // SCRIPT renamed or refused (ACL): EVAL sends the script each time
      } else {
        return reply_error(l, "SCRIPT LOAD");
      }
    }
    const std::string nkeys = std::to_string(keys.size());
    std::vector<std::string_view> argv{"EVALSHA", sha, nkeys};
    if (sha == kEvalOnly) {
      argv[0] = "EVAL";
      argv[1] = script;
    }
    argv.insert(argv.end(), keys.begin(), keys.end());
    argv.insert(argv.end(), args.begin(), args.end());
    auto r = answered(send(argv, deadline));
    if (!r || sha == kEvalOnly) return r;
    if ((*r)->type == REDIS_REPLY_ERROR &&
        std::string_view((*r)->str, (*r)->len).substr(0, 8) == "NOSCRIPT") {
      argv[0] = "EVAL";
      argv[1] = script;  // runs it and caches it again under the same SHA1
      return answered(send(argv, deadline));
    }
    return r;
  }

  /// An Error for an unexpected or error reply of `what` (kTransport, not sent, transient).
  Error reply_error(const redisReply& r, std::string_view what) const {
    std::string text = r.type == REDIS_REPLY_ERROR ? std::string(r.str, r.len) : "an unexpected reply type";
    return unavailable(std::string(what) + " answered " + text);
  }

  /// The error every failure is reported with: kTransport, not sent, transient, source kNone.
  Error unavailable(std::string why, ErrorKind kind = ErrorKind::kTransport) const {
    Error e(kind, "Redis " + o_.server.describe() + ": " + std::move(why));
    e.with_delivery(Delivery::kNotSent).with_source(ErrorSource::kNone).with_transient(true);
    return e;
  }

 private:
  static constexpr std::string_view kEvalOnly = "-";

  static bool is_sha1(std::string_view s) noexcept {
    if (s.size() != 40) return false;
    for (const char c : s) {
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
    }
    return true;
  }

  static timeval to_timeval(std::chrono::microseconds d) {
    timeval tv{};
    tv.tv_sec = static_cast<decltype(tv.tv_sec)>(d.count() / 1000000);
    tv.tv_usec = static_cast<decltype(tv.tv_usec)>(d.count() % 1000000);
    return tv;
  }

  // The time left for an operation limited to `limit`, or nothing when the deadline has passed.
  static std::chrono::microseconds budget(std::chrono::milliseconds limit, Clock::time_point deadline,
                                          Clock::time_point now) {
    std::chrono::microseconds b = limit;
    if (deadline != Clock::time_point::max()) {
      b = std::min(b, std::chrono::duration_cast<std::chrono::microseconds>(deadline - now));
    }
    return b;
  }

  Result<void> ensure_connected(Clock::time_point deadline) {
    if (ctx_ != nullptr) return {};
    const auto now = Clock::now();
    if (now < retry_at_) {
      return unavailable(
          "unreachable (" + last_error_ + "); next connect attempt in " +
          std::to_string(std::chrono::ceil<std::chrono::milliseconds>(retry_at_ - now).count()) + " ms");
    }
    const auto b = budget(o_.connect_timeout, deadline, now);
    if (b.count() <= 0)
      return unavailable("no time left before the deadline to connect", ErrorKind::kTimeout);
    redisContext* c = redisConnectWithTimeout(o_.server.host.c_str(), o_.server.port, to_timeval(b));
    std::string why;
    if (c == nullptr) {
      why = "cannot allocate a connection";
    } else if (c->err != 0) {
      why = std::string("connect failed: ") + c->errstr;
    }
    if (why.empty()) {
      ctx_ = c;
      redisEnableKeepAlive(ctx_);
      redisSetTimeout(ctx_, to_timeval(o_.command_timeout));  // a safety net: send() polls first
      ctx_->reader->fn = detail::bounded_reply_functions(ctx_->reader->fn);
      proven_ = false;
      why = setup(deadline);
    } else if (c != nullptr) {
      redisFree(c);
    }
    if (!why.empty()) {
      drop(why);  // a connection that failed before answering once pauses the next connect
      return unavailable(why);
    }
    return {};
  }

  // AUTH and SELECT on a new connection; the reason on failure.
  std::string setup(Clock::time_point deadline) {
    if (!o_.server.password.empty()) {
      auto r = o_.server.username.empty() ? send({"AUTH", o_.server.password}, deadline)
                                          : send({"AUTH", o_.server.username, o_.server.password}, deadline);
      if (!r) return "AUTH failed: " + r.error().message();
      if ((*r)->type == REDIS_REPLY_ERROR) return "AUTH refused: " + std::string((*r)->str, (*r)->len);
    }
    if (o_.server.db != 0) {
      const std::string db = std::to_string(o_.server.db);
      auto r = send({"SELECT", db}, deadline);
      if (!r) return "SELECT failed: " + r.error().message();
      if ((*r)->type == REDIS_REPLY_ERROR) return "SELECT refused: " + std::string((*r)->str, (*r)->len);
    }
    return {};
  }

  // One command: written, then read until its whole reply is there. The time limit bounds the
  // whole exchange, not each read (a server trickling a byte at a time cannot hold the call),
  // and the reply its size (detail::kMaxReplyBytes).
  Result<RedisReply> send(const std::vector<std::string_view>& args, Clock::time_point deadline) {
    if (ctx_ == nullptr) return unavailable("not connected");
    const auto start = Clock::now();
    const auto b = budget(o_.command_timeout, deadline, start);
    if (b.count() <= 0)
      return unavailable("no time left before the deadline for a command", ErrorKind::kTimeout);
    const Clock::time_point until = start + b;
    std::vector<const char*> argv;
    std::vector<size_t> lens;
    argv.reserve(args.size());
    lens.reserve(args.size());
    for (auto a : args) {
      argv.push_back(a.data());
      lens.push_back(a.size());
    }
    const auto fail = [&](std::string why, ErrorKind kind) {
      drop(why);
      return unavailable(std::move(why), kind);
    };
    const std::string late = "no answer within " + std::to_string(b.count() / 1000) + " ms";
    if (redisAppendCommandArgv(ctx_, static_cast<int>(argv.size()), argv.data(), lens.data()) != REDIS_OK)
      return fail("cannot build the command", ErrorKind::kTransport);
    for (int written = 0; written == 0;) {
      if (!wait_for(POLLOUT, until)) return fail(late, ErrorKind::kTimeout);
      if (redisBufferWrite(ctx_, &written) != REDIS_OK)
        return fail(std::string("connection failed: ") + ctx_->errstr, ErrorKind::kTransport);
    }
    void* reply = nullptr;
    for (;;) {
      if (redisGetReplyFromReader(ctx_, &reply) != REDIS_OK)
        return fail(std::string("unreadable reply: ") + ctx_->errstr, ErrorKind::kTransport);
      if (reply != nullptr) break;
      if (ctx_->reader->len > detail::kMaxReplyBytes)
        return fail("reply over " + std::to_string(detail::kMaxReplyBytes) + " bytes", ErrorKind::kTransport);
      if (!wait_for(POLLIN, until)) return fail(late, ErrorKind::kTimeout);
      if (redisBufferRead(ctx_) != REDIS_OK)
        return fail(std::string("connection failed: ") + ctx_->errstr, ErrorKind::kTransport);
    }
    return RedisReply(static_cast<redisReply*>(reply), freeReplyObject);
  }

  // `r`, noting a reply to a caller's command: the first on a new connection says Redis is back.
  Result<RedisReply> answered(Result<RedisReply> r) {
    if (r && !proven_) {
      proven_ = true;
      pause_ = {};
      if (lost_) log("connection to Redis " + o_.server.describe() + " is back");
      lost_ = false;
    }
    return r;
  }

  // Waits until the connection is ready for `events`; false when `until` passes first.
  bool wait_for(short events, Clock::time_point until) const {
    for (;;) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(until - Clock::now()).count();
      if (left <= 0) return false;
      pollfd p{ctx_->fd, events, 0};
      const int n = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 60'000)));
      if (n > 0) return true;  // ready, or an error the next read or write reports
      if (n < 0 && errno != EINTR) return true;
    }
  }

  // Closes the connection after a failure. One that never answered (refused, or lost at its
  // first command) also pauses the next connect, growing to max_reconnect_pause: a Redis that
  // accepts and then fails every command costs one connect per pause, not one per send.
  void drop(const std::string& why) {
    if (ctx_ != nullptr) redisFree(ctx_);
    ctx_ = nullptr;
    last_error_ = why;
    if (!proven_) {
      pause_ = pause_.count() == 0 ? o_.reconnect_pause : std::min(pause_ * 2, o_.max_reconnect_pause);
      retry_at_ = Clock::now() + pause_;
    }
    proven_ = false;
    if (!lost_) log("connection to Redis " + o_.server.describe() + " lost: " + why);
    lost_ = true;
  }

  void log(const std::string& line) const {
    if (!o_.log) return;
    try {
      o_.log(line);
    } catch (...) {
    }
  }

  const RedisOptions o_;
  std::mutex mu_;
  redisContext* ctx_ = nullptr;
  bool proven_ = false;  // the connection has answered a command
  Clock::time_point retry_at_{};
  std::chrono::milliseconds pause_{0};
  std::string last_error_;
  bool lost_ = false;
  // SHA1 of each script, by the script's address (the stores' scripts are static).
  struct ShaMap {
    std::vector<std::pair<const std::string*, std::string>> items;
    std::string& operator[](const std::string* k) {
      for (auto& [key, v] : items)
        if (key == k) return v;
      items.emplace_back(k, std::string());
      return items.back().second;
    }
  } shas_;
};

}  // namespace whatsapp::redis
