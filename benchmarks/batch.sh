#!/usr/bin/env bash
# batch.sh - two builds of smbco side by side on small files (BENCHMARKS.md, "Batching"): one
# private smbd, one run, the builds alternating round by round, each round a fresh JVM running
# SmallFilesHarness (one unmeasured warm-up round, then one measured) against the library in
# that build's benchmarks.jar. Prints the medians of files/s, of the CPU time per file of the
# client JVM and of smbd, and of the client's write system calls per file (socket writes and the
# event loop's wake-ups). Run as root (or with libuid-wrapper, see docker/README.md):
#
#   benchmarks/batch.sh BEFORE.jar AFTER.jar [--rounds 3] [SmallFilesHarness options]
#
# BEFORE.jar and AFTER.jar are benchmarks/target/benchmarks.jar of the two builds (copy the
# first away before building the second). The harness classes come from this checkout's
# benchmarks/target/classes (copied at the start), ahead of each jar on the class path, so both builds run the same
# harness. Defaults: 2,000 files, plain and signed, 1 and 64 coroutines, create, stat, delete.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[[ $# -ge 2 ]] || { sed -n '2,13p' "$0" >&2; exit 2; }
before=$(realpath "$1") after=$(realpath "$2")
shift 2
rounds=3
args=()
while [[ $# -gt 0 ]]; do
  if [[ $1 == --rounds ]]; then rounds=$2; shift 2; else args+=("$1"); shift; fi
done
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
classes=benchmarks/target/classes
[[ -f $classes/dev/smbco/bench/SmallFilesHarness.class ]] || { echo "batch.sh: build benchmarks first" >&2; exit 3; }
state=/dev/shm/smbco-batch-smbd-$$
out=$(mktemp /tmp/smbco-batch-XXXXXX.log)
harness=$(mktemp -d /tmp/smbco-batch-harness-XXXXXX)
cp -r "$classes/." "$harness" # a rebuild during the run must not change the harness
info=$(SMBCO_VARIANT=default docker/samba-setup.sh local start "$state")
trap 'docker/samba-setup.sh local stop "$state" >/dev/null 2>&1 || true; rm -rf "$state" "$harness"' EXIT
port=$(sed -n 's/^PORT=//p' <<<"$info")
pid=$(sed -n 's/^PID=//p' <<<"$info")
echo "private smbd (Samba $(smbd --version | sed 's/Version //')) on 127.0.0.1:$port (pid $pid); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results: $out"
for ((r = 1; r <= rounds; r++)); do
  order=(before after)
  ((r % 2 == 0)) && order=(after before)
  for label in "${order[@]}"; do
    jar=$before
    [[ $label == after ]] && jar=$after
    "$java" -cp "$harness:$jar" dev.smbco.bench.SmallFilesHarness --host 127.0.0.1 --port "$port" \
        --domain WORKGROUP --user test --password test-password --smbd-pid "$pid" --label "$label" \
        --rounds 1 --warmup 1 --coroutines 1,64 --modes plain,signed --compounding on --workloads create,stat,delete \
        "${args[@]}" | grep '^RESULT' | sed "s/round=1/round=$r/" | tee -a "$out"
  done
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" <<'PY'
import re, sys, statistics
rows = {}
for line in open(sys.argv[1]):
    f = dict(kv.split('=', 1) for kv in line.split()[1:])
    key = (f['mode'], f['compounding'], int(f['coroutines']), f['workload'])
    n = int(f['files'])
    rows.setdefault(key, {}).setdefault(f['label'], []).append(
        (float(f['rate']), float(f['client_cpu_ms']) * 1000 / n, float(f['smbd_cpu_ms']) * 1000 / n, float(f['load']),
         float(f.get('client_writes', 0)) / n))
def med(xs): return statistics.median(xs)
print("| mode | coroutines | workload | files/s before | files/s after | after/before | client CPU us/file before -> after | smbd CPU us/file before -> after | client write calls/file |")
print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
for key in sorted(rows):
    b, a = rows[key].get('before', []), rows[key].get('after', [])
    if not b or not a:
        continue
    rb, ra = med([x[0] for x in b]), med([x[0] for x in a])
    rng = lambda xs: "%d-%d" % (min(x[0] for x in xs), max(x[0] for x in xs))
    sc = lambda i: "%.2f -> %.2f" % (med([x[i] for x in b]), med([x[i] for x in a]))
    print("| %s | %d | %s | %.0f (%s) | %.0f (%s) | %.2fx | %.0f -> %.0f | %.0f -> %.0f | %s |" % (
        key[0], key[2], key[3], rb, rng(b), ra, rng(a), ra / rb,
        med([x[1] for x in b]), med([x[1] for x in a]), med([x[2] for x in b]), med([x[2] for x in a]), sc(4)))
PY
