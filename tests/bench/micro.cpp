// Google Benchmark micro-benchmarks of the CPU work around one send and one webhook:
//   BuildSendRequest    validate(Message) + Message -> JSON body string
//   SendBody/kind:0..4  the body of a template message (an image header, three body
//                       parameters, a URL button), of an image message, of an interactive
//                       message with three reply buttons, of a contact card and of a text
//                       message (BuildSendRequest's) as a send writes it
//                       (detail::write_message_body); SendBodyGeneral/...: the same through
//                       nlohmann's tree, the path these types took before 2026-12-05
//   BuildUrl/New, /Old  the send route's URL in both formats, as a client builds it (the base URL,
//                       version and encoded token made once: detail::build_url_with)
//   ParseSendResponse   reading the nginx bench server's answer into a SendResult as a send does
//                       (protocol/detail/send_answer.hpp's scanner)
//   ParseSendResponseGeneral  the general path the scanner falls back to: unwrap_envelope (a
//                       JSON tree) + decode_send_result
//   BuildAndParseSend   the two together: the target is <= 2 us of CPU (docs/performance.md)
//   Webhook*            verify_signature + parse on fixture bodies (about 1 KB)
// Build in Release (-O2): whatsapp_micro_bench --benchmark_repetitions=5

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include <whatsapp/protocol/detail/send_body.hpp>
#include <whatsapp/webhook/parse.hpp>
#include <whatsapp/webhook/signature.hpp>
#include <whatsapp/whatsapp.hpp>

namespace {

const char* kText = "Hello from the benchmark harness! Your order #12345 has shipped.";
// What the nginx bench server answers to a send.
const char* kSendAnswer =
    R"({"data":{"messaging_product":"whatsapp","contacts":[{"input":"15551234567","wa_id":"15551234567"}],"messages":[{"id":"wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA"}]}})";

std::string read_data(const std::string& relative) {
  std::ifstream in(std::string(WHATSAPP_TEST_DATA_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void BuildSendRequest(benchmark::State& state) {
  const auto m = whatsapp::Message::text("15551234567", kText);
  for (auto _ : state) {
    auto ok = whatsapp::validate(m);
    benchmark::DoNotOptimize(ok);
    std::string body = whatsapp::detail::message_body(m);
    benchmark::DoNotOptimize(body);
  }
}
BENCHMARK(BuildSendRequest);

whatsapp::Message body_subject(int which) {
  using whatsapp::TemplateParameter;
  if (which == 4) return whatsapp::Message::text("15551234567", kText);
  if (which == 3) {
    whatsapp::Contact card;
    card.name.formatted_name = "Ana Souza";
    card.name.first_name = "Ana";
    card.phones.push_back({"+55 11 98765-4321", "CELL", "5511987654321"});
    card.emails.push_back({"ana@example.com", "WORK"});
    card.org = whatsapp::ContactOrg{"Loja Azul", std::nullopt, "Manager"};
    return whatsapp::Message::contacts("15551234567", {std::move(card)});
  }
  if (which == 2) {
    return whatsapp::Message::interactive_buttons("15551234567", "Is Thursday good for the delivery?",
                                                  {{"yes", "Yes"}, {"no", "No"}, {"later", "Later"}});
  }
  if (which == 1) {
    return whatsapp::Message::image("15551234567", whatsapp::Media::link("https://example.com/p/12345.jpg"),
                                    "Your order #12345");
  }
  auto t = whatsapp::TemplateMessage("order_shipped", "en_US")
               .with_header({TemplateParameter::image(whatsapp::Media::id("1037543291543636"))})
               .with_body({TemplateParameter::text("Ana"), TemplateParameter::text("#12345"),
                           TemplateParameter::text("Thursday")})
               .with_button(whatsapp::TemplateComponent::url_button(0, "track/12345"));
  return whatsapp::Message::template_message("15551234567", std::move(t));
}

void SendBody(benchmark::State& state) {
  const auto m = body_subject(static_cast<int>(state.range(0)));
  std::string body;
  for (auto _ : state) {
    whatsapp::detail::write_message_body(body, m);
    benchmark::DoNotOptimize(body);
  }
}
BENCHMARK(SendBody)->ArgName("kind")->Arg(0)->Arg(1)->Arg(2)->Arg(3)->Arg(4);

void SendBodyGeneral(benchmark::State& state) {
  const auto m = body_subject(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    std::string body = nlohmann::json(m).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    benchmark::DoNotOptimize(body);
  }
}
BENCHMARK(SendBodyGeneral)->ArgName("kind")->Arg(0)->Arg(1)->Arg(2)->Arg(3)->Arg(4);

void BuildUrl(benchmark::State& state) {
  const whatsapp::Endpoint ep{"http://127.0.0.1:18080/whatsapp", "v22.0", "at_0123456789abcdef"};
  const auto format = state.range(0) == 0 ? whatsapp::UrlFormat::kNew : whatsapp::UrlFormat::kOld;
  const whatsapp::Route& r = whatsapp::route(whatsapp::RouteId::kSendMessage);
  const whatsapp::QueryParams query;
  const std::string root = whatsapp::detail::url_root(ep);
  const std::string token = whatsapp::detail::encoded(ep.api_token);
  for (auto _ : state) {
    auto url = whatsapp::detail::build_url_with(root, token, r, {"123456789012345"}, query, format);
    benchmark::DoNotOptimize(url);
  }
  state.SetLabel(format == whatsapp::UrlFormat::kNew ? "new" : "old");
}
BENCHMARK(BuildUrl)->Arg(0)->Arg(1);

whatsapp::HttpResponse send_answer() {
  whatsapp::HttpResponse resp;
  resp.status = 200;
  resp.headers.emplace_back("Content-Type", "application/json");
  resp.body = kSendAnswer;
  return resp;
}

// What a send's call does with its successful answer (which may take its body).
whatsapp::Result<whatsapp::SendResult> read_send(whatsapp::HttpResponse& resp) {
  if (auto fast = whatsapp::detail::take_send_answer(resp)) return std::move(*fast);
  auto payload = whatsapp::unwrap_envelope(resp);
  if (!payload) return std::move(payload).error();
  return whatsapp::detail::decode_send_result(*payload);
}

void ParseSendResponse(benchmark::State& state) {
  const auto answer = send_answer();
  auto resp = answer;
  for (auto _ : state) {
    resp.body = answer.body;  // the transport's new body, which the result may take
    auto sent = read_send(resp);
    if (!sent) state.SkipWithError("the answer was not read");
    benchmark::DoNotOptimize(sent);
  }
}
BENCHMARK(ParseSendResponse);

void ParseSendResponseGeneral(benchmark::State& state) {
  const auto resp = send_answer();
  for (auto _ : state) {
    auto payload = whatsapp::unwrap_envelope(resp);
    auto sent = whatsapp::detail::decode_send_result(*payload);
    benchmark::DoNotOptimize(sent);
  }
}
BENCHMARK(ParseSendResponseGeneral);

void BuildAndParseSend(benchmark::State& state) {
  const auto m = whatsapp::Message::text("15551234567", kText);
  const auto answer = send_answer();
  auto resp = answer;
  for (auto _ : state) {
    auto ok = whatsapp::validate(m);
    benchmark::DoNotOptimize(ok);
    std::string body = whatsapp::detail::message_body(m);
    benchmark::DoNotOptimize(body);
    resp.body = answer.body;
    auto sent = read_send(resp);
    benchmark::DoNotOptimize(sent);
  }
}
BENCHMARK(BuildAndParseSend);

void Webhook(benchmark::State& state, const char* fixture) {
  const std::string body = read_data(std::string("webhook/") + fixture);
  const std::string secret = "app_secret_0123456789";
  const std::string header = whatsapp::webhook::sign(body, secret);
  for (auto _ : state) {
    auto check = whatsapp::webhook::verify_signature(body, header, secret);
    benchmark::DoNotOptimize(check);
    auto parsed = whatsapp::webhook::parse(body);
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK_CAPTURE(Webhook, text_message, "webhook_text.json");
BENCHMARK_CAPTURE(Webhook, status_sent, "webhook_status_sent.json");

}  // namespace

BENCHMARK_MAIN();
