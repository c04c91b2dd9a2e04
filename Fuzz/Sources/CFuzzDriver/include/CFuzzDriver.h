// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer's driver, for executables that have their own `main`.
//
// SwiftPM links every executable with `--defsym main=<module>_main`, so libFuzzer's own `main`
// is never used; each fuzz target defines `<module>_main` and hands over to this function,
// which parses the libFuzzer flags and runs the fuzzing loop exactly as libFuzzer's `main` does.
#pragma once
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
