// Private: file names for backups (UTC time stamps) and creating such files without ever replacing one.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace butler_migrate::backup_detail {

// The current UTC time as YYYYMMDDTHHMMSSZ (sorts by time, safe in file names on every system).
std::string utc_stamp();

// Creates a new empty file named `<stem><suffix>`, or `<stem>.1<suffix>`, `<stem>.2<suffix>`, ... for the
// first of these names that is free (O_CREAT | O_EXCL, so an existing file is never opened). Returns its
// path. Throws std::system_error (with the errno of the failure) when no file can be created.
std::filesystem::path create_new_file(const std::string& stem, const std::string& suffix, mode_t mode);

}  // namespace butler_migrate::backup_detail
