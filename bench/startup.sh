#!/usr/bin/env bash
# Start-up figures of the flowscope launcher: median wall time of `flowscope --version` and of
# `flowscope process esrrf --backend cpu` on a simulated 10 x 128 x 128 stack, and for the latter the time from the
# command to the first work (when the eSRRF frame kernel's class is loaded, from -Xlog:class+load) and the work
# itself (as the command reports it). Runs of several launchers are interleaved, so that a busy machine slows all
# of them alike.
#
#   bench/startup.sh [-n RUNS] [LAUNCHER ...]      (default: this checkout's ./flowscope, 11 runs)
#
# A launcher is a `flowscope` script (a checkout's, or an older build's kept elsewhere for a before/after figure).
# Pass FLOWSCOPE_JAVA_OPTS as usual; this script adds only the class-load log.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
runs=11
if [ "${1:-}" = "-n" ]; then runs=$2; shift 2; fi
launchers=("$@")
[ ${#launchers[@]} -eq 0 ] && launchers=("$ROOT/flowscope")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${launchers[0]}" simulate --frames 10 --size 128x128 --out "$work/stack.tif" --seed 3 >/dev/null

now_ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%s", (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

declare -A version first total compute cpu
cpu_of() { awk '{printf "%d", ($1 + $2) * 1000}' "$1"; }
for i in $(seq 0 "$runs"); do
    for k in "${!launchers[@]}"; do
        l=${launchers[$k]}
        t0=$(now_ms); "$l" --version >/dev/null 2>&1; t1=$(now_ms)
        command -v /usr/bin/time >/dev/null && /usr/bin/time -o "$work/cpu" -f "%U %S" "$l" --version >/dev/null 2>&1
        log="$work/classes-$k.log"; rm -f "$log" "$work/out-$k.tif"
        t2=$(now_ms)
        out=$(FLOWSCOPE_JAVA_OPTS="${FLOWSCOPE_JAVA_OPTS:--Xmx4g} -Xlog:class+load:file=$log:timemillis" \
            "$l" process esrrf --input "$work/stack.tif" --output "$work/out-$k.tif" --backend cpu 2>&1)
        t3=$(now_ms)
        fw=$(grep -m1 'EsrrfFrameKernel ' "$log" | sed 's/^\[\([0-9]*\)ms\].*/\1/')
        sec=$(echo "$out" | grep -o '[0-9.]* s)$' | tr -d ' s)')
        [ "$i" -eq 0 ] && continue # warm-up (page cache, archives)
        [ -f "$work/cpu" ] && cpu[$k]+="$(cpu_of "$work/cpu") "
        version[$k]+="$((t1 - t0)) "; total[$k]+="$((t3 - t2)) "; first[$k]+="$((fw - t2)) "; compute[$k]+="${sec:-nan} "
    done
done
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $runs runs each"
for k in "${!launchers[@]}"; do
    # shellcheck disable=SC2086
    printf '%s\n  --version %s ms (CPU %s ms) | esrrf 10x128x128 --backend cpu: total %s ms, first work %s ms, work %s s\n' \
        "${launchers[$k]}" "$(median ${version[$k]})" "$(median ${cpu[$k]:-0})" "$(median ${total[$k]})" "$(median ${first[$k]})" \
        "$(median ${compute[$k]})"
done
