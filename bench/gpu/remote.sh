#!/usr/bin/env bash
# Runs on the GPU machine (see run.sh): installs the OpenCL ICD loader under /tmp, registers NVIDIA's OpenCL
# driver, then runs every line of steps.txt with the bundled runtime, each with its own time limit and log.
# Everything lands in $OUT: summary.txt, results.tgz and the PNG plots (the tool returns at most 8 files).
set -uo pipefail
B=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-/tmp/flowscope-out}
W=/tmp/flowscope-results
rm -rf "$W" && mkdir -p "$W/logs" "$OUT"
export HOME="$W/home"   # the engine's history (~/.flowscope/engine) is then part of the results
mkdir -p "$HOME"

mkdir -p /tmp/ocl
for d in "$B"/debs/*.deb; do dpkg -x "$d" /tmp/ocl; done
export LD_LIBRARY_PATH="/tmp/ocl/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
if ldconfig -p | grep -q libnvidia-opencl.so.1; then
    mkdir -p /etc/OpenCL/vendors
    [ -f /etc/OpenCL/vendors/nvidia.icd ] || echo "libnvidia-opencl.so.1" > /etc/OpenCL/vendors/nvidia.icd
fi

# a fixed, pre-touched heap: otherwise the first calls of a fresh JVM pay page faults on every new output array
# (seen here: 6000x6000 CUDA calls at 120 ms in a fresh JVM against 55 ms once the heap was touched)
HEAP_MB=4096
export B HEAP_MB
# libjsig keeps the JVM's signal handlers first when native GPU libraries install their own (a JVM whose SIGSEGV
# handler is replaced dies on its own safepoint polls; seen here after the first PTX JIT); children inherit it
export LD_PRELOAD="$B/jre/lib/libjsig.so"
# live-* steps hold frame pools and results of up to 10240^2 pixels (x5 of 2048^2): a larger heap, not pre-touched
LIVE_HEAP_MB=${LIVE_HEAP_MB:-24576}
export LIVE_HEAP_MB   # the steps run in child shells (bash -c): unexported, their live JVMs got -Xmxm
jvm() {
    local heap=("-Xms${HEAP_MB}m" "-Xmx${HEAP_MB}m" -XX:+AlwaysPreTouch)
    [ "${STEP_NAME:-}" != "${STEP_NAME#live-}" ] && heap=("-Xmx${LIVE_HEAP_MB}m")
    "$B/jre/bin/java" "${heap[@]}" --add-modules jdk.incubator.vector -Djava.awt.headless=true "-Duser.home=$HOME" \
        "-XX:ErrorFile=$RESULTS/logs/hs_err_%p.log" "$@"; }
# flowscope (the user CLI, from the app jar in lib/) and flowscope-bench (the benchmarks module's harnesses)
fs() { jvm -cp "$B/lib/*" org.flowscope.app.FlowscopeCli "$@"; }
fsb() { jvm -jar "$B/flowscope-bench.jar" "$@"; }
export -f jvm fs fsb
export RESULTS="$W"

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv,noheader 2>&1
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) x $(nproc)"
} > "$W/summary.txt"
cat "$W/summary.txt"

# steps.txt: NAME | TIME LIMIT (s) | flowscope|flowscope-bench arguments ($RESULTS expands); '#' comments.
# The device tool stops a command after 10 minutes: steps are cut short or skipped so that everything is packed
# into $OUT by DEADLINE seconds after the start. STEPS=FILE picks another list, ONLY=NAME,NAME a subset.
DEADLINE=${DEADLINE:-540}
T0=$(date +%s)
while IFS='|' read -r name limit args; do
    name=$(echo "$name" | sed 's/^ *//; s/ *$//')
    [ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
    # ONLY=a,b,c runs just those steps (in the file's order): a short device session picks what it needs first
    [ -n "${ONLY:-}" ] && [[ ",$ONLY," != *",$name,"* ]] && continue
    limit=$(echo "$limit" | tr -d ' ')
    left=$(( DEADLINE - ($(date +%s) - T0) ))
    if [ "$left" -lt 20 ]; then
        printf '%-34s skipped: no time left before the deadline\n' "$name" | tee -a "$W/steps.txt"
        continue
    fi
    [ "$limit" -gt "$left" ] && limit=$left
    args=$(eval echo "$args")
    prog=${args%% *}
    args=${args#"$prog"}
    case "$prog" in
        flowscope) fn=fs ;;
        flowscope-bench) fn=fsb ;;
        *)
            printf '%-34s skipped: the command must start with flowscope or flowscope-bench, got %s\n' "$name" "$prog" \
                | tee -a "$W/steps.txt"
            continue ;;
    esac
    start=$(date +%s)
    # shellcheck disable=SC2086
    # GPU utilisation every 100 ms while the step runs (mean and share of samples above 0 in the step line)
    smi=""
    if command -v nvidia-smi >/dev/null 2>&1; then
        nvidia-smi --query-gpu=timestamp,utilization.gpu,utilization.memory,memory.used --format=csv,noheader,nounits \
            -lms 100 > "$W/logs/$name.gpu.csv" 2>/dev/null &
        smi=$!
    fi
    STEP_NAME="$name" timeout --kill-after=10 "$limit" bash -c "$fn $args" > "$W/logs/$name.log" 2>&1
    rc=$?
    gpu=""
    if [ -n "$smi" ]; then
        kill "$smi" 2>/dev/null; wait "$smi" 2>/dev/null
        gpu=$(awk -F', *' 'NF >= 2 { n++; s += $2; if ($2 > 0) a++ } END { if (n) printf "gpu %.0f%% mean, busy in %.0f%% of %d samples", s / n, 100 * a / n, n }' "$W/logs/$name.gpu.csv")
    fi
    # results of the larger live runs (a 10240^2 float frame is 400 MB) stay out of the returned archive
    find "$W" -name '*.tif' -size +20M -print -delete >> "$W/logs/$name.log" 2>/dev/null
    line=$(printf '%-34s rc=%-3s %4ss  %s%s%s' "$name" "$rc" "$(( $(date +%s) - start ))" "$prog" "$args" "${gpu:+  [$gpu]}")
    echo "$line" | tee -a "$W/steps.txt"
done < "${STEPS:-$B/steps.txt}"

# the tail of each log without stack-trace lines, then the step table last, so the reply's tail shows the figures
for f in "$W"/logs/*.log; do
    { echo; echo "---- $(basename "$f")"; grep -v -E '^\s+at |^\s*\.\.\. [0-9]+ more|^---|^Caused by|^Stack trace|UnsatisfiedLinkError|^Operating system|^Architecture' "$f" | tail -n 25; } >> "$W/summary.txt"
done
{ echo; echo "== steps"; cat "$W/steps.txt"; } >> "$W/summary.txt"
cp "$W/summary.txt" "$OUT/summary.txt"
n=0
for p in "$W"/*/plot.png; do
    [ -f "$p" ] || continue
    n=$((n + 1)); [ "$n" -le 5 ] && cp "$p" "$OUT/$(basename "$(dirname "$p")").png"
done
tar czf "$OUT/results.tgz" --exclude=./home/.cache -C "$W" .
tail -n 60 "$W/summary.txt"
