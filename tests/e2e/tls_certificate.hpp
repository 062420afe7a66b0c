#pragma once
// Self-signed certificates for tests, made with the openssl command line tool at test time.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace moim::e2e {

struct Certificate {
  std::filesystem::path cert, key;
};

// A self-signed certificate (it is its own CA) for `names`, e.g. "DNS:localhost,IP:127.0.0.1",
// written to <dir>/<stem>.crt and <dir>/<stem>.key.
inline Certificate make_self_signed(const std::filesystem::path& dir, const std::string& stem,
                                    const std::string& names) {
  Certificate c{dir / (stem + ".crt"), dir / (stem + ".key")};
  const std::string command =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2"
      " -subj /CN=moim-test -addext subjectAltName=" +
      names + " -keyout '" + c.key.string() + "' -out '" + c.cert.string() + "' >/dev/null 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return c;
}

}  // namespace moim::e2e
