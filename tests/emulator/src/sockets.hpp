// Finds the server side of our own TCP connections in this process (cpp-httplib 0.11 gives
// handlers no socket). Used to reset a connection without answering and to end idle
// keep-alive connections promptly on stop.
#pragma once

#include <string>

namespace whatsapp_emulator::sockets {

// The accepted socket whose local port is `local_port` and peer is remote_addr:remote_port; -1 if none.
int find_connection(int local_port, const std::string& remote_addr, int remote_port);
// Aborts a connection: SO_LINGER 0 (the final close sends RST) and shutdown both directions.
// The owner (httplib) still closes the fd.
void abort_connection(int fd);
// shutdown(2) of every accepted connection on `local_port`; returns how many.
int shutdown_all(int local_port);

}  // namespace whatsapp_emulator::sockets
