// daf_butler's shrinking of database entity names longer than PostgreSQL's 63-character limit.
#include <blake2.h>

#include <array>
#include <cstdint>

#include <fmt/format.h>

#include "butler_migrate/util/errors.hpp"
#include "butler_migrate/steps/schema_ops.hpp"

namespace butler_migrate::schema {

namespace {

constexpr size_t kMaxNameLength = 63;  // PostgreSQL's NAMEDATALEN - 1
constexpr size_t kDigestBytes = 4;     // the digest length goes into BLAKE2b's parameter block

std::string short_digest_hex(std::string_view text) {
    std::array<uint8_t, kDigestBytes> digest{};
    if (blake2b(digest.data(), text.data(), nullptr, digest.size(), text.size(), 0) != 0) {
        throw DatabaseError(fmt::format("cannot hash the name {}", text));
    }
    std::string hex;
    for (uint8_t byte : digest) hex += fmt::format("{:02x}", byte);
    return hex;
}

}  // namespace

std::string shrink_name(std::string_view name) {
    if (name.size() <= kMaxNameLength) return std::string(name);
    const size_t kept = kMaxNameLength - 2 * kDigestBytes - 1;
    return fmt::format("{}_{}", name.substr(0, kept), short_digest_hex(name));
}

std::string database_name(Dialect dialect, std::string_view name) {
    return dialect == Dialect::postgresql ? shrink_name(name) : std::string(name);
}

}  // namespace butler_migrate::schema
