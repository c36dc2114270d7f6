#!/usr/bin/env bash
# low-credits.sh - smbco against smbclient on a frugal server: a private smbd with
# "smb2 max credits = N" (default 64), 1 GiB up and down, plain / signed / encrypted, rounds
# alternating between the library (ThroughputHarness), smbclient and the smbco command line.
# Both clients are bound by the same credit window there, so the rate measures how well each
# keeps it full. Run from the repository root as root (or with libuid-wrapper, see docker/README.md):
#
#   benchmarks/low-credits.sh [CREDITS] [extra ThroughputHarness options, e.g. --rounds 5 --mib 256]
#
# Needs the harness jar (mvn -B -o -pl benchmarks -am package -DskipTests) and builds the CLI
# through ./smbco on first use. Everything lives under /dev/shm (tmpfs: no disk in the figures).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
credits=${1:-64}
[[ $# -gt 0 ]] && shift
state=/dev/shm/smbco-credits-$credits-$$
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
./smbco --help >/dev/null # builds the CLI jar now, not inside the first timed round
info=$(SMBCO_VARIANT=default SMBCO_MAX_CREDITS=$credits docker/samba-setup.sh local start "$state")
trap 'docker/samba-setup.sh local stop "$state" >/dev/null 2>&1 || true; rm -rf "$state"' EXIT
port=$(sed -n 's/^PORT=//p' <<<"$info")
echo "smbd with smb2 max credits = $credits on 127.0.0.1:$port"
"$java" -cp benchmarks/target/benchmarks.jar dev.smbco.bench.ThroughputHarness \
    --host 127.0.0.1 --port "$port" --domain WORKGROUP --user test --password test-password \
    --modes plain,sign,encrypt --rounds 3 --dir /dev/shm --cli ./smbco "$@"
