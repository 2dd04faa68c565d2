// Media through the curl transport against the emulator: upload, retrieve, download (bytes and
// hash checked), delete; in both URL formats.

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "api_fixture.hpp"

namespace api_media_test {

using whatsapp::MediaUpload;
using whatsapp_test::ApiEmulatorTest;
using whatsapp_test::kPhone;

using MediaEmulator = ApiEmulatorTest;

void round_trip(const whatsapp::Client<>& client, const std::string& bytes) {
  auto up = client.media().upload(kPhone, MediaUpload::from_memory(bytes, "photo.png"));
  ASSERT_TRUE(up.ok()) << up.error().to_string();
  auto info = client.media().retrieve(up->id, kPhone);
  ASSERT_TRUE(info.ok()) << info.error().to_string();
  EXPECT_EQ(info->id, up->id);
  EXPECT_EQ(info->mime_type, "image/png");
  EXPECT_EQ(info->file_size, bytes.size());
  std::string got;
  std::uint64_t progress = 0;
  whatsapp::DownloadOptions opts;
  opts.progress = [&](const whatsapp::TransferProgress& p) {
    progress = p.downloaded;
    return true;
  };
  auto dl = client.media().download(
      *info,
      [&](std::string_view c) {
        got.append(c);
        return true;
      },
      opts);
  ASSERT_TRUE(dl.ok()) << dl.error().to_string();
  EXPECT_EQ(got, bytes);
  EXPECT_TRUE(dl->verified);
  EXPECT_EQ(dl->sha256_hex, info->sha256);
  EXPECT_EQ(progress, bytes.size());
  ASSERT_TRUE(client.media().remove(up->id, kPhone).ok());
  auto again = client.media().retrieve(up->id);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind(), whatsapp::ErrorKind::kApi);
}

std::string png_bytes(std::size_t n) {
  std::string s("\x89PNG\r\n\x1a\n", 8);
  for (std::size_t i = 0; s.size() < n; ++i) s.push_back(static_cast<char>(i * 31));
  return s;
}

TEST_F(MediaEmulator, UploadRetrieveDownloadDeleteNewFormat) { round_trip(*client, png_bytes(300 * 1024)); }

TEST_F(MediaEmulator, OldFormatOnly) {
  start(whatsapp_emulator::Formats::kOld);
  round_trip(*client, png_bytes(1000));
  EXPECT_EQ(client->confirmed_format(whatsapp::RouteId::kDownloadMedia), whatsapp::UrlFormat::kOld);
}

TEST_F(MediaEmulator, UploadFromFileAndDownloadToFile) {
  const std::string in = ::testing::TempDir() + "/wa_it_upload.pdf";
  const std::string out = ::testing::TempDir() + "/wa_it_download.pdf";
  const std::string bytes = "%PDF-1.4\n" + std::string(5000, 'p');
  { std::ofstream(in, std::ios::binary) << bytes; }
  auto up = client->media().upload(kPhone, MediaUpload::from_file(in));
  ASSERT_TRUE(up.ok()) << up.error().to_string();
  auto info = client->media().retrieve(up->id);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->mime_type, "application/pdf");
  auto dl = client->media().download_to_file(*info, out);
  ASSERT_TRUE(dl.ok()) << dl.error().to_string();
  std::ifstream f(out, std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(f), {}), bytes);
  std::remove(in.c_str());
  std::remove(out.c_str());
}

}  // namespace api_media_test
