#include "moim/tls/context.hpp"

#include <openssl/ssl.h>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <stdexcept>

namespace moim::tls {

namespace ssl = boost::asio::ssl;

namespace {

// No SSLv2/3, TLS 1.0 or 1.1: every client moim talks to (its own) speaks TLS 1.2 or 1.3.
void set_modern_options(ssl::context& context) {
  context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                      ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
}

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& file,
                       const boost::system::system_error& error) {
  throw std::runtime_error("TLS: cannot load the " + what + " " + file.string() + ": " +
                           error.code().message());
}

}  // namespace

std::unique_ptr<ssl::context> server_context(const std::filesystem::path& cert_file,
                                             const std::filesystem::path& key_file) {
  auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
  set_modern_options(*context);
  try {
    context->use_certificate_chain_file(cert_file.string());
  } catch (const boost::system::system_error& e) {
    fail("certificate", cert_file, e);
  }
  try {
    // Also refuses a key that does not belong to the certificate ("key values mismatch").
    context->use_private_key_file(key_file.string(), ssl::context::pem);
  } catch (const boost::system::system_error& e) {
    fail("private key", key_file, e);
  }
  return context;
}

std::unique_ptr<ssl::context> client_context(const std::string& ca_file) {
  auto context = std::make_unique<ssl::context>(ssl::context::tls_client);
  set_modern_options(*context);
  context->set_default_verify_paths();
  if (!ca_file.empty()) {
    try {
      context->load_verify_file(ca_file);
    } catch (const boost::system::system_error& e) {
      fail("CA file", ca_file, e);
    }
  }
  context->set_verify_mode(ssl::verify_peer);
  return context;
}

void expect_host(Stream::tls_stream& stream, const std::string& host) {
  boost::system::error_code not_an_ip;
  boost::asio::ip::make_address(host, not_an_ip);
  // SNI carries host names only (RFC 6066); an IP address is checked against the certificate's
  // IP subject alternative names by the verification callback alone.
  if (not_an_ip) SSL_set_tlsext_host_name(stream.native_handle(), host.c_str());
  stream.set_verify_callback(ssl::host_name_verification(host));
}

}  // namespace moim::tls
