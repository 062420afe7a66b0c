#pragma once
// What one moim-loadgen run does; filled from the command line (main.cpp).
#include <sys/types.h>

#include <string>
#include <vector>

namespace moim::loadgen {

enum class Scenario { crowded_room, big_map, idle, join_storm, voice_stage, voice_area };

struct Options {
  Scenario scenario = Scenario::crowded_room;
  int bots = 100;
  double duration_s = 10;        // the measured window
  double warmup_s = 3;           // walking before the window opens
  double settle_timeout_s = 45;  // big-map: longest wait for bots to reach their areas
  double max_run_s = 600;        // hard stop for the whole run, whatever happens
  int threads = 2;               // bot threads
  int probes = 4;
  double chat_every_s = 30;  // crowded-room: each bot says something nearby this often
  int concurrency = 200;     // joins in flight at once
  double join_rate = 0;      // joins per second; 0: as fast as `concurrency` allows
  int sources = 1;           // connect from 127.0.0.1 … 127.0.0.<sources>
  std::string room;          // empty: the scenario's room
  // The server: started from `server_bin`, or an existing one at `port` with `server_pid`.
  std::string server_bin;
  pid_t server_pid = 0;
  int port = 7700;
  std::vector<std::string> server_args;
  std::string maps;
  std::string csv;     // append one line of results here
  bool check = false;  // exit non-zero unless everyone joined, moves were seen, nobody dropped
};

const char* scenario_name(Scenario s);

}  // namespace moim::loadgen
