#pragma once

// A request of a call before its URL is known: the URL depends on the format tried.

#include <string>
#include <vector>

#include "whatsapp/protocol/routes.hpp"
#include "whatsapp/protocol/url.hpp"
#include "whatsapp/transport/http.hpp"

namespace whatsapp::detail {

struct RequestSpec {
  const Route* route;
  PathValues path{};
  QueryParams query;
  std::string body;                      ///< Serialized JSON, or empty.
  std::vector<MultipartPart> multipart;  ///< For uploads.
  BodySink on_body{};                    ///< Streams a 2xx body (downloads); see HttpRequest.
  ProgressCallback progress{};           ///< Upload/download progress; see HttpRequest.
  /// A message send's addressee (its `to`, else its BSUID): the key of the per-recipient
  /// interval, so that it is not read back out of the body. Empty: read from the body (a send
  /// through client.call()).
  std::string recipient{};
};

}  // namespace whatsapp::detail
