#include "sockets.hpp"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>

namespace whatsapp_emulator::sockets {
namespace {

bool endpoint(const sockaddr_storage& ss, std::string* addr, int* port) {
  char buf[INET6_ADDRSTRLEN] = {0};
  if (ss.ss_family == AF_INET) {
    auto* s = reinterpret_cast<const sockaddr_in*>(&ss);
    inet_ntop(AF_INET, &s->sin_addr, buf, sizeof buf);
    *port = ntohs(s->sin_port);
  } else if (ss.ss_family == AF_INET6) {
    auto* s = reinterpret_cast<const sockaddr_in6*>(&ss);
    inet_ntop(AF_INET6, &s->sin6_addr, buf, sizeof buf);
    *port = ntohs(s->sin6_port);
  } else {
    return false;
  }
  *addr = buf;
  return true;
}

// Calls f(fd, peer_addr, peer_port) for each connected socket whose local port is local_port.
void for_each_connection(int local_port, const std::function<bool(int, const std::string&, int)>& f) {
  DIR* dir = opendir("/proc/self/fd");
  if (!dir) return;
  int self = dirfd(dir);
  while (dirent* e = readdir(dir)) {
    char* end = nullptr;
    long fd = std::strtol(e->d_name, &end, 10);
    if (end == e->d_name || *end != '\0' || fd == self) continue;
    sockaddr_storage local{}, peer{};
    socklen_t ll = sizeof local, pl = sizeof peer;
    if (getsockname(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&local), &ll) != 0) continue;
    std::string laddr, paddr;
    int lport = 0, pport = 0;
    if (!endpoint(local, &laddr, &lport) || lport != local_port) continue;
    if (getpeername(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&peer), &pl) != 0) continue;
    if (!endpoint(peer, &paddr, &pport)) continue;
    if (!f(static_cast<int>(fd), paddr, pport)) break;
  }
  closedir(dir);
}

}  // namespace

int find_connection(int local_port, const std::string& remote_addr, int remote_port) {
  int found = -1;
  for_each_connection(local_port, [&](int fd, const std::string& addr, int port) {
    if (port != remote_port) return true;
    // IPv4-mapped addresses may be printed either way; the port is the real key.
    if (addr != remote_addr && addr.find(remote_addr) == std::string::npos &&
        remote_addr.find(addr) == std::string::npos)
      return true;
    found = fd;
    return false;
  });
  return found;
}

void abort_connection(int fd) {
  linger l{1, 0};
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
  shutdown(fd, SHUT_RDWR);
}

int shutdown_all(int local_port) {
  int n = 0;
  for_each_connection(local_port, [&](int fd, const std::string&, int) {
    shutdown(fd, SHUT_RDWR);
    ++n;
    return true;
  });
  return n;
}

}  // namespace whatsapp_emulator::sockets
