// The butler.yaml change after a one-shot migration: which manager class, and writing it safely into the file.
#include "butler_migrate/config/config_update.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "butler_migrate/config/butler_config.hpp"
#include "butler_migrate/util/errors.hpp"
#include "config/manager_yaml_edit.hpp"
#include "config/yaml_includes.hpp"
#include "util/backup_files.hpp"

namespace butler_migrate {

namespace fs = std::filesystem;
using config_detail::child;

namespace {

// The class a manager entry names: its value, or the cls: of a mapping; "" when there is none.
std::string configured_class(const YAML::Node& root, const std::string& manager) {
    YAML::Node entry = child(child(child(root, "registry"), "managers"), manager);
    if (entry.IsMap()) entry = child(entry, "cls");
    return entry.IsDefined() && entry.IsScalar() ? entry.Scalar() : "";
}

// Structural equality (mapping order ignored), to check that an edit changed nothing else.
bool same_yaml(const YAML::Node& a, const YAML::Node& b) {
    if (a.Type() != b.Type()) return false;
    if (a.IsScalar()) return a.Scalar() == b.Scalar();
    if (a.IsSequence()) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!same_yaml(a[i], b[i])) return false;
        }
        return true;
    }
    if (a.IsMap()) {
        if (a.size() != b.size()) return false;
        for (const auto& item : a) {
            const YAML::Node other = child(b, item.first.Scalar());
            if (!other.IsDefined() || !same_yaml(item.second, other)) return false;
        }
    }
    return true;
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError("Cannot read " + path.string() + ": " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Writes all of `text` to `fd` and flushes it to disk; false on any failure.
bool write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return ::fsync(fd) == 0;
}

// A new file next to `file` (same folder, so includes resolve alike and rename is atomic), removed on
// destruction unless released.
class TempYaml {
public:
    TempYaml(const fs::path& file, const std::string& text, mode_t mode) {
        std::string name = (file.parent_path() / ("." + file.filename().string() + ".update-XXXXXX.yaml")).string();
        std::vector<char> buffer(name.begin(), name.end());
        buffer.push_back('\0');
        const int fd = ::mkstemps(buffer.data(), 5);
        if (fd < 0) throw ConfigError("Cannot write next to " + file.string() + ": " + std::strerror(errno));
        path_ = buffer.data();
        const bool written = ::fchmod(fd, mode) == 0 && write_all(fd, text);
        const int saved_errno = errno;
        ::close(fd);
        if (!written) throw ConfigError("Cannot write next to " + file.string() + ": " + std::strerror(saved_errno));
    }
    ~TempYaml() {
        if (!path_.empty()) ::unlink(path_.c_str());
    }
    TempYaml(const TempYaml&) = delete;
    TempYaml& operator=(const TempYaml&) = delete;
    const std::string& path() const { return path_; }
    void release() { path_.clear(); }

private:
    std::string path_;
};

// `<file>.<UTC time>.bak` (a counter added when taken) holding exactly `text`.
fs::path write_backup(const fs::path& file, const std::string& text, mode_t mode) {
    fs::path backup;
    try {
        backup = backup_detail::create_new_file(file.string() + "." + backup_detail::utc_stamp(), ".bak", mode);
    } catch (const std::system_error& e) {
        throw ConfigError("Cannot create a backup copy of " + file.string() + ": " +
                          std::generic_category().message(e.code().value()));
    }
    const int fd = ::open(backup.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    const bool written = fd >= 0 && write_all(fd, text);
    const int saved_errno = errno;
    if (fd >= 0) ::close(fd);
    if (!written) {
        ::unlink(backup.c_str());
        throw ConfigError("Cannot write the backup copy " + backup.string() + ": " + std::strerror(saved_errno));
    }
    return backup;
}

[[noreturn]] void refuse(const std::string& file, const std::string& reason, const ManagerConfigChange& change) {
    throw ConfigError("Cannot update " + file + " automatically (" + reason + "); write this under registry: " +
                      "managers: by hand: " + change.manager + ": " + change.new_class);
}

// Whether the edited file, read back with the project's own loader, equals the old configuration with only
// the manager's class changed.
bool reads_back_as_intended(const ButlerConfig& before, const std::string& edited_path,
                            const ManagerConfigChange& change) {
    ButlerConfig after;
    try {
        after = load_butler_config(edited_path);
    } catch (const ConfigError&) {
        return false;
    }
    YAML::Node expected = YAML::Clone(before.root);
    expected["registry"]["managers"][change.manager] = change.new_class;
    return configured_class(after.root, change.manager) == change.new_class && same_yaml(expected, after.root);
}

}  // namespace

std::string ManagerConfigChange::yaml_line() const { return "    " + manager + ": " + new_class; }

// Removes the temporary files an edit killed between writing and renaming left next to `file`
// (".<name>.update-XXXXXX.yaml"); the caller holds the registry's migration lock, so no edit is under way.
static void remove_interrupted_edits(const fs::path& file) {
    const std::string prefix = "." + file.filename().string() + ".update-";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(file.parent_path().empty() ? fs::path(".") : file.parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0 && name.size() == prefix.size() + 6 + 5 &&
            name.compare(name.size() - 5, 5, ".yaml") == 0) {
            fs::remove(entry.path(), ec);
        }
    }
}

// The checks and the edit of apply_config_change; with `check_only`, stops before anything is written for good
// (the temporary file of the read-back check is removed again). Empty path: nothing to write.
static fs::path change_config(const std::string& repo, const ManagerConfigChange& change, bool check_only) {
    const ButlerConfig before = load_butler_config(repo);
    if (configured_class(before.root, change.manager) == change.new_class) return {};
    const fs::path file = before.config_file;
    if (file.extension() != ".yaml") refuse(file.string(), "only YAML files are edited", change);
    std::error_code ec;
    if (fs::is_symlink(file, ec)) refuse(file.string(), "it is a symbolic link", change);
    const std::string text = read_bytes(file);
    std::string edited;
    try {
        edited = config_detail::with_manager_class(text, change.manager, change.new_class);
    } catch (const config_detail::UnsafeYamlEdit& e) {
        refuse(file.string(), e.what(), change);
    }
    struct stat info {};
    const mode_t mode = ::stat(file.c_str(), &info) == 0 ? (info.st_mode & 07777) : 0644;
    if (!check_only) remove_interrupted_edits(file);
    TempYaml temp(file, edited, mode);
    if (!reads_back_as_intended(before, temp.path(), change)) {
        refuse(file.string(), "the edited text did not read back as intended", change);
    }
    if (check_only) return file;
    const fs::path backup = write_backup(file, text, mode);
    if (std::rename(temp.path().c_str(), file.c_str()) != 0) {
        const int saved_errno = errno;
        ::unlink(backup.c_str());
        throw ConfigError("Cannot replace " + file.string() + ": " + std::strerror(saved_errno));
    }
    temp.release();
    return backup;
}

fs::path apply_config_change(const std::string& repo, const ManagerConfigChange& change) {
    return change_config(repo, change, false);
}

void check_config_change(const std::string& repo, const ManagerConfigChange& change) {
    change_config(repo, change, true);
}

std::string configured_manager_class(const std::string& repo, const std::string& manager) {
    return configured_class(load_butler_config(repo).root, manager);
}

}  // namespace butler_migrate
