// The order in which a schema dump (text and JSON) lists named schema items: by name, unnamed ones first.
#pragma once

#include <algorithm>
#include <vector>

namespace butler_migrate {

// Upstream sorts by name; Python cannot compare None with a name, so unnamed entries go first here.
// `T` has an optional `name`.
template <typename T>
std::vector<T> sorted_by_name(std::vector<T> items) {
    std::stable_sort(items.begin(), items.end(), [](const T& a, const T& b) {
        if (!a.name || !b.name) return !a.name && b.name;
        return *a.name < *b.name;
    });
    return items;
}

}  // namespace butler_migrate
