// SPDX-License-Identifier: GPL-3.0-or-later
// Empty: the module only declares LLVMFuzzerRunDriver, which libFuzzer defines.
#include "CFuzzDriver.h"
