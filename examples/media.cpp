// Uploads an image, sends it with a caption, then fetches it back and checks the bytes.
//
//   media [path/to/image.png]   (without a path, a tiny generated PNG is uploaded)

#include <fstream>
#include <iostream>
#include <string>

#include "example_env.hpp"

int main(int argc, char** argv) {
  const example::Settings s;
  if (!s.require({{"LOWCODEAPI_API_TOKEN", &s.api_token},
                  {"WHATSAPP_PHONE_NUMBER_ID", &s.phone_number_id},
                  {"WHATSAPP_TO", &s.to}})) {
    return 2;
  }
  whatsapp::Client<> client(s.client_options());

  // 1. Upload: from a file (type from its extension) or from memory.
  whatsapp::MediaUpload upload;
  if (argc > 1) {
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
  const std::string path = "downloaded_" + uploaded->id;
  auto downloaded = client.media().download_to_file(*info, path);
  if (!downloaded) return example::fail("download", downloaded.error());
  std::cout << "downloaded " << downloaded->bytes << " bytes to " << path
            << (downloaded->verified ? " (sha256 verified)" : " (no hash to verify)") << "\n";

  // 5. Delete it from WhatsApp's servers.
  if (auto removed = client.media().remove(uploaded->id, s.phone_number_id); !removed) {
    return example::fail("delete media", removed.error());
  }
  std::cout << "deleted media " << uploaded->id << "\n";
  return 0;
}
