// Uploads an image, sends it with a caption, then fetches it back and checks the bytes.
//
//   media [IMAGE [DOWNLOAD_DIR]]
//
// Without IMAGE (or with ""), a tiny generated PNG is uploaded. The download is kept in
// DOWNLOAD_DIR when one is given; otherwise it goes to a fresh directory under the system's
// temporary directory ($TMPDIR or /tmp) that is removed at the end. The example never writes
// into the current directory (the demo runs it from the repository root).

#include <stdlib.h>  // mkdtemp (POSIX)

#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>

#include "example_env.hpp"

namespace {

// A directory made with mkdtemp, removed with its contents when this goes out of scope.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::error_code ec;
    std::string pattern = (std::filesystem::temp_directory_path(ec) / "whatsapp-cpp-media-XXXXXX").string();
    if (!ec && mkdtemp(pattern.data()) != nullptr) path = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove_all(path, ec);
  }
};

}  // namespace

int main(int argc, char** argv) {
  const example::Settings s;
  if (!s.require({{example::kTokenNames, &s.token},
                  {"WHATSAPP_PHONE_NUMBER_ID", &s.phone_number_id},
                  {"WHATSAPP_TO", &s.to}})) {
    return 2;
  }
  whatsapp::Client<> client(s.client_options());

  // 1. Upload: from a file (type from its extension) or from memory.
  whatsapp::MediaUpload upload;
  if (argc > 1 && argv[1][0] != '\0') {
    upload = whatsapp::MediaUpload::from_file(argv[1]);
  } else {
    upload =
        whatsapp::MediaUpload::from_memory(std::string("\x89PNG\r\n\x1a\n example bytes", 22), "example.png");
  }
  bool reported = false;
  upload.progress = [&reported](const whatsapp::TransferProgress& p) {
    if (!reported && p.upload_total > 0 && p.uploaded == p.upload_total) {
      reported = true;
      std::cout << "  uploaded " << p.uploaded << " bytes (multipart body)\n";
    }
    return true;
  };
  auto uploaded = client.media().upload(s.phone_number_id, upload);
  if (!uploaded) return example::fail("upload", uploaded.error());
  std::cout << "uploaded media id " << uploaded->id << "\n";

  // 2. Send it.
  auto sent = client.messages().send(
      s.phone_number_id,
      whatsapp::Message::image(s.to, whatsapp::Media::id(uploaded->id), "Sent with whatsapp-cpp"));
  if (!sent) return example::fail("send image", sent.error());
  std::cout << "sent image message " << sent->message_id() << "\n";

  // 3. Where is it, how big, which hash?
  auto info = client.media().retrieve(uploaded->id, s.phone_number_id);
  if (!info) return example::fail("retrieve media URL", info.error());
  std::cout << "media is " << info->mime_type << ", " << info->file_size.value_or(0) << " bytes, sha256 "
            << info->sha256 << "\n";

  // 4. Download to a file, streamed and checked against the sha256.
  TempDir scratch;  // used (and removed at the end) only when no DOWNLOAD_DIR was given
  const std::filesystem::path dir = argc > 2 ? std::filesystem::path(argv[2]) : scratch.path;
  if (dir.empty()) {
    std::cerr << "download failed: cannot make a temporary directory\n";
    return 1;
  }
  const std::string path = (dir / ("downloaded_" + uploaded->id)).string();
  auto downloaded = client.media().download_to_file(*info, path);
  if (!downloaded) return example::fail("download", downloaded.error());
  std::cout << "downloaded " << downloaded->bytes << " bytes to " << path
            << (downloaded->verified ? " (sha256 verified)" : " (no hash to verify)")
            << (argc > 2 ? "" : ", removed at exit") << "\n";

  // 5. Delete it from WhatsApp's servers.
  if (auto removed = client.media().remove(uploaded->id, s.phone_number_id); !removed) {
    return example::fail("delete media", removed.error());
  }
  std::cout << "deleted media " << uploaded->id << "\n";
  return 0;
}
