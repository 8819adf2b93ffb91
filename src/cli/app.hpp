// The butler-migrate command line: parses arguments, runs one subcommand, maps errors to exit statuses.
#pragma once

namespace butler_migrate::cli {

// Entry point behind main(); never throws.
int run_app(int argc, char** argv);

}  // namespace butler_migrate::cli
