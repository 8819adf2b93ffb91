// butler-migrate-docgen KIND TEMPLATE OUTPUT: fills a documentation template (KIND bash, zsh or man) with
// what the subcommand table and the catalogue hold, at build time. Not installed.
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "docgen.hpp"

namespace {

using namespace butler_migrate::docgen;

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_text(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path);
}

Substitutions substitutions_for(const std::string& kind, const std::string& template_name) {
    const CliInfo cli = read_command_line();
    const CatalogueInfo catalogue = read_catalogue();
    Substitutions substitutions;
    if (kind == "bash") substitutions = bash_substitutions(cli, catalogue);
    else if (kind == "zsh") substitutions = zsh_substitutions(cli, catalogue);
    else if (kind == "man") substitutions = man_substitutions(cli, catalogue);
    else throw std::runtime_error("unknown kind '" + kind + "' (bash, zsh or man)");
    substitutions["GENERATED_NOTE"] = generated_note(template_name);
    return substitutions;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: butler-migrate-docgen bash|zsh|man TEMPLATE OUTPUT\n";
        return 2;
    }
    try {
        const std::string template_name = argv[2];
        const Substitutions substitutions = substitutions_for(argv[1], template_name);
        write_text(argv[3], fill_template(read_text(template_name), substitutions, template_name));
    } catch (const std::exception& e) {
        std::cerr << "butler-migrate-docgen: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
