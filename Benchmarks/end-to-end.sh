#!/usr/bin/env bash
# End-to-end benchmark of the kapstok CLI: CSV files in → pairings.csv, unmatched.csv and
# summary.json out, timed as a user would see it.
#
#   bash Benchmarks/end-to-end.sh                      # the default sizes
#   SIZES="100x40 1000x300" bash Benchmarks/end-to-end.sh
#   SIZES="50000x15000" bash Benchmarks/end-to-end.sh   # the largest round the README reports
#   SIZES="scores-20000x2000x100" bash Benchmarks/end-to-end.sh
#
# A size `scores-NxMxK` runs scores mode: the generated people with a scores.csv of K random
# candidates per mentee (scores 0–100 with two decimals, unit loads, deterministic from the
# seed), so that most mentees are unmatched and every one of them needs a reason.
#
# For each size (mentees x mentors, seed 1) it runs `kapstok generate` into a temporary folder,
# then `kapstok match` with all four input files (mentors, mentees, constraints, history) into
# a fresh output folder, timed with /usr/bin/time (wall seconds and peak resident set size).
# Sizes below 10000x3000 run 3 times, 10000x3000 once. It prints a markdown table on stdout
# (progress goes to stderr) and exits 1 if a run is not `optimal`, fails, or misses a target:
#   1000x300 ≤ 1 s; 5000x1500 ≤ 10 s; 10000x3000 ≤ 60 s and ≤ 2 GiB; 50000x15000 ≤ 8 GiB
#   (wall time, peak RSS).
#
# Environment: SIZES (default "100x40 1000x300 5000x1500 10000x3000"), RUNS (runs per size,
# default 3, always 1 for 10000x3000), SEED (default 1), SKIP_BUILD=1 (reuse the release build),
# KEEP=1 (keep the temporary folder), RUN_TIMEOUT (seconds per run, default 600), LARGE_TIME_LIMIT
# (kapstok's --time-limit for 50000x15000; default: the configured 60 s), NO_GNU_TIME=1
# (use the /proc fallback even where /usr/bin/time exists).
# Needs bash, coreutils, awk, sed and GNU time (Debian's `time` package, installed with
# apt-get when missing and running as root; otherwise VmHWM is sampled from /proc instead).
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes=(${SIZES:-100x40 1000x300 5000x1500 10000x3000})
runs_default="${RUNS:-3}"
seed="${SEED:-1}"
run_timeout="${RUN_TIMEOUT:-600}"

work_prefix=e2e
# shellcheck source=common.sh
source "$root/Benchmarks/common.sh"

failures=()
rows=()
for size in "${sizes[@]}"; do
    scores_per_mentee=""
    dims="$size"
    if [[ "$size" == scores-* ]]; then
        dims="${size#scores-}"
        scores_per_mentee="${dims##*x}"
        dims="${dims%x*}"
    fi
    mentees="${dims%x*}"
    mentors="${dims#*x}"
    runs="$runs_default"
    [[ "$size" == 10000x3000 || "$size" == 50000x15000 || -n "$scores_per_mentee" ]] && runs=1
    # Targets: wall seconds and peak MiB (empty = none).
    max_wall=""; max_mib=""
    case "$size" in
        1000x300) max_wall=1 ;;
        5000x1500) max_wall=10 ;;
        10000x3000) max_wall=60; max_mib=2048 ;;
        50000x15000) max_mib=8192 ;;
    esac
    # The default 60 s time limit stops the solve of the largest round (it needs more than
    # 10 minutes to a proof on 2 cores); LARGE_TIME_LIMIT=SECONDS (with RUN_TIMEOUT above it)
    # lets it run to the proof.
    limit=()
    [[ "$size" == 50000x15000 && -n "${LARGE_TIME_LIMIT:-}" ]] && limit=(--time-limit "$LARGE_TIME_LIMIT")

    input="$work/$size/in"
    log "== $size: generating (seed $seed) …"
    "$kapstok" generate --mentees "$mentees" --mentors "$mentors" --seed "$seed" --out "$input" >/dev/null
    extra=(--constraints "$input/constraints.csv" --history "$input/history.csv")
    if [[ -n "$scores_per_mentee" ]]; then
        log "   writing scores.csv ($scores_per_mentee candidates per mentee) …"
        # Mentor ids from mentors.csv (first column), then K distinct random mentors per mentee.
        awk -F, -v k="$scores_per_mentee" -v seed="$seed" '
            FNR == 1 { next }
            FILENAME ~ /mentors.csv$/ { mentor[m++] = $1; next }
            { mentee[n++] = $1 }
            END {
                srand(seed); print "mentee_id,mentor_id,score"
                for (i = 0; i < n; i++) {
                    delete taken
                    for (c = 0; c < k && c < m; c++) {
                        do { j = int(rand() * m) } while (j in taken)
                        taken[j] = 1
                        printf "%s,%s,%.2f\n", mentee[i], mentor[j], rand() * 100
                    }
                }
            }' "$input/mentors.csv" "$input/mentees.csv" >"$input/scores.csv"
        extra=(--scores "$input/scores.csv")
    fi

    walls=(); mibs=(); solves=(); statuses=(); allowed=""; candidates=""; matched=""
    for ((r = 1; r <= runs; r++)); do
        out="$work/$size/out-$r"
        rm -rf "$out"
        status=0
        measured=$(measure "$work/$size/match-$r.log" "$kapstok" match \
            --mentors "$input/mentors.csv" --mentees "$input/mentees.csv" "${extra[@]}" "${limit[@]}" \
            --out "$out") || status=$?
        read -r wall kib <<<"$measured"
        mib=$(awk -v k="$kib" 'BEGIN { printf "%.0f", k / 1024 }')
        summary="$out/summary.json"
        if [[ $status -ne 0 || ! -f "$summary" ]]; then
            log "   run $r: kapstok match exited $status after ${wall} s (log: $work/$size/match-$r.log)"
            sed 's/^/   | /' "$work/$size/match-$r.log" | tail -n 20 >&2 || true
            failures+=("$size run $r: kapstok match exited $status")
            statuses+=("exit-$status"); walls+=("$wall"); mibs+=("$mib")
            continue
        fi
        st=$(field "$summary" status)
        solve=$(field "$summary" solve_seconds)
        allowed=$(field "$summary" allowed_pairs)
        candidates=$(field "$summary" candidates)
        matched=$(field "$summary" matched)
        log "   run $r: ${wall} s wall, ${mib} MiB peak, status $st, solve_seconds $solve"
        statuses+=("$st"); walls+=("$wall"); mibs+=("$mib"); solves+=("$solve")
        [[ "$st" == optimal || ( "$st" == time_limit && "$size" == 50000x15000 && -z "${LARGE_TIME_LIMIT:-}" ) ]] \
            || failures+=("$size run $r: status $st, not optimal")
        if [[ -n "$max_wall" ]] && awk -v w="$wall" -v m="$max_wall" 'BEGIN { exit !(w > m) }'; then
            failures+=("$size run $r: wall ${wall} s over the ${max_wall} s target")
        fi
        if [[ -n "$max_mib" ]] && (( kib > max_mib * 1024 )); then
            failures+=("$size run $r: peak ${mib} MiB over the ${max_mib} MiB target")
        fi
    done

    wall_median=$(echo "${walls[*]}" | median %.2f)
    wall_text="$wall_median"
    (( runs > 1 )) && wall_text="$wall_median (runs: $(echo "${walls[*]}" | sed 's/ /, /g'))"
    mib_max=$(echo "${mibs[*]}" | tr ' ' '\n' | sort -n | tail -n 1)
    solve_text="—"
    (( ${#solves[@]} > 0 )) && solve_text=$(echo "${solves[*]}" | median %.3f)
    status_text=$(printf '%s\n' "${statuses[@]}" | sort -u | paste -sd/ -)
    target="—"
    if [[ -n "$max_wall" || -n "$max_mib" ]]; then
        target="≤ ${max_wall:-∞} s"
        [[ -n "$max_mib" ]] && target="$target, ≤ $((max_mib / 1024)) GiB"
        wall_over=$(printf '%s\n' "${failures[@]:-}" | grep -c "^$size run .* s target" || true)
        mem_over=$(printf '%s\n' "${failures[@]:-}" | grep -c "^$size run .* MiB target" || true)
        if (( wall_over + mem_over == 0 )); then
            target="$target: met"
        else
            target="$target: **OVER**"
            (( wall_over > 0 )) && target="$target time in $wall_over of $runs"
            (( wall_over > 0 && mem_over > 0 )) && target="$target,"
            (( mem_over > 0 )) && target="$target memory in $mem_over of $runs"
        fi
    fi
    label="${mentees} × ${mentors}"
    [[ -n "$scores_per_mentee" ]] && label="$label, scores.csv with $scores_per_mentee per mentee"
    rows+=("| ${label} | ${allowed:-—} | ${candidates:-—} | ${status_text} | ${matched:-—} | ${wall_text} | ${mib_max} | ${solve_text} | ${target} |")
done

echo
echo "kapstok match, seed $seed, $(nproc) cores; wall time is the median of the runs listed (CSV in → files out); peak memory is the largest peak RSS of the runs; solve_seconds is the median from summary.json."
echo
echo "| size (mentees × mentors) | allowed pairs | candidates | status | matched | wall time (s) | peak memory (MiB) | solve_seconds | target |"
echo "|---|---:|---:|---|---:|---|---:|---:|---|"
printf '%s\n' "${rows[@]}"
echo
finish "All runs optimal and within the targets."
