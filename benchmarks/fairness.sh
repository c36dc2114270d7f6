#!/usr/bin/env bash
# fairness.sh - a 1 GiB download and 2,000 small files written on the same smbco connection: each
# alone and both together, side by side in one run, on one private smbd (BENCHMARKS.md, "Fairness").
# Run from anywhere as root (or with libuid-wrapper, see docker/README.md):
#
#   benchmarks/fairness.sh [FairnessHarness options, e.g. --rounds 5 --coroutines 1,64 --mib 1024]
#
# Needs the harness jar (mvn -B -o -pl benchmarks -am package -DskipTests). The share and the
# downloaded file live under /dev/shm (tmpfs: no disk in the figures). SMBCO_MAX_CREDITS=N runs
# the server with "smb2 max credits = N".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
state=/dev/shm/smbco-fair-smbd-$$
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
info=$(SMBCO_VARIANT=default docker/samba-setup.sh local start "$state")
trap 'docker/samba-setup.sh local stop "$state" >/dev/null 2>&1 || true; rm -rf "$state"' EXIT
port=$(sed -n 's/^PORT=//p' <<<"$info")
echo "private smbd (Samba $(smbd --version | sed 's/Version //')) on 127.0.0.1:$port${SMBCO_MAX_CREDITS:+, smb2 max credits = $SMBCO_MAX_CREDITS}; $(nproc) CPUs; JDK $("$java" -version 2>&1 | head -1)"
"$java" -cp benchmarks/target/benchmarks.jar dev.smbco.bench.FairnessHarness \
    --host 127.0.0.1 --port "$port" --domain WORKGROUP --user test --password test-password \
    --dir /dev/shm "$@"
