# Shared by end-to-end.sh and schedule.sh (sourced, not run): the timing tools, the release
# build of the CLI, the temporary folder and a few helpers.
#
# The sourcing script sets `root` (the repository root) and `run_timeout` (seconds per run), and
# may set `work_prefix` (the temporary folder's name). Afterwards `kapstok` is the release binary,
# `work` the temporary folder (removed on exit unless KEEP=1), and `gnu_time` /usr/bin/time or
# empty. Environment: SKIP_BUILD=1, KEEP=1, NO_GNU_TIME=1 (see the scripts).
# SPDX-License-Identifier: GPL-3.0-or-later

log() { printf '%s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------------------
gnu_time=""
if [[ "${NO_GNU_TIME:-0}" == 1 ]]; then
    :
elif [[ -x /usr/bin/time ]] && /usr/bin/time -f "%e %M" true >/dev/null 2>&1; then
    gnu_time=/usr/bin/time
elif [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "installing Debian's 'time' package for /usr/bin/time …"
    if { apt-get install -y -qq time >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq time >/dev/null 2>&1; }; } \
        && [[ -x /usr/bin/time ]]; then
        gnu_time=/usr/bin/time
    fi
fi
[[ -n "$gnu_time" ]] || log "note: /usr/bin/time unavailable; timing with bash and sampling VmHWM from /proc every 20 ms"

# --- build -------------------------------------------------------------------------------
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building kapstok (release) in $root …"
    (cd "$root" && swift build -c release --product kapstok >&2)
fi
bin_dir="$(cd "$root" && swift build -c release --show-bin-path)"
kapstok="$bin_dir/kapstok"
[[ -x "$kapstok" ]] || { log "error: $kapstok not found; run without SKIP_BUILD=1"; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/kapstok-${work_prefix:-bench}.XXXXXX")"
if [[ "${KEEP:-0}" == 1 ]]; then log "keeping $work"; else trap 'rm -rf "$work"' EXIT; fi

# Runs "$@" and prints "<wall seconds> <peak RSS KiB>"; the command's own output goes to $out_log.
measure() {
    local out_log="$1"; shift
    if [[ -n "$gnu_time" ]]; then
        local time_file="$work/time.txt"
        local status=0
        "$gnu_time" -o "$time_file" -f "%e %M" timeout "$run_timeout" "$@" >"$out_log" 2>&1 || status=$?
        tail -n 1 "$time_file"
        return "$status"
    fi
    # Fallback: the shell's clock and the last VmHWM read from /proc before the process exits.
    local start end pid hwm=0 line status=0 ticks=0
    start=$(date +%s.%N)
    "$@" >"$out_log" 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        line=$(grep -s '^VmHWM:' /proc/"$pid"/status || true)
        if [[ -n "$line" ]]; then
            set -- $line
            (( $2 > hwm )) && hwm=$2
        fi
        sleep 0.02
        if (( ++ticks > run_timeout * 50 )); then kill "$pid" 2>/dev/null || true; fi
    done
    wait "$pid" || status=$?
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" -v m="$hwm" 'BEGIN { printf "%.2f %d\n", e - s, m }'
    return "$status"
}

# A number or string field of summary.json (one key per line, as kapstok writes it).
field() { sed -n "s/^ *\"$2\": *\"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" "$1" | head -n 1; }

# The median of whitespace-separated numbers on stdin, printed with format $1.
median() { tr ' ' '\n' | grep . | sort -g | awk -v f="$1\n" '{ v[NR] = $1 } END { printf f, (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The end of a report: the failed checks (from the array `failures`) and exit 1, or the line $1.
finish() {
    if (( ${#failures[@]} > 0 )); then
        echo "FAILED checks:"
        printf -- '- %s\n' "${failures[@]}"
        exit 1
    fi
    echo "$1"
}
