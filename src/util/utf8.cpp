// Well-formedness of UTF-8 text (RFC 3629).
#include "butler_migrate/util/utf8.hpp"

#include <cstddef>

namespace butler_migrate {

namespace {

// Length of the sequence a lead byte starts (1 to 4), or 0 for a byte that cannot start one.
std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xe) return 3;
    if ((lead >> 3) == 0x1e) return 4;
    return 0;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    // The smallest code point each sequence length may encode; anything below is an overlong form.
    static const unsigned long kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = sequence_length(lead);
        if (length == 0 || i + length > text.size()) return false;
        unsigned long code = length == 1 ? lead : lead & (0x7fu >> length);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xc0) != 0x80) return false;
            code = (code << 6) | (next & 0x3f);
        }
        if (code < kMinimum[length] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
        i += length;
    }
    return true;
}

}  // namespace butler_migrate
