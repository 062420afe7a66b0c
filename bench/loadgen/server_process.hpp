#pragma once
// The server under test: either started here (a fresh data directory, --dev, a free loopback
// port; stopped at the end) or an existing process given by pid. Its CPU time and resident
// memory are read from /proc/<pid>, its counters from GET /metrics.
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace moim::loadgen {

struct ProcSample {
  double cpu_seconds = 0;  // user + system, all threads
  double rss_kib = 0;
  double at_seconds = 0;  // steady clock
};

// Counters and histogram buckets from the Prometheus text of /metrics, by full sample name
// (e.g. `moim_flush_duration_seconds_bucket{le="0.005"}`).
using MetricValues = std::map<std::string, double>;

// The quantile `q` of a histogram (e.g. "moim_flush_duration_seconds") between two scrapes, as
// the upper bound of the bucket it falls in (ms); nullopt when nothing was observed.
std::optional<double> histogram_quantile_ms(const MetricValues& before, const MetricValues& after,
                                            const std::string& histogram, double q);

class ServerProcess {
 public:
  struct StartOptions {
    std::filesystem::path binary;
    std::filesystem::path maps;
    int room_capacity = 25000;
    std::vector<std::string> extra_args;
  };
  static ServerProcess start(const StartOptions& options);
  static ServerProcess attach(pid_t pid, std::uint16_t port);
  ServerProcess(ServerProcess&& other) noexcept;
  ServerProcess& operator=(ServerProcess&&) = delete;
  ~ServerProcess();

  pid_t pid() const { return pid_; }
  std::uint16_t port() const { return port_; }
  bool owned() const { return owned_; }
  bool alive() const;
  ProcSample sample() const;
  std::optional<MetricValues> metrics() const;
  // Stops a server we started (SIGTERM, then SIGKILL after a few seconds).
  void stop();

 private:
  ServerProcess(pid_t pid, std::uint16_t port, bool owned, std::filesystem::path dir)
      : pid_(pid), port_(port), owned_(owned), dir_(std::move(dir)) {}

  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  bool owned_ = false;
  mutable bool reaped_ = false;  // a server we started has exited and been waited for
  std::filesystem::path dir_;    // data directory and log of a server we started
};

// CPU time and RSS of any process (the load generator reads its own with getpid()).
ProcSample sample_process(pid_t pid);

// Raises this process's open-file soft limit to its hard limit (children inherit it).
void raise_file_limit();

// The kernel's 1-minute load average, to record how busy the machine was.
double load_average();

}  // namespace moim::loadgen
