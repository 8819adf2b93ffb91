// Reads a CLI11 App into a click-style help page (cli/help_page.hpp), the formatter CLI11 prints help with.
#include "cli/help_formatter.hpp"

#include <CLI/CLI.hpp>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "cli/help_text.hpp"

namespace butler_migrate::cli {

namespace {

std::string upper(std::string text) {
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

std::string text_from(const std::function<std::string(const std::string&)>& source, const std::string& name) {
    return source ? source(name) : std::string();
}

// "-v, --verbose", "--mig-path PATH": short names first, then long ones, then the value's type name.
std::string option_term(const CLI::Option& option) {
    std::string term;
    for (const auto& name : option.get_snames()) term += (term.empty() ? "-" : ", -") + name;
    for (const auto& name : option.get_lnames()) term += (term.empty() ? "--" : ", --") + name;
    if (option.get_type_size_max() > 0) {
        std::string metavar = option.get_type_name();
        metavar = metavar.substr(0, metavar.find(':'));  // CLI11 appends validator names after ':'
        if (!metavar.empty()) term += " " + metavar;
    }
    return term;
}

std::string usage_arguments(const CLI::App& app) {
    std::string args = "[OPTIONS]";
    for (const CLI::Option* positional : app.get_options([](const CLI::Option* o) { return o->get_positional(); })) {
        if (positional->get_group().empty()) continue;
        std::string piece = upper(positional->get_name(true));
        if (!positional->get_required()) piece = "[" + piece + "]";
        if (positional->get_items_expected_max() > 1) piece += " ...";
        args += " " + piece;
    }
    if (!app.get_subcommands([](const CLI::App* sub) { return !sub->get_name().empty(); }).empty()) {
        args += " COMMAND [ARGS]...";
    }
    return args;
}

std::vector<HelpRow> option_rows(const CLI::App& app) {
    const CLI::Option* help = app.get_help_ptr();
    std::vector<HelpRow> rows;
    for (const CLI::Option* option : app.get_options([](const CLI::Option* o) { return o->nonpositional(); })) {
        if (option == help || option->get_group().empty()) continue;
        rows.emplace_back(option_term(*option), option->get_description());
    }
    if (help != nullptr) rows.emplace_back(option_term(*help), "Show this message and exit.");
    return rows;
}

std::vector<HelpRow> command_rows(const CLI::App& app, const HelpTextSource& texts) {
    std::vector<const CLI::App*> subcommands = app.get_subcommands(
        [](const CLI::App* sub) { return !sub->get_name().empty() && !sub->get_group().empty(); });
    std::sort(subcommands.begin(), subcommands.end(),
              [](const CLI::App* a, const CLI::App* b) { return a->get_name() < b->get_name(); });
    std::vector<HelpRow> rows;
    for (const CLI::App* sub : subcommands) {
        std::string summary = text_from(texts.summary, sub->get_name());
        rows.emplace_back(sub->get_name(), summary.empty() ? click_first_paragraph(sub->get_description()) : summary);
    }
    return rows;
}

}  // namespace

int click_help_width() {
    long columns = 0;
    if (const char* env = std::getenv("COLUMNS")) {
        char* end = nullptr;
        long value = std::strtol(env, &end, 10);
        if (end != env && *end == '\0') columns = value;
    }
    if (columns <= 0) {
        winsize size{};
        if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) columns = size.ws_col;
    }
    if (columns <= 0) columns = 80;
    return static_cast<int>(std::max(std::min(columns, 80L) - 2, 50L));
}

HelpTextSource default_help_text_source() { return HelpTextSource{long_help, command_summary}; }

HelpPage help_page_from_app(const CLI::App& app, const std::string& command_path, const HelpTextSource& texts) {
    const CLI::App* root = &app;
    while (root->get_parent() != nullptr) root = root->get_parent();
    const bool is_subcommand = root != &app;

    HelpPage page;
    page.command_path = command_path.empty() ? app.get_name() : command_path;
    page.usage_args = usage_arguments(app);
    page.help_text = is_subcommand ? text_from(texts.long_help, app.get_name()) : std::string();
    if (page.help_text.empty()) page.help_text = app.get_description();
    page.options = option_rows(app);
    page.commands = command_rows(app, texts);
    page.epilog = app.get_footer();
    if (page.epilog.empty() && is_subcommand) {
        page.epilog = "See '" + root->get_name() + " --help' for more options.";
    }
    return page;
}

ClickHelpFormatter::ClickHelpFormatter(HelpTextSource texts, int width) : texts_(std::move(texts)), width_(width) {}

std::string ClickHelpFormatter::make_help(const CLI::App* app, std::string name, CLI::AppFormatMode) const {
    return render_help_page(help_page_from_app(*app, name, texts_), width_ > 0 ? width_ : click_help_width());
}

}  // namespace butler_migrate::cli
