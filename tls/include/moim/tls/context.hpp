#pragma once
// TLS settings shared by the server and the client: TLS 1.2 or newer, certificates checked the
// way a browser checks them.
#include <boost/asio/ssl/context.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "moim/tls/stream.hpp"

namespace moim::tls {

// A server context with this certificate chain and private key (PEM files). Throws
// std::runtime_error naming the file when either cannot be loaded or the key does not match.
std::unique_ptr<boost::asio::ssl::context> server_context(const std::filesystem::path& cert_file,
                                                          const std::filesystem::path& key_file);

// A client context that verifies the server's certificate against the system's trusted CAs and,
// if `ca_file` is not empty, the certificates in that PEM file too (a self-signed server
// certificate, or a private CA). Throws std::runtime_error if `ca_file` cannot be read.
std::unique_ptr<boost::asio::ssl::context> client_context(const std::string& ca_file);

// Before the client handshake: send `host` as the server name (SNI) and require the certificate
// to be issued for it (a DNS name, or an IP address in the subject alternative names).
void expect_host(Stream::tls_stream& stream, const std::string& host);

}  // namespace moim::tls
