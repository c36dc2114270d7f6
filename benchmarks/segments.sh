#!/usr/bin/env bash
# segments.sh - how many TCP segments small-file workloads cost, per build (BENCHMARKS.md,
# "Batching"): for each benchmarks.jar given, SmallFilesHarness runs 2,000 x (create, stat,
# delete) with 64 coroutines on one connection to one private smbd, plain and signed, while
# tshark captures the loopback; prints the segments that carried data each way. Unlike the
# rates, the counts hardly depend on the machine's load. Run as root, with tshark installed:
#
#   benchmarks/segments.sh BEFORE.jar AFTER.jar [more jars]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[[ $# -ge 1 ]] || { sed -n '2,9p' "$0" >&2; exit 2; }
command -v tshark >/dev/null || { echo "segments.sh: tshark not found" >&2; exit 3; }
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
classes=benchmarks/target/classes
[[ -f $classes/dev/smbco/bench/SmallFilesHarness.class ]] || { echo "segments.sh: build benchmarks first" >&2; exit 3; }
state=/dev/shm/smbco-segments-smbd-$$
work=$(mktemp -d /tmp/smbco-segments-XXXXXX)
cp -r "$classes/." "$work/harness"
info=$(SMBCO_VARIANT=default docker/samba-setup.sh local start "$state")
trap 'docker/samba-setup.sh local stop "$state" >/dev/null 2>&1 || true; rm -rf "$state" "$work"' EXIT
port=$(sed -n 's/^PORT=//p' <<<"$info")
echo "| mode | build | segments client -> smbd | segments smbd -> client | files/s create, stat, delete |"
echo "|---|---|---:|---:|---|"
for mode in plain signed; do
  for jar in "$@"; do
    tshark -q -i lo -f "tcp port $port" -w "$work/cap.pcap" 2>/dev/null &
    capture=$!
    sleep 2 # tshark needs a moment before it captures
    rates=$("$java" -cp "$work/harness:$(realpath "$jar")" dev.smbco.bench.SmallFilesHarness --port "$port" --files 2000 \
        --rounds 1 --warmup 0 --coroutines 64 --modes "$mode" --compounding on --workloads create,stat,delete 2>/dev/null \
        | sed -n 's/^RESULT.* rate=\([0-9]*\) .*/\1/p' | paste -sd, -)
    sleep 1
    kill "$capture"
    wait "$capture" 2>/dev/null || true
    up=$(tshark -r "$work/cap.pcap" -Y "tcp.dstport == $port && tcp.len > 0" 2>/dev/null | wc -l)
    down=$(tshark -r "$work/cap.pcap" -Y "tcp.srcport == $port && tcp.len > 0" 2>/dev/null | wc -l)
    echo "| $mode | $(basename "$jar") | $up | $down | $rates |"
  done
done
