// Maps a LowCodeAPI request (raw target) to one of the 29 WhatsApp routes, in New or Old Format.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "whatsapp_emulator/emulator.hpp"

namespace whatsapp_emulator {

struct RouteMatch {
  bool found = false;
  bool old_format = false;
  // One route, or several when a New Format `/<version>/<X>` is ambiguous (the state decides).
  std::vector<int> candidates;
  std::map<std::string, std::string> params;  // path params by UPPER-CASE name (decoded)
  std::string version;
  std::string missing;  // Old Format: name of a path param absent from the query
};

using QueryLookup = std::string (*)(const void* ctx, const std::string& key, bool* present);

// `raw_path` is the undecoded path (no query); `query` looks up decoded query params.
RouteMatch match_route(const std::string& method, const std::string& raw_path, Formats formats,
                       QueryLookup query, const void* ctx);

// The Graph shape: `/<version>/...` without the `/whatsapp` prefix, New Format paths only, and
// none of LowCodeAPI's own routes (2: mark read by path, 6: download by media URL path).
// `*versioned` tells whether the path starts with a Graph version at all.
RouteMatch match_graph_route(const std::string& method, const std::string& raw_path, bool* versioned);

const char* route_name(int id);

}  // namespace whatsapp_emulator
