// Compile-time baseline (docs/performance.md): only <nlohmann/json.hpp> and <curl/curl.h>,
// building a send body, performing one POST and reading the answer's message id.
#include <curl/curl.h>

#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

static std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

int main() {
  const nlohmann::json body = {{"messaging_product", "whatsapp"},
                               {"to", "15551234567"},
                               {"type", "text"},
                               {"text", {{"body", "hello"}}}};
  const std::string text = body.dump();
  std::string answer;
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "http://127.0.0.1:18080/whatsapp/v22.0/1/messages?api_token=t");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, text.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &answer);
  const CURLcode code = curl_easy_perform(h);
  curl_easy_cleanup(h);
  if (code != CURLE_OK) return 1;
  const auto j = nlohmann::json::parse(answer, nullptr, false);
  if (j.is_discarded()) return 1;
  std::cout << j["data"]["messages"][0]["id"].get<std::string>() << "\n";
  return 0;
}
