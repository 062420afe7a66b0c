#pragma once
// The embedded default store: one SQLite file in WAL mode.
//
// Durability: every write a Store method acknowledges is committed before it returns, with
// `synchronous=NORMAL`. In WAL mode that survives a crash or kill of the server process (the
// commit is in the OS page cache and the WAL), which is what moim promises; a power cut or OS
// crash may lose the last few commits, but never corrupts the database. FULL would fsync every
// chat line for a guarantee we do not make.
//
// Threads: one connection, every call serialised by a mutex. Calls are short indexed queries,
// so rooms on different strands wait microseconds for each other.
//
// Behaviour beyond the Store interface:
//   - invite codes are normalised (trimmed, ASCII upper-case) before hashing, so people can type
//     them in lower case; host tokens are compared exactly.
//   - an empty code or token, a negative max_uses, or a code/token that already exists is
//     Errc::bad_request; put_ban/put_mute for an unknown person is Errc::no_such_user.
//   - append_chat with sent_at_ms == 0 stamps the current time.
//   - any other database failure is Errc::internal with SQLite's message.
#include <filesystem>
#include <memory>

#include "store/store.hpp"

namespace moim::store {

// Opens (creating if needed, with its parent directory) and migrates the database at `file`.
// ":memory:" gives a private in-memory database (tests, fuzzing). Start-up only: throws
// std::runtime_error naming the file when it cannot be opened or written, is not a database,
// cannot use WAL, or has a schema newer than this build knows.
std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& file);

}  // namespace moim::store
