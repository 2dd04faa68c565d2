// Starts the installed emulator (its path is argv[1]) on a free port, sends one message to it
// with the default curl transport, and stops it: what a user's own test does with
// whatsapp::emulator.

#include <signal.h>
#include <stdio.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include <whatsapp/whatsapp.hpp>

namespace {

// Reads one line from `in` (without the newline); false at the end of the stream.
bool read_line(FILE* in, std::string& line) {
  line.clear();
  for (int c = std::fgetc(in); c != EOF; c = std::fgetc(in)) {
    if (c == '\n') return true;
    line.push_back(static_cast<char>(c));
  }
  return !line.empty();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: send_through_emulator <whatsapp-emulator>\n";
    return 2;
  }
  // The shell prints its pid, then becomes the emulator, which prints the port it listens on.
  const std::string command = std::string("echo $$; exec '") + argv[1] + "' --port 0 --quiet";
  FILE* emulator = popen(command.c_str(), "r");
  if (emulator == nullptr) {
    std::cerr << "cannot start " << argv[1] << "\n";
    return 1;
  }
  std::string pid_line;
  std::string line;
  const std::string listening = "whatsapp-emulator listening on http://";
  bool started = read_line(emulator, pid_line);
  while (started && line.rfind(listening, 0) != 0) started = read_line(emulator, line);
  if (!started) {
    std::cerr << "the emulator did not say where it listens\n";
    pclose(emulator);
    return 1;
  }
  std::string base = line.substr(listening.size() - std::string("http://").size());
  base = base.substr(0, base.find_first_of(" /", std::string("http://").size()));

  whatsapp::ClientOptions options;
  options.api_token = "at_consumer_emulator";
  options.base_url = base + "/whatsapp";
  whatsapp::Client<> client(options);
  auto sent =
      client.messages().send("106540352242922", whatsapp::Message::text("15551230000", "from a consumer"));
  kill(static_cast<pid_t>(std::atol(pid_line.c_str())), SIGTERM);
  pclose(emulator);
  if (!sent) {
    std::cerr << "send through the emulator at " << base << " failed: " << sent.error().message() << "\n";
    return 1;
  }
  std::cout << "sent " << sent->message_id() << " through the installed emulator at " << base << "\n";
  return 0;
}
