#!/usr/bin/env bash
# Runs on the GPU machine: OpenCL ICD loader under /tmp, NVIDIA's OpenCL driver registered, then the eSRRF device
# proof (parity of OpenCL/CUDA with the Java reference, timings at 128..2048 px, x5, r 1.5, windows of 100 frames).
# Arguments are passed to EsrrfDeviceProof: sizes frames reps cpuFrames.
set -uo pipefail
B=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-/tmp/esrrf-out}
mkdir -p "$OUT" /tmp/ocl
for d in "$B"/debs/*.deb; do dpkg -x "$d" /tmp/ocl; done
export LD_LIBRARY_PATH="/tmp/ocl/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
mkdir -p /etc/OpenCL/vendors
[ -f /etc/OpenCL/vendors/nvidia.icd ] || echo "libnvidia-opencl.so.1" > /etc/OpenCL/vendors/nvidia.icd
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv,noheader 2>&1
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) x $(nproc)"
} | tee "$OUT/esrrf-proof.txt"
# one JVM per step, so that a driver crash in one leaves the others' results (crash logs land in $OUT)
# CLASS: org.flowscope.benchmarks.cli.FlowscopeBench (flowscope-bench) or org.flowscope.app.FlowscopeCli (flowscope)
fs() { "$B/jre/bin/java" -Xmx48g -XX:ErrorFile="$OUT/hs_err_%p.log" -cp "$B/flowscope-bench.jar:$B/lib/*" "$@"; }
run_step() {
    local limit=$1; shift
    echo "== $*" | tee -a "$OUT/esrrf-proof.txt"
    timeout --kill-after=10 "$limit" bash -c "$(declare -f fs); B=$B OUT=$OUT fs $*" 2>&1 | grep -v '^SLF4J' \
        | tee -a "$OUT/esrrf-proof.txt"
    echo "== exit ${PIPESTATUS[0]}" | tee -a "$OUT/esrrf-proof.txt"
}
BENCH=org.flowscope.benchmarks.cli.FlowscopeBench
run_step 120 $BENCH esrrf-proof --backends cuda --cuda-kernels plain --sizes 128,512,1024,2048 --frames 100 --reps 3
run_step 80 $BENCH esrrf-proof --backends cuda --cuda-kernels pixel --no-cpu --sizes 128,512,1024,2048 --frames 100
run_step 80 $BENCH esrrf-proof --backends cuda --cuda-kernels tiled --no-cpu --sizes 128,512,1024,2048 --frames 100
run_step 120 $BENCH esrrf-proof --backends opencl-gpu --sizes 128,512,1024,2048 --frames 100 --reps 3
run_step 120 org.flowscope.app.FlowscopeCli engine conformance esrrf --kernels 1-10
