#!/usr/bin/env bash
# Scheduling benchmarks of issue 6: the release `kapstok schedule` and `kapstok replan` on
# generated programs, timed as a user would see them, with the greedy baseline on the same input.
#
#   bash Benchmarks/schedule.sh                         # seeds 1 and 2: 1,000 and 10,000 pairs, and the re-plan
#   SEEDS=1 PAIRS=1000 bash Benchmarks/schedule.sh      # one seed, the small program (and its re-plan)
#   SKIP_BUILD=1 KEEP=1 bash Benchmarks/schedule.sh     # reuse the builds, keep the files
#
# For each seed and size it runs `kapstok generate --pairs N --seed S` (26 weeks from
# 2027-02-01, 8 sessions 3–6 weeks apart, see ScheduleGenerator.benchmarkProgram) into a
# temporary folder, then `kapstok schedule` with pairings.csv, availability.csv, absences.csv and
# kapstok.toml into a fresh folder, timed with /usr/bin/time (wall seconds, peak RSS). For the
# 1,000-pair program it then re-plans after one mentor's four-week absence: the mentor with the
# most mentees (the first in pairings.csv on a tie) gets one more absences.csv row from
# REPLAN_FROM (default 2027-03-29, 8 weeks into the program) for 28 days, and
# `kapstok replan --sessions <the schedule's sessions.csv> --today REPLAN_FROM` runs on it.
# Every run also gives the folder to the ScheduleGreedy executable of the Benchmarks package
# (GreedyScheduler, "first free slot in order"), for its pairs complete on the same input.
#
# It prints a markdown table on stdout (progress goes to stderr) and exits 1 if a run fails or
# misses a target:
#   1,000 pairs ≤ 10 s; 10,000 pairs ≤ 60 s and ≤ 2 GiB; re-plan ≤ 1 s (wall time, peak RSS);
#   the re-plan moves, cancels or adds no session of any other mentor (every row of its
#   changes.csv has that mentor's mentor_id) and changes at least one; kapstok completes at least
#   as many pairs as the greedy.
#
# Environment: SEEDS (default "1 2"), PAIRS (default "1000 10000"; the re-plan runs for 1000),
# REPLAN_FROM (default 2027-03-29), SKIP_BUILD=1 (reuse both release builds), KEEP=1 (keep the
# temporary folder), RUN_TIMEOUT (seconds per run, default 600), NO_GNU_TIME=1 (use the /proc
# fallback). Needs bash, coreutils, awk, sed and GNU time, as end-to-end.sh (see common.sh).
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seeds=(${SEEDS:-1 2})
sizes=(${PAIRS:-1000 10000})
replan_from="${REPLAN_FROM:-2027-03-29}"
replan_days=28
run_timeout="${RUN_TIMEOUT:-600}"

load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
work_prefix=schedule
# shellcheck source=common.sh
source "$root/Benchmarks/common.sh"

# --- the greedy baseline (Benchmarks package) ------------------------------------------------
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building ScheduleGreedy (release) in $root/Benchmarks …"
    (cd "$root" && swift build --package-path Benchmarks -c release --product ScheduleGreedy >&2)
fi
greedy="$(cd "$root" && swift build --package-path Benchmarks -c release --show-bin-path)/ScheduleGreedy"
[[ -x "$greedy" ]] || { log "error: $greedy not found; run without SKIP_BUILD=1"; exit 2; }

# `key value` lines of ScheduleGreedy: the value of key $2 in file $1.
greedy_value() { awk -v k="$2" '$1 == k { print $2 }' "$1"; }

# The column named $2 of every data row of the CSV file $1, as written (quotes kept). Quoted
# cells may hold commas (changes.csv's `why`), not line breaks.
csv_column() {
    awk -v name="$2" '
        function split_row(line, cells,    n, i, ch, quoted, cell) {
            n = 0; cell = ""; quoted = 0
            for (i = 1; i <= length(line); i++) {
                ch = substr(line, i, 1)
                if (ch == "\"") quoted = !quoted
                if (ch == "," && !quoted) { cells[++n] = cell; cell = "" } else cell = cell ch
            }
            cells[++n] = cell
            return n
        }
        { sub(/\r$/, "") }
        NR == 1 { n = split_row($0, header); for (i = 1; i <= n; i++) if (header[i] == name) c = i; next }
        c { split_row($0, cells); print cells[c] }' "$1"
}

# The date $2 days after the date $1.
date_plus() { date -u -d "$1 + $2 days" +%F; }

failures=()
rows=()

# check_target LABEL WALL KIB MAX_WALL MAX_MIB: adds failures, sets `target` (the table cell).
# (Functions that add failures run in this shell, never in $(…).)
check_target() {
    local label="$1" wall="$2" kib="$3" max_wall="$4" max_mib="$5" text over=()
    text="≤ ${max_wall} s"
    [[ -n "$max_mib" ]] && text="$text, ≤ $((max_mib / 1024)) GiB"
    if awk -v w="$wall" -v m="$max_wall" 'BEGIN { exit !(w > m) }'; then
        failures+=("$label: wall ${wall} s over the ${max_wall} s target"); over+=(time)
    fi
    if [[ -n "$max_mib" ]] && (( kib > max_mib * 1024 )); then
        failures+=("$label: peak $((kib / 1024)) MiB over the ${max_mib} MiB target"); over+=(memory)
    fi
    if (( ${#over[@]} == 0 )); then target="$text: met"; else target="$text: **OVER** (${over[*]})"; fi
}

# run_greedy LABEL FOLDER: runs ScheduleGreedy; sets greedy_complete and greedy_sessions ("—" on failure).
run_greedy() {
    local label="$1" folder="$2" log_file="$2/greedy.txt"
    greedy_complete="—"; greedy_sessions="—"
    if ! "$greedy" "$folder" >"$log_file" 2>&1; then
        failures+=("$label: ScheduleGreedy failed (log: $log_file)")
        return
    fi
    greedy_complete=$(greedy_value "$log_file" pairs_complete)
    greedy_sessions=$(greedy_value "$log_file" sessions_placed)
}

# timed_run COMMAND LABEL LOG RESULT_FILE GREEDY_FOLDER ARGS…: runs `kapstok COMMAND ARGS…` with
# measure (setting wall, kib and mib) and the greedy on GREEDY_FOLDER; when the command fails or
# RESULT_FILE is missing, adds the failure and a table row and returns 1.
timed_run() {
    local command="$1" label="$2" log_file="$3" result_file="$4" greedy_folder="$5" status=0 measured
    shift 5
    measured=$(measure "$log_file" "$kapstok" "$command" "$@") || status=$?
    read -r wall kib <<<"$measured"
    mib=$(( kib / 1024 ))
    run_greedy "$label" "$greedy_folder"
    [[ $status -ne 0 || ! -f "$result_file" ]] || return 0
    log "   kapstok $command exited $status after ${wall} s (log: $log_file)"
    sed 's/^/   | /' "$log_file" | tail -n 20 >&2 || true
    failures+=("$label: kapstok $command exited $status")
    rows+=("| $command | $seed | $pairs | $wall | $mib | — | — | — | — | $greedy_complete / $pairs ($greedy_sessions sessions) | exit $status |")
    return 1
}

# The figures of schedule.json $1: "pairs complete placed missing groups optimal status", where
# optimal is "N / groups", with the unchanged groups of a re-plan after it.
schedule_figures() {
    local unchanged optimal
    unchanged=$(field "$1" groups_unchanged)
    optimal="$(field "$1" groups_optimal)_/_$(field "$1" groups)"
    [[ "${unchanged:-0}" == 0 ]] || optimal="${optimal}_(${unchanged}_unchanged)"
    echo "$(field "$1" pairs) $(field "$1" complete) $(field "$1" sessions_placed) $(field "$1" sessions_missing)" \
        "$optimal $(field "$1" status)"
}

for seed in "${seeds[@]}"; do
    for pairs in "${sizes[@]}"; do
        label="seed $seed, $pairs pairs"
        max_wall=""; max_mib=""
        case "$pairs" in
            1000) max_wall=10 ;;
            10000) max_wall=60; max_mib=2048 ;;
        esac
        dir="$work/seed-$seed/$pairs"
        input="$dir/in"
        log "== $label: generating …"
        "$kapstok" generate --pairs "$pairs" --seed "$seed" --out "$input" >/dev/null
        files=(--pairings "$input/pairings.csv" --availability "$input/availability.csv"
            --absences "$input/absences.csv" --config "$input/kapstok.toml")

        log "   kapstok schedule …"
        out="$dir/schedule"
        timed_run schedule "$label" "$dir/schedule.log" "$out/schedule.json" "$input" \
            "${files[@]}" --today 2027-01-15 --out "$out" || continue
        read -r n complete placed missing optimal st <<<"$(schedule_figures "$out/schedule.json")"
        log "   ${wall} s wall, ${mib} MiB peak; $complete of $n complete, $placed sessions placed, groups optimal ${optimal//_/ } ($st); greedy: $greedy_complete complete"
        target="—"
        [[ -z "$max_wall" ]] || check_target "$label" "$wall" "$kib" "$max_wall" "$max_mib"
        if [[ "$greedy_complete" =~ ^[0-9]+$ ]] && (( complete < greedy_complete )); then
            failures+=("$label: $complete pairs complete, fewer than the greedy's $greedy_complete")
        fi
        rows+=("| schedule | $seed | $pairs | $wall | $mib | $complete / $n | $placed / $((placed + missing)) | ${optimal//_/ } | $st | $greedy_complete / $pairs ($greedy_sessions sessions) | $target |")

        [[ "$pairs" == 1000 ]] || continue

        # --- re-plan after one mentor's four-week absence ------------------------------------
        label="seed $seed, re-plan of $pairs pairs"
        replan_in="$dir/replan-in"
        mkdir -p "$replan_in"
        cp "$input/pairings.csv" "$input/availability.csv" "$input/kapstok.toml" "$replan_in/"
        # The mentor with the most mentees; the first in file order on a tie.
        mentor=$(csv_column "$input/pairings.csv" mentor_id | awk '
            { if (!($1 in n)) order[++k] = $1; n[$1]++ }
            END { best = ""; for (i = 1; i <= k; i++) if (best == "" || n[order[i]] > n[best]) best = order[i]; print best }')
        mentees_of_mentor=$(csv_column "$input/pairings.csv" mentor_id | grep -cx "$mentor")
        absent_to=$(date_plus "$replan_from" $((replan_days - 1)))
        { cat "$input/absences.csv"; echo "$mentor,$replan_from,$absent_to,leave"; } >"$replan_in/absences.csv"
        log "== $label: $mentor ($mentees_of_mentor mentees) absent $replan_from to $absent_to …"
        # In place, as the coordinator runs it (--sessions round/sessions.csv --out round/), on a
        # copy of the schedule's folder so that the schedule stays for inspection.
        replan_out="$dir/replan"
        cp -a "$out" "$replan_out"
        timed_run replan "$label" "$dir/replan.log" "$replan_out/changes.csv" "$replan_in" \
            --sessions "$replan_out/sessions.csv" --pairings "$replan_in/pairings.csv" \
            --availability "$replan_in/availability.csv" --absences "$replan_in/absences.csv" \
            --config "$replan_in/kapstok.toml" --today "$replan_from" --out "$replan_out" || continue
        read -r n complete placed missing optimal st <<<"$(schedule_figures "$replan_out/schedule.json")"
        changed=$(csv_column "$replan_out/changes.csv" mentor_id | wc -l)
        others=$(csv_column "$replan_out/changes.csv" mentor_id | grep -cvx "$mentor" || true)
        kinds=$(csv_column "$replan_out/changes.csv" change | sort | uniq -c | awk '{ printf "%s%s %s", sep, $1, $2; sep = ", " }')
        log "   ${wall} s wall, ${mib} MiB peak; changes: ${kinds:-none}; rows of other mentors: $others"
        check_target "$label" "$wall" "$kib" 1 ""
        if (( others > 0 )); then
            failures+=("$label: $others rows of changes.csv belong to other mentors than $mentor")
            target="$target; **$others changes of other mentors**"
        else
            target="$target; no other mentor's session changed: met"
        fi
        (( changed > 0 )) || failures+=("$label: changes.csv is empty; the absence moved nothing")
        rows+=("| re-plan: $mentor ($mentees_of_mentor mentees) away $replan_from + 4 weeks; changes: ${kinds:-none} | $seed | $pairs | $wall | $mib | $complete / $n | $placed / $((placed + missing)) | ${optimal//_/ } | $st | $greedy_complete / $pairs ($greedy_sessions sessions) | $target |")
    done
done

echo
echo "kapstok schedule and replan, $(nproc) cores, load average $load_at_start at the start and $(cut -d' ' -f1-3 /proc/loadavg) at the end; wall time and peak RSS per run (CSV in → files out); figures from schedule.json; greedy = GreedyScheduler on the same input (for the re-plan: the whole program, scheduled from scratch with the absence)."
echo
echo "| run | seed | pairs | wall (s) | peak (MiB) | pairs complete | sessions placed | groups optimal | status | greedy: pairs complete | target |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|"
printf '%s\n' "${rows[@]}"
echo
finish "All runs within the targets."
