// GLPK 5.0 as packaged by Debian (libglpk-dev): no pkg-config file, so the
// header is reached through this shim and the library linked by name.
#ifndef KAPSTOK_CGLPK_SHIM_H
#define KAPSTOK_CGLPK_SHIM_H
#include <glpk.h>
#endif
