// Backup file names with UTC time stamps, created exclusively so that no existing file is ever replaced.
#include "util/backup_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>
#include <system_error>

namespace butler_migrate::backup_detail {

namespace {

constexpr int kMaxCounter = 1000;

}  // namespace

std::string utc_stamp() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
    return text;
}

std::filesystem::path create_new_file(const std::string& stem, const std::string& suffix, mode_t mode) {
    for (int counter = 0; counter <= kMaxCounter; ++counter) {
        std::string name = stem + (counter == 0 ? "" : "." + std::to_string(counter)) + suffix;
        int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd >= 0) {
            ::close(fd);
            return name;
        }
        if (errno != EEXIST) throw std::system_error(errno, std::generic_category(), name);
    }
    throw std::system_error(EEXIST, std::generic_category(), stem + suffix);
}

}  // namespace butler_migrate::backup_detail
