# Sanitizer and fuzzing instrumentation for every target defined after this file is included.
#
# BUTLER_MIGRATE_SANITIZE=ON: AddressSanitizer and UndefinedBehaviorSanitizer (gcc or clang); any
# undefined-behaviour report aborts the program, so a test that triggers one fails.
# BUTLER_MIGRATE_BUILD_FUZZERS=ON (clang only): the same sanitizers plus libFuzzer's coverage
# instrumentation for the libraries; the fuzz executables add -fsanitize=fuzzer themselves (tests/fuzz).

if(BUTLER_MIGRATE_SANITIZE OR BUTLER_MIGRATE_BUILD_FUZZERS)
  set(BUTLER_MIGRATE_SANITIZER_FLAGS
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_compile_options(${BUTLER_MIGRATE_SANITIZER_FLAGS})
  add_link_options(${BUTLER_MIGRATE_SANITIZER_FLAGS})
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # gcc's AddressSanitizer instrumentation makes -Wmaybe-uninitialized report false positives (e.g. in
    # libstdc++'s <regex> with gcc 12), which BUTLER_MIGRATE_WERROR would turn into errors.
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
endif()

if(BUTLER_MIGRATE_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "BUTLER_MIGRATE_BUILD_FUZZERS needs clang (libFuzzer), e.g. -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
