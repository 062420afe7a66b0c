#include "server_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace moim::loadgen {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::uint16_t free_port() {
  asio::io_context io;
  tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
  return acceptor.local_endpoint().port();
}

std::optional<std::string> http_get(std::uint16_t port, const std::string& target) {
  try {
    asio::io_context io;
    tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), port});
    http::request<http::empty_body> request{http::verb::get, target, 11};
    request.set(http::field::host, "127.0.0.1");
    http::write(socket, request);
    boost::beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(socket, buffer, response);
    if (response.result() != http::status::ok) return std::nullopt;
    return response.body();
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::optional<double> histogram_quantile_ms(const MetricValues& before, const MetricValues& after,
                                            const std::string& histogram, double q) {
  // Cumulative buckets in order of their bound; differences give this interval's histogram.
  std::vector<std::pair<double, double>> buckets;
  const std::string prefix = histogram + "_bucket{le=\"";
  for (const auto& [name, value] : after) {
    if (name.rfind(prefix, 0) != 0) continue;
    const auto bound = name.substr(prefix.size(), name.size() - prefix.size() - 2);
    const double le = bound == "+Inf" ? 1e9 : std::stod(bound);
    auto it = before.find(name);
    buckets.emplace_back(le, value - (it == before.end() ? 0 : it->second));
  }
  std::sort(buckets.begin(), buckets.end());
  if (buckets.empty() || buckets.back().second <= 0) return std::nullopt;
  const double wanted = q * buckets.back().second;
  for (const auto& [le, count] : buckets) {
    if (count >= wanted) return le * 1000.0;
  }
  return std::nullopt;
}

ServerProcess ServerProcess::start(const StartOptions& options) {
  if (!std::filesystem::exists(options.binary)) {
    throw std::runtime_error("no server binary at " + options.binary.string());
  }
  std::mt19937_64 rng(std::random_device{}());
  const auto dir =
      std::filesystem::temp_directory_path() /
      ("moim-loadgen-" + std::to_string(getpid()) + "-" + std::to_string(rng() % 100000));
  std::filesystem::create_directories(dir);
  const auto port = free_port();
  std::vector<std::string> args = {options.binary.string(),
                                   "--dev",
                                   "--bind",
                                   "127.0.0.1",
                                   "--port",
                                   std::to_string(port),
                                   "--data-dir",
                                   dir.string(),
                                   "--maps",
                                   options.maps.string(),
                                   "--room-capacity",
                                   std::to_string(options.room_capacity),
                                   "--log-level",
                                   "warn"};
  args.insert(args.end(), options.extra_args.begin(), options.extra_args.end());
  const auto log = dir / "server.log";
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    // If the load generator dies (its watchdog, a crash, Ctrl-C) the server goes with it.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  ServerProcess server(pid, port, true, dir);
  for (int i = 0; i < 100; ++i) {
    if (http_get(port, "/healthz")) return server;
    if (!server.alive()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const auto text = read_file(log);
  server.stop();
  throw std::runtime_error("the server did not come up; its log:\n" + text);
}

ServerProcess ServerProcess::attach(pid_t pid, std::uint16_t port) {
  ServerProcess server(pid, port, false, {});
  if (!server.alive()) throw std::runtime_error("no process " + std::to_string(pid));
  if (!http_get(port, "/healthz")) {
    throw std::runtime_error("nothing answers /healthz on 127.0.0.1:" + std::to_string(port));
  }
  return server;
}

ServerProcess::ServerProcess(ServerProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      port_(other.port_),
      owned_(std::exchange(other.owned_, false)),
      reaped_(other.reaped_),
      dir_(std::move(other.dir_)) {}

ServerProcess::~ServerProcess() {
  stop();
}

bool ServerProcess::alive() const {
  if (pid_ <= 0 || reaped_) return false;
  if (owned_) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) reaped_ = true;
    if (reaped_) return false;
  }
  return kill(pid_, 0) == 0;
}

ProcSample ServerProcess::sample() const {
  return sample_process(pid_);
}

ProcSample sample_process(pid_t pid_) {
  ProcSample s;
  s.at_seconds = now_seconds();
  // /proc/<pid>/stat: fields 14 and 15 are utime and stime in clock ticks. The command name
  // (field 2) may hold spaces, so count from the closing parenthesis.
  const auto stat = read_file("/proc/" + std::to_string(pid_) + "/stat");
  const auto close = stat.rfind(')');
  if (close != std::string::npos) {
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    double utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {
      if (i == 14) utime = std::stod(field);
      if (i == 15) stime = std::stod(field);
    }
    s.cpu_seconds = (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
  }
  std::istringstream status(read_file("/proc/" + std::to_string(pid_) + "/status"));
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) s.rss_kib = std::stod(line.substr(6));
  }
  return s;
}

std::optional<MetricValues> ServerProcess::metrics() const {
  auto text = http_get(port_, "/metrics");
  if (!text) return std::nullopt;
  MetricValues values;
  std::istringstream lines(*text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto space = line.rfind(' ');
    if (space == std::string::npos) continue;
    try {
      values[line.substr(0, space)] = std::stod(line.substr(space + 1));
    } catch (const std::exception&) {
      // not a number: skip the line
    }
  }
  return values;
}

void ServerProcess::stop() {
  if (!owned_ || pid_ <= 0) return;
  int status = 0;
  bool reaped = reaped_;
  if (!reaped) kill(pid_, SIGTERM);
  for (int i = 0; i < 100 && !reaped; ++i) {
    reaped = waitpid(pid_, &status, WNOHANG) == pid_;
    if (!reaped) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!reaped) {
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
  }
  pid_ = -1;
  owned_ = false;
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void raise_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

double load_average() {
  double loads[1] = {0};
  return getloadavg(loads, 1) == 1 ? loads[0] : 0;
}

}  // namespace moim::loadgen
