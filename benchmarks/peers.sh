#!/usr/bin/env bash
# peers.sh - smbco side by side with smbj, jcifs-ng and smbclient (and the smbco command line
# against smbclient for tree copies) on one private smbd, in one run (BENCHMARKS.md, "Peers").
# Run from anywhere as root (or with libuid-wrapper, see docker/README.md):
#
#   benchmarks/peers.sh [PeersHarness options, e.g. --rounds 5 --files 2000 --peers smbco,smbj]
#
# Needs the harness jar (mvn -B -o -pl benchmarks -am package -DskipTests) and builds the CLI
# through ./smbco on first use. The share and the local trees live under /dev/shm (tmpfs: no disk
# in the figures).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
state=/dev/shm/smbco-peers-smbd-$$
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
command -v smbclient >/dev/null || { echo "peers.sh: smbclient not found (scripts/test-env.sh installs it)" >&2; exit 3; }
./smbco --version >/dev/null # builds the CLI jar now, not inside the first timed round
info=$(SMBCO_VARIANT=default docker/samba-setup.sh local start "$state")
trap 'docker/samba-setup.sh local stop "$state" >/dev/null 2>&1 || true; rm -rf "$state"' EXIT
port=$(sed -n 's/^PORT=//p' <<<"$info")
smbd_pid=$(sed -n 's/^PID=//p' <<<"$info") # its process tree's CPU per operation: the CPU table
echo "private smbd (Samba $(smbd --version | sed 's/Version //')) on 127.0.0.1:$port; $(nproc) CPUs; JDK $("$java" -version 2>&1 | head -1)"
"$java" -cp benchmarks/target/benchmarks.jar dev.smbco.bench.peers.PeersHarness \
    --host 127.0.0.1 --port "$port" --domain WORKGROUP --user test --password test-password \
    --dir /dev/shm --cli ./smbco --smbd-pid "$smbd_pid" "$@"
