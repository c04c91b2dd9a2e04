#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Kapstok fuzz targets (libFuzzer) and runs them one after the other.
#
#   Fuzz/run.sh --short [options] [target…]   CI: 10,000 runs or 8 s per target, -max_len=4096,
#                                             build included (about 5 min cold on 2 cores)
#   Fuzz/run.sh --long  [options] [target…]   ≥ 1,000,000 runs per target (the campaign)
#   Fuzz/run.sh --crashes [options] [target…] replays Fuzz/Crashes/<target>/* (regression check)
#   Fuzz/run.sh --minimise [options] [target…] only the --merge step below, no fuzzing
#
# Options:
#   --asan          also AddressSanitizer (-sanitize=fuzzer,address; own build folder .build-asan)
#   --no-build      use the binaries already built
#   --runs N        runs per target (overrides the mode's default)
#   --time S        seconds per target at most (overrides the mode's default)
#   --max-len N     -max_len for every target (default: --short 4096; --long per target,
#                   1024–65536, see "max_len per target" below)
#   --jobs N        run N targets at once (default 1; 2 on the 2-core machine for a campaign);
#                   targets are started in the order given, so put the slow ones first
#   --strict        KAPSTOK_FUZZ_STRICT=1: property checks too (see FuzzSupport/Targets.swift)
#   --skip-known    KAPSTOK_FUZZ_SKIP_KNOWN=1: the harness steps around the crashes already
#                   reported (listed in Crashes/README.md), so that a run can get past them
#                   while the fixes are pending; never use it to judge a fix
#   --merge         after each run, minimise Corpus/<target> with -merge=1 (keeps only inputs
#                   that add coverage; the new ones are found in .work/corpus/<target>)
#
# Targets (default: all): csv toml mentors mentees framework scores constraints history org validate
#                          availability absences sessions goals checkins sessionlogs
#
# Each target fuzzes a working copy of its committed corpus (Fuzz/.work/corpus/<target>, which
# keeps growing between runs); crash reproducers go to Fuzz/.work/artifacts/<target>/, logs to
# Fuzz/.work/logs/<target>.log. Exit status: 0 when no target crashed, 1 otherwise (a crash, a
# trap, an ASan report, a timeout or running out of memory all count; leaks are not checked).
set -uo pipefail

FUZZ="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$FUZZ")"
ALL_TARGETS=(csv toml mentors mentees framework scores constraints history org validate availability absences sessions
    goals checkins sessionlogs xlsx)

mode=""
asan=0
build=1
runs=""
seconds=""
strict=0
merge=0
jobs=1
max_len_flag=""
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --short | --long | --crashes) mode="${1#--}" ;;
        --minimise) mode=minimise; merge=1 ;;
        --asan) asan=1 ;;
        --no-build) build=0 ;;
        --runs) runs="$2"; shift ;;
        --time) seconds="$2"; shift ;;
        --max-len) max_len_flag="$2"; shift ;;
        --jobs) jobs="$2"; shift ;;
        --strict) strict=1 ;;
        --skip-known) export KAPSTOK_FUZZ_SKIP_KNOWN=1 ;;
        --merge) merge=1 ;;
        -h | --help) sed -n '2,35p' "$0"; exit 0 ;;
        -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1") ;;
    esac
    shift
done
[ -n "$mode" ] || { echo "run.sh: give --short, --long, --crashes or --minimise (see --help)" >&2; exit 2; }
[ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")

# --short is the CI smoke test: it runs after `swift test` in a 90-minute job, so it is bounded
# (10,000 runs or 8 s of fuzzing per target, whichever comes first, plus loading the corpus; a
# hard `timeout` around each process besides), release build without ASan. It catches a crash
# that the committed corpus or a few mutations of it reach; the campaign (--long) is the search.
case "$mode" in
    short) : "${runs:=10000}" "${seconds:=8}"; max_len=4096; rss=2048 ;;
    long) : "${runs:=1000000}" "${seconds:=0}"; max_len=65536; rss=4096 ;;
    crashes | minimise) runs=0; seconds=0; max_len=65536; rss=4096 ;;
esac

# max_len per target in --long (the campaign must give every target 1,000,000 runs in about an
# hour on 2 shared cores). Measured on 2026-12-01: the people targets make 90–150 runs/s even at
# -max_len=2048, because an input whose header has a long unknown column name (a UTF-16 file read
# as bytes, a fuzzed header) spends ~90% of its time in `Suggestion.distance` (the "did you mean"
# edit distance against every known column, O(name length × candidate length) each) and its
# trace-cmp instrumentation; 1,000,000 runs would take 2–3 hours. So:
#   mentors, mentees  1024   a header with the usual columns and 10–20 short rows (the full
#                            mentees header with all 14 framework columns and targets is ~540 B)
#   validate          2048   all eight files of a small round (a few rows each)
#   toml framework scores constraints history org availability absences sessions
#   goals checkins sessionlogs
#                     8192   a few hundred rows
#   csv               65536  the reader itself; long inputs find size-dependent (quadratic) cost
# Every check in the loaders is per cell, per row or per id, so a file of a few dozen rows
# reaches every code path; what short inputs do not test is size itself (the unnamed-column
# timeout in Crashes/history needed 64 KB), which csv at 65536 and the hand-made inputs in
# Crashes/ cover. --max-len N overrides the choice for every target.
max_len_for() {
    if [ -n "$max_len_flag" ]; then echo "$max_len_flag"; return; fi
    if [ "$mode" = long ]; then
        case "$1" in
            mentors | mentees) echo 1024; return ;;
            validate) echo 2048; return ;;
            csv) echo 65536; return ;;
            *) echo 8192; return ;;
        esac
    fi
    echo "$max_len"
}

sanitizers=fuzzer
scratch="$FUZZ/.build"
if [ $asan = 1 ]; then
    sanitizers=fuzzer,address
    scratch="$FUZZ/.build-asan"
    export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}"
fi
[ $strict = 1 ] && export KAPSTOK_FUZZ_STRICT=1
# Swift's backtracer takes seconds per crash (libFuzzer then reports a timeout instead of the
# trap); let libFuzzer handle the signal. Replay a reproducer with SWIFT_BACKTRACE=enable=yes
# for the Swift message ("arithmetic overflow", …) and a symbolicated stack.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

# Be a good neighbour on a shared machine.
NICE=(nice -n 10)

if [ $build = 1 ]; then
    echo "== build (-sanitize=$sanitizers, $scratch)"
    started=$(date +%s)
    "${NICE[@]}" swift build --package-path "$FUZZ" --scratch-path "$scratch" -c release \
        -Xswiftc -sanitize=$sanitizers -Xswiftc -parse-as-library || exit 1
    echo "== build took $(( $(date +%s) - started ))s"
fi
bin="$scratch/release"

work="$FUZZ/.work"
# Bytes of committed corpus per target (see --merge).
CORPUS_BUDGET="${CORPUS_BUDGET:-200000}"
mkdir -p "$work/logs"
# One target: fuzz (or replay, or merge) it, and write its summary line to $work/logs/$target.summary
# (exit status 1 when it crashed). Several of these may run at once (--jobs).
run_target() {
    local target=$1 exe log artifacts files failed file corpus flags code started elapsed executed speed
    local result artifact line merged ok extra tlen status=0
    exe="$bin/fuzz-$target"
    [ -x "$exe" ] || { echo "run.sh: no binary $exe (build first)" >&2; echo "$target: no binary" > "$work/logs/$target.summary"; return 1; }
    log="$work/logs/$target.log"
    artifacts="$work/artifacts/$target"
    mkdir -p "$artifacts"

    if [ "$mode" = crashes ]; then
        shopt -s nullglob
        files=("$FUZZ/Crashes/$target"/*)
        shopt -u nullglob
        failed=0
        : > "$log"
        for file in "${files[@]}"; do
            case "$file" in *.md | *.txt) continue ;; esac
            if "${NICE[@]}" "$exe" -rss_limit_mb=$rss -timeout=10 "$file" >> "$log" 2>&1; then
                echo "   fixed:      ${file#"$ROOT"/}"
            else
                echo "   STILL FAILS: ${file#"$ROOT"/}"
                failed=$((failed + 1))
            fi
        done
        printf '%-12s %3d reproducers, %d still fail\n' "$target" ${#files[@]} $failed > "$work/logs/$target.summary"
        [ $failed = 0 ] || return 1
        return 0
    fi

    corpus="$work/corpus/$target"
    mkdir -p "$corpus"
    [ -d "$FUZZ/Corpus/$target" ] && cp -n "$FUZZ/Corpus/$target"/* "$corpus"/ 2>/dev/null
    tlen=$(max_len_for "$target")
    flags=(-max_len=$tlen -rss_limit_mb=$rss -malloc_limit_mb=$rss -timeout=10 -detect_leaks=0
        -print_final_stats=1 -artifact_prefix="$artifacts/")
    [ "$runs" != 0 ] && flags+=(-runs="$runs")
    [ "$seconds" != 0 ] && flags+=(-max_total_time="$seconds")
    [ -f "$FUZZ/Dictionaries/$target.dict" ] && flags+=(-dict="$FUZZ/Dictionaries/$target.dict")
    if [ "$mode" = minimise ]; then
        echo "== $target: merge"
    else
        echo "== $target: ${flags[*]}"
        started=$(date +%s)
        # The hard limit: libFuzzer's own -max_total_time is checked between inputs only.
        if [ "$seconds" != 0 ]; then
            timeout -k 10 $((seconds + 120)) "${NICE[@]}" "$exe" "${flags[@]}" "$corpus" > "$log" 2>&1
        else
            "${NICE[@]}" "$exe" "${flags[@]}" "$corpus" > "$log" 2>&1
        fi
        code=$?
        elapsed=$(( $(date +%s) - started ))
        executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
        speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
        if [ -z "$executed" ]; then
            # No final stats after a crash: take the last status line ("#1234 ...").
            executed=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
        fi
        result=ok
        if [ $code != 0 ]; then
            status=1
            if [ $code = 124 ] || [ $code = 137 ]; then result="KILLED(over $((seconds + 120))s)"
            elif grep -q 'ERROR: libFuzzer: timeout' "$log"; then result=TIMEOUT
            elif grep -qE 'out-of-memory|malloc\(.*\) exceeds' "$log"; then result=OOM
            elif grep -q 'ERROR: AddressSanitizer' "$log"; then result="ASAN($(grep -oE 'AddressSanitizer: [a-z-]+' "$log" | head -1 | cut -d' ' -f2))"
            elif grep -qE 'Fatal error|precondition|Swift runtime failure' "$log"; then result="TRAP: $(grep -oE '(Fatal error|Swift runtime failure)[^\n]*' "$log" | head -1 | cut -c1-100)"
            elif grep -q 'deadly signal' "$log"; then result="CRASH(deadly signal; SIGILL is a Swift trap)"
            else result="CRASH(exit $code)"
            fi
            artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
            [ -n "$artifact" ] && result="$result -> ${artifact#"$ROOT"/}"
        fi
        line=$(printf '%-12s runs %-9s exec/s %-6s %4ss  max_len %-6s %s' "$target" "${executed:-?}" "${speed:-?}" "$elapsed" "$tlen" "$result")
        echo "   $line"
        echo "$line" > "$work/logs/$target.summary"
    fi

    if [ $merge = 1 ]; then
        mkdir -p "$FUZZ/Corpus/$target"
        merged="$work/merged/$target"
        rm -rf "$merged"; mkdir -p "$merged"
        # The committed corpus has a budget (Fuzz/Corpus ≤ ~2 MB in all): when a full merge is
        # over it, merge again on edge coverage only (-use_counters=0), then also on shorter
        # inputs. The working corpus in .work keeps everything.
        ok=0
        for extra in "" "-use_counters=0" "-use_counters=0 -max_len=4096"; do
            rm -rf "$merged"; mkdir -p "$merged"
            # shellcheck disable=SC2086
            if "${NICE[@]}" "$exe" -merge=1 -max_len=$tlen $extra -rss_limit_mb=$rss -timeout=10 -detect_leaks=0 \
                "$merged" "$FUZZ/Corpus/$target" "$corpus" > "$work/logs/$target.merge.log" 2>&1; then
                ok=1
                [ "$(du -sb "$merged" | cut -f1)" -le "$CORPUS_BUDGET" ] && break
            else
                ok=0; break
            fi
        done
        if [ $ok = 1 ]; then
            rm -f "$FUZZ/Corpus/$target"/*; cp "$merged"/* "$FUZZ/Corpus/$target"/
            echo "   merged: $(ls "$FUZZ/Corpus/$target" | wc -l) inputs, $(du -sb "$FUZZ/Corpus/$target" | cut -f1) bytes in Corpus/$target${extra:+ ($extra)}"
        else
            echo "   merge failed (see $work/logs/$target.merge.log)"
        fi
    fi
    return $status
}

status=0
running=0
for target in "${targets[@]}"; do
    rm -f "$work/logs/$target.summary"
    if [ "$jobs" -le 1 ]; then
        run_target "$target" || status=1
    else
        while [ "$running" -ge "$jobs" ]; do
            wait -n || status=1
            running=$((running - 1))
        done
        run_target "$target" &
        running=$((running + 1))
    fi
done
while [ "$running" -gt 0 ]; do
    wait -n || status=1
    running=$((running - 1))
done
summary=()
for target in "${targets[@]}"; do
    summary+=("$(cat "$work/logs/$target.summary" 2>/dev/null || echo "$target: no result")")
done
echo
echo "== summary ($mode$([ $asan = 1 ] && echo ', asan'))"
printf '   %s\n' "${summary[@]}"
exit $status
