#!/usr/bin/env bash
# Installs what Kapstok and its tests need on Debian, only what is missing (run as root, or
# with sudo available): GLPK (libglpk-dev, linked by the package), SQLite (libsqlite3-dev, for
# the workspace through GRDB), zlib (zlib1g-dev and pkg-config, for ZIPFoundation: workbooks
# are ZIP archives), libxml2 (libxml2-dev, whose SAX parser reads the workbooks' XML), Python's icalendar (the tests check the calendar files with it,
# Scripts/check_ics.py), Python's openpyxl and LibreOffice Calc without its GUI (the tests make
# and check .xlsx files with both) and Chromium (the tests render the HTML reports headless to
# a PNG).
# Used by the README's first command and by .ci/run.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
updated=0
apt_install() {
    if [ "$updated" = 0 ]; then as_root apt-get update -qq; updated=1; fi
    as_root apt-get install -y -qq "$@"
}
[ -f /usr/include/glpk.h ] || apt_install libglpk-dev
[ -f /usr/include/sqlite3.h ] || apt_install libsqlite3-dev
[ -f /usr/include/zlib.h ] || apt_install zlib1g-dev
[ -f /usr/include/libxml2/libxml/parser.h ] || apt_install libxml2-dev
command -v pkg-config >/dev/null || apt_install pkg-config
command -v chromium >/dev/null || apt_install chromium
command -v soffice >/dev/null || apt_install --no-install-recommends libreoffice-calc-nogui
pip_install() {
    command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1 || apt_install python3 python3-pip
    # Debian's own python3 refuses a plain pip install (externally managed environment).
    python3 -m pip install -q "$@" 2>/dev/null || python3 -m pip install -q --break-system-packages "$@"
}
python3 -c 'import icalendar' 2>/dev/null || pip_install icalendar
python3 -c 'import openpyxl' 2>/dev/null || pip_install openpyxl
python3 -c 'import msoffcrypto' 2>/dev/null || pip_install msoffcrypto-tool  # the password-protected .xlsx fixture
