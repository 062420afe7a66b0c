#include "app/metrics.hpp"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

namespace moim {
namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Sample name (with labels) → value, from the exposition text.
std::map<std::string, std::string> samples(const std::string& text) {
  std::map<std::string, std::string> out;
  for (const auto& line : lines(text)) {
    if (line.empty() || line.front() == '#') continue;
    const auto space = line.rfind(' ');
    out[line.substr(0, space)] = line.substr(space + 1);
  }
  return out;
}

TEST(Metrics, RendersEveryMetricWithHelpAndType) {
  Metrics metrics;
  const std::string text = metrics.render_prometheus();
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"moim_connections_total", "counter"},
      {"moim_connected_clients", "gauge"},
      {"moim_rooms", "gauge"},
      {"moim_messages_in_total", "counter"},
      {"moim_messages_out_total", "counter"},
      {"moim_bytes_in_total", "counter"},
      {"moim_bytes_out_total", "counter"},
      {"moim_send_queue_drops_total", "counter"},
      {"moim_slow_client_closes_total", "counter"},
      {"moim_protocol_errors_total", "counter"},
      {"moim_flush_duration_seconds", "histogram"},
      {"moim_flush_cpu_seconds", "histogram"},
  };
  for (const auto& [name, type] : expected) {
    EXPECT_NE(text.find("# HELP " + name + " "), std::string::npos) << name;
    EXPECT_NE(text.find("# TYPE " + name + " " + type + "\n"), std::string::npos) << name;
  }
}

TEST(Metrics, EveryLineIsValidExposition) {
  Metrics metrics;
  metrics.bytes_in_total += 123;
  metrics.flush_duration_seconds.observe(0.002);
  const std::regex comment(R"(# (HELP|TYPE) moim_[a-z_]+ .+)");
  const std::regex sample(
      R"(moim_[a-z_]+(\{[a-z_]+="[^"]+"(,[a-z_]+="[^"]+")*\})? ([0-9]+(\.[0-9]+)?(e-?[0-9]+)?|\+Inf))");
  std::string last_type;
  for (const auto& line : lines(metrics.render_prometheus())) {
    if (line.front() == '#') {
      EXPECT_TRUE(std::regex_match(line, comment)) << line;
      if (line.rfind("# TYPE ", 0) == 0) last_type = line.substr(7, line.find(' ', 7) - 7);
      continue;
    }
    EXPECT_TRUE(std::regex_match(line, sample)) << line;
    EXPECT_EQ(line.rfind(last_type, 0), 0U) << "sample without its TYPE: " << line;
  }
}

TEST(Metrics, CountersAndGaugesShowTheirValues) {
  Metrics metrics;
  metrics.connections_total += 3;
  metrics.connected_clients += 2;
  metrics.connected_clients -= 1;
  metrics.rooms = 4;
  metrics.protocol_errors_total.fetch_add(7, std::memory_order_relaxed);
  const auto values = samples(metrics.render_prometheus());
  EXPECT_EQ(values.at("moim_connections_total"), "3");
  EXPECT_EQ(values.at("moim_connected_clients"), "1");
  EXPECT_EQ(values.at("moim_rooms"), "4");
  EXPECT_EQ(values.at("moim_protocol_errors_total"), "7");
  EXPECT_EQ(values.at("moim_messages_out_total"), "0");
}

TEST(MetricsHistogram, BucketsAreCumulativeWithInclusiveBounds) {
  Metrics metrics;
  auto& h = metrics.flush_duration_seconds;
  h.observe(0.0001);  // exactly on the first bound: counts in it (le)
  h.observe(0.003);   // between 0.0025 and 0.005
  h.observe(std::chrono::milliseconds(20));
  h.observe(1.5);                                       // above every bound: only +Inf
  h.observe(std::numeric_limits<double>::quiet_NaN());  // ignored
  const auto values = samples(metrics.render_prometheus());
  const std::string b = "moim_flush_duration_seconds_bucket";
  EXPECT_EQ(values.at(b + "{le=\"0.0001\"}"), "1");
  EXPECT_EQ(values.at(b + "{le=\"0.00025\"}"), "1");
  EXPECT_EQ(values.at(b + "{le=\"0.0025\"}"), "1");
  EXPECT_EQ(values.at(b + "{le=\"0.005\"}"), "2");
  EXPECT_EQ(values.at(b + "{le=\"0.025\"}"), "3");
  EXPECT_EQ(values.at(b + "{le=\"0.1\"}"), "3");
  EXPECT_EQ(values.at(b + "{le=\"+Inf\"}"), "4");
  EXPECT_EQ(values.at("moim_flush_duration_seconds_count"), "4");
  EXPECT_NEAR(std::stod(values.at("moim_flush_duration_seconds_sum")), 1.5231, 1e-9);
}

TEST(MetricsHistogram, BucketLinesAreInOrderAndMonotonic) {
  Histogram h;
  for (int i = 0; i < 1000; ++i) h.observe(i * 0.0002);
  const auto snap = h.snapshot();
  EXPECT_EQ(snap.count(), 1000U);
  std::uint64_t previous = 0;
  std::uint64_t cumulative = 0;
  for (const auto c : snap.counts) {
    cumulative += c;
    EXPECT_GE(cumulative, previous);
    previous = cumulative;
  }
  EXPECT_EQ(cumulative, 1000U);
}

TEST(MetricsHistogram, ConcurrentObservationsAreAllCounted) {
  Metrics metrics;
  constexpr int threads = 4;
  constexpr int per_thread = 20'000;
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&metrics] {
      for (int i = 0; i < per_thread; ++i) {
        metrics.flush_duration_seconds.observe(0.001);
        metrics.messages_in_total.fetch_add(1, std::memory_order_relaxed);
      }
    });
  }
  for (auto& w : workers) w.join();
  const auto snap = metrics.flush_duration_seconds.snapshot();
  EXPECT_EQ(snap.count(), static_cast<std::uint64_t>(threads * per_thread));
  EXPECT_NEAR(snap.sum, threads * per_thread * 0.001, 1e-6);
  EXPECT_EQ(samples(metrics.render_prometheus()).at("moim_messages_in_total"),
            std::to_string(threads * per_thread));
}

}  // namespace
}  // namespace moim
