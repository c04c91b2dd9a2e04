#!/usr/bin/env bash
# Workspace benchmarks of issue 7: whole release `kapstok` commands on a generated program
# workspace, timed as a coordinator would see them.
#
#   bash Benchmarks/workspace.sh                      # 1,000 and 5,000 mentees
#   MENTEES=5000 SKIP_BUILD=1 bash Benchmarks/workspace.sh
#
# For each size N (mentees; mentors N/3) it runs `kapstok generate --mentees N --mentors N/3
# --workspace` (a program halfway through: 3 goals, 3 milestones, 8 sessions and 6 check-ins per
# mentee, so 5,000 mentees give 15,000 goals, 40,000 sessions and 30,000 check-ins), then times:
#   - `kapstok import --mentors --mentees` of the generated people files (N mentees and N/3
#     mentors) into a new workspace;
#   - `kapstok report` in every format (md, csv, json, html) as of the program's middle;
#   - `kapstok agenda --mentee` for five mentees;
#   - `kapstok session log --held` of five planned sessions (goals discussed, notes, ratings).
# Wall times come from bash's EPOCHREALTIME around each command (milliseconds); agenda and session
# log are the median of their five runs. Peak RSS of the html report is read with GNU time.
# It prints a markdown table on stdout (progress on stderr) and exits 1 when a target is missed at
# 5,000 mentees: report ≤ 2 s (each format), agenda ≤ 50 ms, session log ≤ 50 ms, import ≤ 1 s.
#
# Environment: MENTEES (default "1000 5000"), SEED (default 1), SKIP_BUILD=1, KEEP=1, RUN_TIMEOUT.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes=(${MENTEES:-1000 5000})
seed="${SEED:-1}"
run_timeout="${RUN_TIMEOUT:-600}"
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
work_prefix=workspace
# shellcheck source=common.sh
source "$root/Benchmarks/common.sh"

# Runs "$@" (output to $work/last.log) and prints its wall time in milliseconds; fails on a
# non-zero exit.
millis() {
    local start end
    start=$EPOCHREALTIME
    if ! timeout "$run_timeout" "$@" >"$work/last.log" 2>&1; then
        log "error: $* failed:"; cat "$work/last.log" >&2; exit 1
    fi
    end=$EPOCHREALTIME
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%d\n", (e - s) * 1000 + 0.5 }'
}

failures=()
check() { # name value limit size
    if (( $4 == 5000 )) && (( $2 > $3 )); then failures+=("$1 at $4 mentees: $2 ms > $3 ms"); fi
}

echo "| mentees | goals | sessions | check-ins | generate (s) | import people (ms) | report md / csv / json / html (ms) | html peak RSS (MiB) | agenda (ms, median of 5) | session log (ms, median of 5) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
    m=$(( n / 3 > 0 ? n / 3 : 1 ))
    ws="$work/ws-$n"
    log "generating a workspace of $n mentees …"
    generate_ms=$(millis "$kapstok" generate --mentees "$n" --mentors "$m" --seed "$seed" --workspace "$ws")
    summary=$(cat "$work/last.log")
    goals=$(sed -n 's/.* \([0-9]*\) goals,.*/\1/p' <<<"$summary")
    sessions=$(sed -n 's/.* \([0-9]*\) sessions,.*/\1/p' <<<"$summary")
    checkins=$(sed -n 's/.* \([0-9]*\) check-ins,.*/\1/p' <<<"$summary")
    today=$(sed -n 's/.*as of \([0-9-]*\).*/\1/p' <<<"$summary")

    # Import: the same people as CSV files, into a new workspace.
    "$kapstok" generate --mentees "$n" --mentors "$m" --seed "$seed" --out "$work/people-$n" >/dev/null
    "$kapstok" init "$work/import-$n" --name "import $n" >/dev/null
    import_ms=$(millis "$kapstok" import --workspace "$work/import-$n" \
        --mentors "$work/people-$n/mentors.csv" --mentees "$work/people-$n/mentees.csv")
    check "import" "$import_ms" 1000 "$n"

    reports=()
    for format in md csv json html; do
        ms=$(millis "$kapstok" report --workspace "$ws" --format "$format" --today "$today" --out "$work/report-$n.$format")
        check "report --format $format" "$ms" 2000 "$n"
        reports+=("$ms")
    done
    rss_kib=$(measure "$work/rss.log" "$kapstok" report --workspace "$ws" --format html --today "$today" --out "$work/rss.html" | cut -d' ' -f2)

    agendas=()
    for mentee in E0001 E0002 E0003 E0004 E0005; do
        agendas+=("$(millis "$kapstok" agenda --workspace "$ws" --mentee "$mentee" --today "$today")")
    done
    agenda_ms=$(echo "${agendas[*]}" | median "%d")
    check "agenda" "$agenda_ms" 50 "$n"

    # Five planned sessions after the middle, each logged held with a goal of its pair.
    "$kapstok" export sessions --workspace "$ws" --out "$work/sessions-$n.csv"
    "$kapstok" export goals --workspace "$ws" --out "$work/goals-$n.csv"
    logs=()
    while IFS=, read -r id mentee; do
        goal=$(awk -F, -v e="$mentee" '$2 == e { print $1; exit }' "$work/goals-$n.csv")
        logs+=("$(millis "$kapstok" session log "$id" --workspace "$ws" --held --goals "$goal" \
            --mentee-rating 4 --mentor-rating 5 --notes "benchmark session")")
    done < <(awk -F, 'NR > 1 && $7 == "planned" { print $1 "," $2 }' "$work/sessions-$n.csv" | head -n 5)
    log_ms=$(echo "${logs[*]}" | median "%d")
    check "session log" "$log_ms" 50 "$n"

    printf '| %s | %s | %s | %s | %.1f | %s | %s | %d | %s | %s |\n' "$n" "$goals" "$sessions" "$checkins" \
        "$(awk -v t="$generate_ms" 'BEGIN { print t / 1000 }')" "$import_ms" "$(IFS=/; echo "${reports[*]}" | sed 's#/# / #g')" \
        "$(( rss_kib / 1024 ))" "$agenda_ms" "$log_ms"
done
echo
echo "Load average at start: $load_at_start; at end: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores)."
finish "All targets met at 5,000 mentees: report ≤ 2 s, agenda ≤ 50 ms, session log ≤ 50 ms, import ≤ 1 s."
