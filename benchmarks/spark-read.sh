#!/usr/bin/env bash
# spark-read.sh - a Spark read of one big file from smb:// against the same read from a local path,
# side by side in one run (BENCHMARKS.md, "Spark on smb://"). Run from anywhere as root (or with
# libuid-wrapper, see docker/README.md):
#
#   benchmarks/spark-read.sh [--rounds N] [--mib N] [--master local[K]]
#
# Starts a private smbd whose share lives under /dev/shm, puts the file (64-byte lines, default
# 1 GiB) into the share's directory and a copy into a local directory beside it (tmpfs both: no
# disk in the figures, the same memory behind each), then runs smb-hadoop's SparkReadBenchmark:
# spark.read().text(path).count() on each, after one unmeasured warm-up read each, rounds
# alternating which source goes first; it prints medians, ranges and the load average. Spark and
# Hadoop stay test-scope in smb-hadoop, so the benchmark runs through Maven (offline; the first
# run builds the modules smb-hadoop depends on).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds=3 mib=1024 master='local[2]'
while [[ $# -gt 0 ]]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --mib) mib=$2; shift 2 ;;
    --master) master=$2; shift 2 ;;
    *) echo "usage: $0 [--rounds N] [--mib N] [--master local[K]]" >&2; exit 2 ;;
  esac
done
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
state=/dev/shm/smbco-spark-read-$$
info=$(SMBCO_VARIANT=default docker/samba-setup.sh local start "$state/smbd")
trap 'docker/samba-setup.sh local stop "$state/smbd" >/dev/null 2>&1 || true; rm -rf "$state"' EXIT
port=$(sed -n 's/^PORT=//p' <<<"$info")
share_dir=$state/smbd/shares/share
mkdir -p "$state/local"
# 64-byte lines (63 characters and a newline), $mib MiB of them
{ yes "$(printf 'x%.0s' $(seq 1 63))" || true; } | head -c $((mib * 1024 * 1024)) >"$state/local/big.txt" # yes ends on SIGPIPE
cp "$state/local/big.txt" "$share_dir/big.txt"
chown "$(stat -c %U "$share_dir")" "$share_dir/big.txt"
echo "private smbd (Samba $(smbd --version | sed 's/Version //')) on 127.0.0.1:$port; $(nproc) CPUs; JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
log=$state/mvn.log
if ! SMBCO_BENCH_SMB="smb://127.0.0.1:$port/share/big.txt" SMBCO_BENCH_LOCAL="file://$state/local/big.txt" \
     SMBCO_BENCH_ROUNDS=$rounds SMBCO_BENCH_MASTER=$master \
     SMBCO_BENCH_USER=test SMBCO_BENCH_PASSWORD=test-password SMBCO_BENCH_DOMAIN=WORKGROUP \
     mvn -B -o -pl smb-hadoop -am verify -Dtest=SparkReadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
         -Djacoco.skip=true >"$log" 2>&1; then
  tail -60 "$log" >&2
  echo "spark-read: the benchmark failed (above: the end of Maven's log)" >&2
  exit 1
fi
# the table the benchmark printed (surefire passes the test's stdout through)
sed -n '/^Spark SQL text()/,/^load average/p' "$log"
