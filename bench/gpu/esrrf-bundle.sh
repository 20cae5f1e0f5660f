#!/usr/bin/env bash
# Builds the eSRRF GPU-proof bundle into /work/main/.bundle-esrrf (git-ignored) and prints the device-tool call.
#
#   bench/gpu/esrrf-bundle.sh [BUNDLE_DIR]
#
# Bundle: jlinked runtime (jre/), flowscope-bench.jar (the benchmarks module) and its runtime dependencies, the app
# among them, without JCuda's 24 MB PTX-compiler library (lib/), the OpenCL ICD loader packages (debs/) and
# esrrf-remote.sh. It must stay under 64 MiB.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEST=${1:-/work/main/.bundle-esrrf}
NAME=$(basename "$DEST")
cd "$ROOT"
rm -rf "$DEST"
mkdir -p "$DEST/lib" "$DEST/debs"
mvn -q -B -o -pl benchmarks -am package -DskipTests
# benchmarks/target/flowscope-bench.jar names its dependencies in benchmarks/target/lib through its manifest class path
cp benchmarks/target/flowscope-bench.jar "$DEST/"
cp benchmarks/target/lib/*.jar "$DEST/lib/"
for j in "$DEST"/lib/jcuda-natives-*.jar; do
    zip -q -d "$j" '*JNvPTXCompiler*' >/dev/null 2>&1 || true
done
jlink --add-modules java.base,java.logging,jdk.unsupported,java.management,jdk.management,java.xml,java.naming \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$DEST/jre"
(cd "$DEST/debs" && apt-get download ocl-icd-libopencl1 >/dev/null)
cp bench/gpu/esrrf-remote.sh "$DEST/remote.sh"
du -sh "$DEST"
SIZE=$(du -sm "$DEST" | cut -f1)
[ "$SIZE" -lt 62 ] || { echo "bundle is ${SIZE} MB: over the device tool's limit" >&2; exit 1; }
echo "run(kind=\"nvidia-h100-x1\", timeout_s=600, carry=[\"$NAME\"], command=\"bash $NAME/remote.sh\")"
