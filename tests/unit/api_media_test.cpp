// media(): upload (multipart from memory and from a file), retrieve URL, delete, download
// (streamed, sha256-checked, progress), in both URL formats.
//
// Fixtures: media_upload_request_fields, media_upload_response, media_url_response,
// media_url_response_non_numeric_size (the delete answer is written inline).

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "api_test_support.hpp"
#include "whatsapp/detail/sha256.hpp"

namespace api_media_test {

using whatsapp::ErrorKind;
using whatsapp::HttpMethod;
using whatsapp::MediaInfo;
using whatsapp::MediaUpload;
using whatsapp::transport::FakeTransport;
using whatsapp_test::api_options;
using whatsapp_test::FakeClient;
using whatsapp_test::in_both_formats;
using whatsapp_test::in_data_envelope;
using whatsapp_test::kBase;
using whatsapp_test::read_json;
using json = nlohmann::json;

const whatsapp::MultipartPart* part(const whatsapp::HttpRequest& r, const std::string& name) {
  for (const auto& p : r.multipart) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::string sha256_hex(const std::string& s) {
  whatsapp::detail::Sha256 h;
  h.update(s.data(), s.size());
  return whatsapp::detail::to_hex(h.finish());
}

TEST(Media, UploadFromMemoryBuildsTheMultipartParts) {
  const auto answer = read_json("fixtures/media_upload_response.json");
  std::string id;
  auto reqs = in_both_formats(answer, [&](const FakeClient& c) {
    auto r = c.media().upload("106540352242922", MediaUpload::from_memory("\xFF\xD8\xFF jpeg", "file.jpg"));
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    id = r->id;
  });
  EXPECT_EQ(id, "781204456390230");
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kPost);
  EXPECT_EQ(reqs.new_format.url, kBase + "/106540352242922/media?api_token=tok");
  EXPECT_EQ(reqs.old_format.url, kBase + "/media_id/media?MEDIA_ID=106540352242922&api_token=tok");
  const auto& req = reqs.new_format;
  EXPECT_TRUE(req.body.empty());
  ASSERT_EQ(req.multipart.size(), 3u);
  const auto* file = part(req, "file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->data, "\xFF\xD8\xFF jpeg");
  EXPECT_EQ(file->filename, "file.jpg");
  EXPECT_EQ(file->content_type,
            "image/jpeg");  // from the extension, as in Meta's "@file.jpg;type=image/jpeg"
  EXPECT_EQ(part(req, "type")->data, "image/jpeg");
  // Meta's example fields: file and messaging_product.
  const auto fields = read_json("fixtures/media_upload_request_fields.json");
  EXPECT_EQ(part(req, "messaging_product")->data, fields["messaging_product"]);
  EXPECT_NE(fields["file"].get<std::string>().find("type=" + file->content_type), std::string::npos);
}

TEST(Media, UploadFromFileStreamsThePath) {
  const std::string path = ::testing::TempDir() + "/wa_upload_test.PDF";
  { std::ofstream(path, std::ios::binary) << "%PDF-1.4 tiny"; }
  FakeTransport t;
  t.push(200, in_data_envelope(read_json("fixtures/media_upload_response.json")));
  FakeClient client(api_options(), t);
  std::vector<whatsapp::TransferProgress> seen;
  auto up = MediaUpload::from_file(path);
  up.progress = [&](const whatsapp::TransferProgress& p) {
    seen.push_back(p);
    return true;
  };
  ASSERT_TRUE(client.media().upload("1", up).ok());
  const auto req = t.last_request();
  const auto* file = part(req, "file");
  EXPECT_EQ(file->file_path, path);
  EXPECT_TRUE(file->data.empty());
  EXPECT_EQ(file->filename, "wa_upload_test.PDF");
  EXPECT_EQ(file->content_type, "application/pdf");
  EXPECT_FALSE(seen.empty());
  std::remove(path.c_str());
}

TEST(Media, UploadChecksTypeAndSizeBeforeSending) {
  FakeTransport t;
  FakeClient client(api_options(), t);
  auto m = client.media();
  EXPECT_EQ(m.upload("1", MediaUpload::from_memory("x", "a.exe")).error().field(), "mime_type");
  EXPECT_EQ(m.upload("1", MediaUpload::from_memory("x", "a.bin", "application/zip")).error().field(),
            "mime_type");
  EXPECT_EQ(m.upload("1", MediaUpload::from_memory("", "a.png")).error().field(), "file");
  auto big = m.upload("1", MediaUpload::from_memory(std::string(5 * 1024 * 1024 + 1, 'x'), "a.png"));
  EXPECT_EQ(big.error().field(), "file");
  EXPECT_EQ(big.error().message(), "file: has 5242881 bytes; WhatsApp accepts at most 5242880 for a image");
  EXPECT_EQ(
      m.upload("1", MediaUpload::from_memory(std::string(100 * 1024 + 1, 'x'), "s.webp")).error().message(),
      "file: has 102401 bytes; WhatsApp accepts at most 102400 for a static sticker");
  EXPECT_EQ(m.upload("1", MediaUpload::from_file("/nonexistent/x.png")).error().field(), "file_path");
  EXPECT_EQ(t.request_count(), 0u);

  // An animated WebP (VP8X with the animation flag) may have up to 500 KB.
  std::string webp = std::string("RIFF\0\0\0\0WEBPVP8X", 16) + std::string(4, '\0') + std::string(1, '\x02');
  webp.resize(200 * 1024, 'x');
  t.push(200, in_data_envelope({{"id", "9"}}));
  EXPECT_TRUE(m.upload("1", MediaUpload::from_memory(webp, "a.webp")).ok());
  EXPECT_EQ(whatsapp::mime_type_for_path("clip.3GP"), "video/3gpp");
  EXPECT_EQ(whatsapp::media_kind_of("audio/ogg; codecs=opus"), whatsapp::MediaKind::kAudio);
}

TEST(Media, RetrieveUrlBothFormatsAndStringFileSize) {
  const auto answer = read_json("fixtures/media_url_response.json");
  MediaInfo info;
  auto reqs = in_both_formats(answer, [&](const FakeClient& c) {
    auto r = c.media().retrieve("781204456390231", "106540352242922");
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    info = *r;
  });
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kGet);
  EXPECT_EQ(reqs.new_format.url, kBase + "/781204456390231?api_token=tok&phone_number_id=106540352242922");
  EXPECT_EQ(reqs.old_format.url,
            kBase + "/media_id?MEDIA_ID=781204456390231&api_token=tok&phone_number_id=106540352242922");
  EXPECT_EQ(info.id, "781204456390231");
  EXPECT_EQ(
      info.url,
      "https://lookaside.example.com/whatsapp_business/attachments/?mid=781204456390231&ext=1778227200");
  EXPECT_EQ(info.mime_type, "image/jpeg");
  EXPECT_EQ(info.sha256, "3f1c9a7e52b04d6f8e21c7a9b0d4e6f5a8c3b2d1e0f9a8b7c6d5e4f3a2b1c0d9");
  EXPECT_EQ(info.file_size, 48211u);
  EXPECT_EQ(info.messaging_product, "whatsapp");

  FakeTransport t;
  t.push(200, in_data_envelope(read_json("fixtures/media_url_response_non_numeric_size.json")));
  t.push(200, in_data_envelope({{"url", "u"}, {"file_size", 12}}));
  FakeClient client(api_options(), t);
  auto js = client.media().retrieve("781204456390232");
  ASSERT_TRUE(js.ok());
  EXPECT_EQ(t.last_request().url, kBase + "/781204456390232?api_token=tok");
  EXPECT_EQ(js->url, "https://lookaside.example.com/whatsapp_business/attachments/?mid=781204456390232");
  EXPECT_FALSE(js->file_size.has_value());  // "unknown" is no number
  EXPECT_EQ(client.media().retrieve("2")->file_size, 12u);
}

TEST(Media, DeleteBothFormats) {
  const auto answer = nlohmann::json{{"success", true}};
  auto reqs = in_both_formats(
      answer, [&](const FakeClient& c) { ASSERT_TRUE(c.media().remove("781204456390231", "1065").ok()); });
  EXPECT_EQ(reqs.new_format.method, HttpMethod::kDelete);
  EXPECT_EQ(reqs.new_format.url, kBase + "/781204456390231?api_token=tok&phone_number_id=1065");
  EXPECT_EQ(reqs.old_format.url,
            kBase + "/media_id?MEDIA_ID=781204456390231&api_token=tok&phone_number_id=1065");
  auto without =
      in_both_formats(answer, [&](const FakeClient& c) { ASSERT_TRUE(c.media().remove("77").ok()); });
  EXPECT_EQ(without.new_format.url, kBase + "/77?api_token=tok");
}

MediaInfo info_for(const std::string& bytes) {
  MediaInfo info;
  info.url = "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=2&hash=a/b";
  info.sha256 = sha256_hex(bytes);
  info.file_size = bytes.size();
  return info;
}

whatsapp::HttpResponse raw_answer(int status, std::string body) {
  whatsapp::HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

TEST(Media, DownloadStreamsInChunksAndVerifiesTheHash) {
  const std::string bytes = std::string("0123456789abcdefghij-binary\x00\xFF", 29) + std::string(1000, 'z');
  for (const auto policy : {whatsapp::FormatPolicy::kNewOnly, whatsapp::FormatPolicy::kOldOnly}) {
    FakeTransport t;
    t.set_chunk_size(7);
    t.push(raw_answer(200, bytes));
    FakeClient client(api_options(policy), t);
    std::vector<std::size_t> chunks;
    std::string got;
    std::uint64_t last_progress = 0;
    whatsapp::DownloadOptions opts;
    opts.progress = [&](const whatsapp::TransferProgress& p) {
      last_progress = p.downloaded;
      return true;
    };
    auto info = info_for(bytes);
    auto r = client.media().download(
        info,
        [&](std::string_view c) {
          chunks.push_back(c.size());
          got.append(c);
          return true;
        },
        opts);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(got, bytes);
    EXPECT_EQ(chunks.size(), (bytes.size() + 6) / 7);
    EXPECT_EQ(chunks.front(), 7u);
    EXPECT_EQ(r->bytes, bytes.size());
    EXPECT_TRUE(r->verified);
    EXPECT_EQ(r->sha256_hex, info.sha256);
    EXPECT_EQ(last_progress, bytes.size());
    const auto req = t.last_request();
    EXPECT_EQ(req.method, HttpMethod::kGet);
    if (policy == whatsapp::FormatPolicy::kNewOnly) {
      EXPECT_EQ(req.url, kBase +
                             "/https%3A%2F%2Flookaside.fbsbx.com%2Fwhatsapp_business%2Fattachments%2F%3Fmid%"
                             "3D1%26ext%3D2%26hash%3Da%2Fb?api_token=tok");
    } else {
      EXPECT_EQ(req.url, kBase +
                             "/media_url?MEDIA_URL=https%3A%2F%2Flookaside.fbsbx.com%2Fwhatsapp_business%"
                             "2Fattachments%2F%3Fmid%3D1%26ext%3D2%26hash%3Da%2Fb&api_token=tok");
    }
  }
}

TEST(Media, DownloadHashMismatchIsAClearError) {
  FakeTransport t;
  t.push(raw_answer(200, "tampered"));
  FakeClient client(api_options(), t);
  auto info = info_for("original");
  info.file_size.reset();
  auto r = client.media().download(info, [](std::string_view) { return true; });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kTransport);
  EXPECT_EQ(r.error().message(), "downloaded media does not match its sha256 (expected " + info.sha256 +
                                     ", got " + sha256_hex("tampered") + ")");
  // A base64 hash is understood as well; an unreadable one is not checked.
  t.push(raw_answer(200, "abc"));
  whatsapp::detail::Sha256 h;
  h.update("abc", 3);
  info.sha256 = whatsapp::detail::to_base64(h.finish());
  auto b64 = client.media().download(info, [](std::string_view) { return true; });
  ASSERT_TRUE(b64.ok());
  EXPECT_TRUE(b64->verified);
  t.push(raw_answer(200, "abc"));
  info.sha256 = "<HASH>";
  auto unreadable = client.media().download(info, [](std::string_view) { return true; });
  ASSERT_TRUE(unreadable.ok());
  EXPECT_FALSE(unreadable->verified);
}

TEST(Media, DownloadErrorsGoThroughTheEnvelope) {
  FakeTransport t;
  t.push(404, R"({"data":{"error":{"message":"Media not found","code":100}}})");
  t.push(401, "<html>nope</html>");
  FakeClient client(api_options(), t);
  std::string got;
  auto sink = [&](std::string_view c) {
    got.append(c);
    return true;
  };
  auto a = client.media().download(info_for("x"), sink);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().kind(), ErrorKind::kApi);
  EXPECT_EQ(a.error().code(), 100);
  EXPECT_EQ(a.error().http_status(), 404);
  auto b = client.media().download(info_for("x"), sink);
  EXPECT_EQ(b.error().kind(), ErrorKind::kHttp);
  EXPECT_TRUE(got.empty());  // error bodies never reach the sink
}

TEST(Media, DownloadStopsWhenTheSinkSaysSo) {
  FakeTransport t;
  t.set_chunk_size(2);
  t.push(raw_answer(200, "abcdef"));
  FakeClient client(api_options(), t);
  int calls = 0;
  auto r = client.media().download(info_for("abcdef"), [&](std::string_view) { return ++calls < 2; });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(calls, 2);
}

// A body longer than the media's file_size is stopped where it passes it, not read to the end
// (a hostile server's gigabyte went through to the sink before the size was compared).
TEST(Media, DownloadStopsWhereTheBodyPassesTheFileSize) {
  FakeTransport t;
  t.set_chunk_size(2);
  t.push(raw_answer(200, "abcdefghij"));
  FakeClient client(api_options(), t);
  auto info = info_for("abcd");
  ASSERT_EQ(info.file_size, 4U);
  std::string got;
  auto r = client.media().download(info, [&](std::string_view c) {
    got.append(c);
    return true;
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind(), ErrorKind::kTransport);
  EXPECT_EQ(r.error().message(), "the download passed the media's 4 bytes; stopped there");
  EXPECT_FALSE(r.error().is_transient());
  EXPECT_EQ(got, "abcd");
}

TEST(Media, DownloadToFileAndRetrieveThenDownload) {
  const std::string path = ::testing::TempDir() + "/wa_download_test.bin";
  const std::string bytes = "file bytes";
  FakeTransport t;
  json url = read_json("fixtures/media_url_response.json");
  url["url"] = "https://cdn.example/x";
  url["sha256"] = sha256_hex(bytes);
  url["file_size"] = std::to_string(bytes.size());
  t.push(200, in_data_envelope(url));
  t.push(raw_answer(200, bytes));
  FakeClient client(api_options(), t);
  auto info = client.media().retrieve("781204456390231");
  ASSERT_TRUE(info.ok());
  auto r = client.media().download_to_file(*info, path);
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  std::ifstream in(path, std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), bytes);
  std::remove(path.c_str());

  // A failed download leaves no file behind.
  t.push(raw_answer(200, "corrupt!!!"));
  auto bad = client.media().download_to_file(*info, path);
  ASSERT_FALSE(bad.ok());
  EXPECT_FALSE(std::ifstream(path).good());
  EXPECT_FALSE(std::ifstream(path + ".part").good());

  t.push(200, in_data_envelope(url));
  t.push(raw_answer(200, bytes));
  std::string got;
  ASSERT_TRUE(client.media()
                  .download("781204456390231",
                            [&](std::string_view c) {
                              got.append(c);
                              return true;
                            })
                  .ok());
  EXPECT_EQ(got, bytes);
}

}  // namespace api_media_test
