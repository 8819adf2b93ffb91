// butler-migrate: schema migrations of LSST Butler registry databases.
#include "cli/app.hpp"

int main(int argc, char** argv) { return butler_migrate::cli::run_app(argc, argv); }
