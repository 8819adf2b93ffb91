# Installs the man page, shell completions and documentation next to the executable, and sets up CPack (.deb).
#
# Included by the top-level CMakeLists.txt after include(GNUInstallDirs) and the executable's install rule.
#   cmake --install <build> --prefix /usr/local     # everything below, under the prefix
#   (cd <build> && cpack -G DEB)                   # butler-migrate_<version>_<arch>.deb

set(BUTLER_MIGRATE_PACKAGE_MAINTAINER "butler-migrate developers <butler-migrate@example.org>"
  CACHE STRING "Maintainer field of the .deb package (Name <email>)")

# --- Man page: <build>/generated-docs/butler-migrate.1 (made from docs/man/butler-migrate.1.in by the
# butler_migrate_generated_docs target of the top-level CMakeLists.txt) -> <mandir>/man1, gzipped (-9n:
# reproducible) when gzip exists. Compressed at install time, so `cmake --install` never installs a stale file.
find_program(BUTLER_MIGRATE_GZIP gzip)
mark_as_advanced(BUTLER_MIGRATE_GZIP)
set(_bm_man_source "${BUTLER_MIGRATE_GENERATED_DOCS_DIR}/butler-migrate.1")
set(_bm_man_page "${PROJECT_BINARY_DIR}/packaging/butler-migrate.1")
install(CODE "
  if(NOT EXISTS \"${_bm_man_source}\")
    message(FATAL_ERROR \"${_bm_man_source} is missing: build the project (target butler_migrate_generated_docs) first\")
  endif()
  file(READ \"${_bm_man_source}\" _bm_man_text)
  file(WRITE \"${_bm_man_page}\" \"\${_bm_man_text}\")
  set(_bm_man_file \"${_bm_man_page}\")
  set(_bm_gzip \"${BUTLER_MIGRATE_GZIP}\")
  if(_bm_gzip)
    execute_process(COMMAND \"\${_bm_gzip}\" -9 -n -f \"${_bm_man_page}\" RESULT_VARIABLE _bm_gzip_status)
    if(NOT _bm_gzip_status EQUAL 0)
      message(FATAL_ERROR \"gzip ${_bm_man_page} failed: \${_bm_gzip_status}\")
    endif()
    set(_bm_man_file \"${_bm_man_page}.gz\")
  endif()
  set(_bm_man_dir \"${CMAKE_INSTALL_MANDIR}/man1\")
  if(NOT IS_ABSOLUTE \"\${_bm_man_dir}\")
    set(_bm_man_dir \"\${CMAKE_INSTALL_PREFIX}/\${_bm_man_dir}\")
  endif()
  file(INSTALL DESTINATION \"\${_bm_man_dir}\" TYPE FILE
       PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ FILES \"\${_bm_man_file}\")
")

# --- Shell completions (generated like the man page), in the folders bash-completion and Debian's zsh load
# them from.
install(FILES "${BUTLER_MIGRATE_GENERATED_DOCS_DIR}/butler-migrate.bash"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions" RENAME butler-migrate)
install(FILES "${BUTLER_MIGRATE_GENERATED_DOCS_DIR}/_butler-migrate"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions")

# --- Documentation: <docdir> is share/doc/butler-migrate, with the pages the user guide links to.
install(FILES
  "${PROJECT_SOURCE_DIR}/README.md"
  "${PROJECT_SOURCE_DIR}/LICENSE"
  "${PROJECT_SOURCE_DIR}/docs/user-guide.md"
  "${PROJECT_SOURCE_DIR}/docs/exit-codes.md"
  "${PROJECT_SOURCE_DIR}/docs/compatibility.md"
  "${PROJECT_SOURCE_DIR}/docs/historical-universes.md"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(FILES "${PROJECT_SOURCE_DIR}/docs/json-output.md" DESTINATION "${CMAKE_INSTALL_DOCDIR}" OPTIONAL)
# The JSON schemas json-output.md links to (docs/schemas/*.schema.json).
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/schemas" DESTINATION "${CMAKE_INSTALL_DOCDIR}" OPTIONAL
  FILES_MATCHING PATTERN "*.json")
# Debian policy: the licence as <docdir>/copyright.
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DOCDIR}" RENAME copyright)

# --- CPack: a .deb named as Debian names them (butler-migrate_0.1.0_amd64.deb).
set(CPACK_PACKAGE_NAME "butler-migrate")
set(CPACK_PACKAGE_VENDOR "butler-migrate developers")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${BUTLER_MIGRATE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "schema migrations for LSST Butler registry databases")
# The long description as Debian wants it: lines of at most 80 columns, each shown indented by one space.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
  "butler-migrate records, checks, upgrades and downgrades the schema versions"
  "of LSST Butler registries in SQLite and PostgreSQL databases. It replaces the"
  "Python butler migrate command (daf_butler_migrate) with one native executable:"
  "the same subcommands, revision ids and alembic_version bookkeeping, one"
  "transaction per step, a migration lock, and backups before writing.")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${BUTLER_MIGRATE_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "database")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-client")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Depends from the shared libraries the executable links (dpkg-shlibdeps), when the tool is there.
find_program(BUTLER_MIGRATE_DPKG_SHLIBDEPS dpkg-shlibdeps)
mark_as_advanced(BUTLER_MIGRATE_DPKG_SHLIBDEPS)
if(BUTLER_MIGRATE_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6, libstdc++6, libsqlite3-0, libpqxx-6.4, libyaml-cpp0.7, libfmt9, libssl3, libb2-1")
endif()

set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build/" "/\\\\.cache/")

include(CPack)
