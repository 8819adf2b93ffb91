// Private: local paths and file:// URIs as lsst.resources treats them (home and variable expansion, abspath).
#pragma once

#include <optional>
#include <string>

namespace butler_migrate::config_detail {

// The scheme of `text` if it looks like `scheme://...` (lower-cased), else "".
std::string uri_scheme(const std::string& text);

// os.path.expanduser: a leading "~" or "~user" becomes that home directory.
std::string expand_user(const std::string& path);

// os.path.expandvars: $NAME and ${NAME} replaced when NAME is set, left as is otherwise.
std::string expand_vars(const std::string& text);

// os.path.abspath: joined to the current directory, "." and ".." removed, no trailing slash.
std::string absolute_path(const std::string& path);

// A local absolute path for a plain path (home-expanded, made absolute) or a file:// URI (unquoted);
// nullopt for any other URI scheme.
std::optional<std::string> local_path(const std::string& path_or_uri);

// Directory part of an absolute path ("/a/b/c.yaml" -> "/a/b").
std::string parent_directory(const std::string& path);

// The last extension of the file name, with its dot (".yaml"), or "".
std::string file_extension(const std::string& path);

}  // namespace butler_migrate::config_detail
