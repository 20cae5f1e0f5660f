#!/usr/bin/env bash
# flowscope batch on Spark local[2] against a plain loop of `flowscope process esrrf` calls, on the same inputs.
#
#   bench/spark-batch.sh [N] [FRAMES] [SIZE] [MAGNIFICATION] [DIR]      (defaults: 20 200 256 5 /tmp/flowscope-spark-bench)
#
# Both sides run on the CPU (--backend cpu: the engine picks among the CPU implementations), history in memory.
# One acquisition is simulated and copied N times (the work per acquisition is the same; simulating 20 is slower
# than the benchmark). One time point
# per acquisition (process esrrf's default). The loop starts one JVM per acquisition, as a shell loop of process calls
# does; batch starts one JVM and one Spark context for all of them. Prints per-acquisition seconds (the loop: each
# call's wall time; batch: each acquisition's submit-to-run.json time from batch.json) and both totals.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-20}"; frames="${2:-200}"; size="${3:-256}"; mag="${4:-5}"; dir="${5:-/tmp/flowscope-spark-bench}"
rm -rf "$dir" && mkdir -p "$dir/data" "$dir/loop"
"$root/flowscope" simulate --frames "$frames" --size "${size}x${size}" --seed 7 --out "$dir/sim.tif" >/dev/null
for i in $(seq -w 1 "$n"); do cp "$dir/sim.tif" "$dir/data/acq$i.tif"; done
FLOWSCOPE_NO_BUILD=1 "$root/flowscope" batch --help >/dev/null 2>&1 || "$root/flowscope" batch --help >/dev/null

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%FT%TZ); $n acquisitions of $frames x ${size}x${size}, eSRRF x$mag"

t0=$(date +%s.%N)
FLOWSCOPE_NO_BUILD=1 "$root/flowscope" batch --inputs "$dir/data/*.tif" --op esrrf --magnification "$mag" --no-history --backend cpu \
    --master 'local[2]' --out "$dir/batch" --json > "$dir/batch-result.json" 2> "$dir/batch.log"
t1=$(date +%s.%N)
batch_total=$(echo "$t1 - $t0" | bc)

: > "$dir/loop-times.txt"
l0=$(date +%s.%N)
for f in "$dir"/data/*.tif; do
    s=$(date +%s.%N)
    FLOWSCOPE_NO_BUILD=1 "$root/flowscope" process esrrf --input "$f" --output "$dir/loop/$(basename "$f")" \
        --magnification "$mag" --no-history --backend cpu >/dev/null 2>&1
    e=$(date +%s.%N)
    echo "$e - $s" | bc >> "$dir/loop-times.txt"
done
l1=$(date +%s.%N)
loop_total=$(echo "$l1 - $l0" | bc)

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
batch_median=$(python3 -c "import json,sys; print('\n'.join(str(e['seconds']) for e in json.load(open('$dir/batch/batch.json'))['entries']))" | median)
impls=$(python3 -c "import json; print(sorted({i for e in json.load(open('$dir/batch/batch.json'))['entries'] for i in (e.get('implementations') or [])}))")
echo "batch local[2]: total ${batch_total} s, median per acquisition (submit to run.json, overlapping) ${batch_median} s; ran on $impls"
echo "loop of process: total ${loop_total} s, median per call (JVM start included) $(median < "$dir/loop-times.txt") s"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
