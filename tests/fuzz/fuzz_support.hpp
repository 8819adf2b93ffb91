// Shared helpers of the libFuzzer targets: input splitting, a scratch folder, and the checks on errors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz_support {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The input cut at every occurrence of `separator` (the separator itself dropped); at most `max_parts`
// parts, the last one keeping the rest.
inline std::vector<std::string> split(std::string_view text, std::string_view separator, std::size_t max_parts) {
    std::vector<std::string> parts;
    while (parts.size() + 1 < max_parts) {
        std::size_t at = text.find(separator);
        if (at == std::string_view::npos) break;
        parts.emplace_back(text.substr(0, at));
        text.remove_prefix(at + separator.size());
    }
    parts.emplace_back(text);
    return parts;
}

// Aborts (a crash libFuzzer records with its input) when an invariant does not hold.
[[noreturn]] inline void violated(const std::string& what) {
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what.c_str());
    std::abort();
}

// The tool prints every error as one line: src/cli/app.cpp escapes control characters (line breaks included)
// in the message, whatever the core wrote (tests/unit/test_hostile_config.cpp checks it through the
// executable). Here only an empty message is a fault.
inline void check_one_line(const std::exception& error, std::string_view /*input*/) {
    std::string_view message = error.what();
    bool broken = message.empty();
    if (broken) {
        violated("error with an empty message");
    }
}

// A folder of this process for the files a target writes, emptied before every input.
class ScratchFolder {
public:
    ScratchFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "butler-migrate-fuzz.XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) violated("cannot create a scratch folder");
        path_ = pattern;
    }
    ~ScratchFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;

    const std::string& path() const { return path_; }

    void clear() const {
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(path_, ec)) std::filesystem::remove_all(entry, ec);
    }

    // Writes `content` to `relative` (parent folders created); returns the absolute path.
    std::string write(const std::string& relative, std::string_view content) const {
        std::filesystem::path file = std::filesystem::path(path_) / relative;
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        return file.string();
    }

private:
    std::string path_;
};

}  // namespace fuzz_support
