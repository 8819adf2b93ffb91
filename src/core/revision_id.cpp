// Revision ids: UUID5 (SHA-1 name-based UUID, RFC 4122) and the 12-digit ids derived from it.
#include "butler_migrate/core/revision_id.hpp"

#include <array>
#include <cstdint>
#include <string>

#include <openssl/evp.h>

#include "butler_migrate/util/errors.hpp"

namespace butler_migrate {
namespace {

using UuidBytes = std::array<std::uint8_t, 16>;

int hex_digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Canonical text (hyphens anywhere are skipped) to 16 bytes.
UuidBytes parse_uuid(std::string_view text) {
    UuidBytes bytes{};
    std::size_t nibble = 0;
    for (char c : text) {
        if (c == '-') continue;
        int value = hex_digit_value(c);
        if (value < 0 || nibble >= 32) throw Error("malformed UUID: " + std::string(text));
        bytes[nibble / 2] = static_cast<std::uint8_t>(bytes[nibble / 2] | (nibble % 2 == 0 ? value << 4 : value));
        ++nibble;
    }
    if (nibble != 32) throw Error("malformed UUID: " + std::string(text));
    return bytes;
}

std::string to_hex(const std::uint8_t* bytes, std::size_t count) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string text;
    text.reserve(count * 2);
    for (std::size_t i = 0; i < count; ++i) {
        text += kDigits[bytes[i] >> 4];
        text += kDigits[bytes[i] & 0x0f];
    }
    return text;
}

}  // namespace

std::string uuid5(std::string_view ns_uuid, std::string_view name) {
    const UuidBytes ns = parse_uuid(ns_uuid);
    std::string message(reinterpret_cast<const char*>(ns.data()), ns.size());
    message.append(name);
    std::array<std::uint8_t, EVP_MAX_MD_SIZE> digest{};
    unsigned int digest_length = 0;
    if (EVP_Digest(message.data(), message.size(), digest.data(), &digest_length, EVP_sha1(), nullptr) != 1 ||
        digest_length < 16) {
        throw Error("SHA-1 digest failed");
    }

    digest[6] = static_cast<std::uint8_t>((digest[6] & 0x0f) | 0x50);  // version 5
    digest[8] = static_cast<std::uint8_t>((digest[8] & 0x3f) | 0x80);  // RFC 4122 variant
    const std::string hex = to_hex(digest.data(), 16);
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20, 12);
}

std::string rev_id(const std::vector<std::string>& parts) {
    std::string name;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) name += '-';
        name += parts[i];
    }
    const std::string uuid = uuid5(kRevisionNamespace, name);
    return uuid.substr(uuid.size() - 12);
}

}  // namespace butler_migrate
