#!/usr/bin/env bash
# Builds the GPU-machine bundle and prints the device-tool call that runs it.
#
#   bench/gpu/run.sh [BUNDLE_DIR]      (default /work/main/.bundle-engine-ops)
#
# The bundle holds: a jlinked Java runtime (jre/), flowscope-bench.jar (the benchmarks module: contention, regret,
# esrrf-proof) and lib/ with every runtime dependency, the app (the user CLI, flowscope) among them (without JCuda's
# 24 MB libJNvPTXCompiler, which the driver API does not need), the OpenCL ICD loader packages (debs/), steps.txt (the
# list of commands to run) and remote.sh (what runs on the GPU machine). It must stay under the device tool's
# 64 MiB. The device tool ships the checkout it was started in (/work/main), so the bundle goes there, in a
# git-ignored folder, and is named in `carry`.
#
# To add benchmarks (e.g. eSRRF), append lines to bench/gpu/steps.txt; nothing else needs to change.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEST=${1:-/work/main/.bundle-engine-ops}
NAME=$(basename "$DEST")
cd "$ROOT"

echo "== building the benchmarks module, the app and their dependencies (offline)"
rm -rf "$DEST"
mkdir -p "$DEST/lib" "$DEST/debs"
mvn -q -B -o -pl benchmarks -am package -DskipTests
# benchmarks/target/flowscope-bench.jar names its dependencies in benchmarks/target/lib (the app's jar and all of
# the app's dependencies included) through its manifest class path; remote.sh runs flowscope from lib/ directly
cp benchmarks/target/flowscope-bench.jar "$DEST/"
cp benchmarks/target/lib/*.jar "$DEST/lib/"
# the PTX compiler library is only for runtime PTX compilation, which this project does not use
for j in "$DEST"/lib/jcuda-natives-*.jar; do
    zip -q -d "$j" '*JNvPTXCompiler*' >/dev/null 2>&1 || true
done

echo "== jlink runtime"
# jdk.incubator.vector: the vectorised CPU eSRRF (esrrf-stream.cpu-threaded on the host's 16 cores)
MODULES=java.base,java.logging,jdk.unsupported,java.management,jdk.management,java.xml,java.naming,java.desktop,jdk.httpserver,jdk.incubator.vector
jlink --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$DEST/jre"

echo "== OpenCL ICD loader packages"
(cd "$DEST/debs" && apt-get download ocl-icd-libopencl1 >/dev/null)

cp bench/gpu/remote.sh bench/gpu/steps*.txt "$DEST/"
chmod +x "$DEST/remote.sh"
du -sh "$DEST"/jre "$DEST"/lib "$DEST"/debs "$DEST"
# The tool counts the tracked tree (~12 MB of test references) plus what is carried against 64 MiB; the unpacked
# bundle (~64 MB with java.desktop, which ImageJ's TIFF code needs) does not fit, its xz archive (~43 MB) does.
PKG="$(dirname "$DEST")/.bundle-pkg"
rm -rf "$PKG" && mkdir -p "$PKG"
tar -C "$(dirname "$DEST")" -cf - "$NAME" | xz -T2 -6 > "$PKG/bundle.tar.xz"
SIZE=$(( $(stat -c %s "$PKG/bundle.tar.xz") / 1048576 ))
TREE=$(( $(git ls-files -z | xargs -0 stat -c %s | paste -sd+ | bc) / 1048576 ))
echo "package: ${SIZE} MB, tracked tree: ${TREE} MB"
if [ $((SIZE + TREE)) -ge 63 ]; then
    echo "package plus tree is $((SIZE + TREE)) MB: over the device tool's limit" >&2
    exit 1
fi
cat <<CALL

== device-tool call (from the lead's session or a helper allowed to use the GPU):
run(kind="nvidia-h200", timeout_s=600, carry=[".bundle-pkg"], command="tar -xJf .bundle-pkg/bundle.tar.xz -C . && bash $NAME/remote.sh")
Results come back under files_at: summary.txt, results.tgz (logs, CSVs, JSON, history stores) and the plots.
CALL
