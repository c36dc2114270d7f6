#!/usr/bin/env bash
# fresh-machine-test.sh - the README's quick start on a machine where nothing was prepared for it.
#
# Each step runs in a new podman container from the bare Debian bookworm root file system that
# scripts/test-env.sh builds with debootstrap (localhost/debian:bookworm-slim: no Samba, no JDK, no
# Maven), with this machine's JDK, Maven and ~/.m2 mounted read-only (~/.m2 as a throwaway overlay,
# Maven offline), and a copy of the repository's files (tracked and new, no target/, no .smbco/):
#
#   1. no network:  ./smbco demo  -> apt cannot install Samba: exit 3, one line saying what is
#                                    missing and how to get it, no Samba installed, no smbd running
#   2. not root:    ./smbco demo  -> exit 3, one line with the command that would set it up
#   3. as root:     ./smbco demo  -> installs Samba itself (Debian's mirror), exit 0, every file
#                                    identical; then ./run-tests -o -pl smb-protocol on that same
#                                    machine, as a smoke test of the second command (with
#                                    SMBCO_SKIP_CONTAINERS=1: podman inside podman is not the point)
#
# Needs root, podman and the base image (built by `bash scripts/test-env.sh` when missing).
# Prints "fresh-machine-test: N passed, 0 failed" and exits 0 when all steps hold. The CLI is
# built once in step 1 (offline) and reused by the later steps through the shared copy.
# Knobs: SMBCO_FRESH_KEEP=1 keeps the work directory (logs of each step) for a look afterwards.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
IMAGE=${SMBCO_FRESH_IMAGE:-localhost/debian:bookworm-slim}
PASSED=0 FAILED=0

say() { echo "fresh-machine-test: $*" >&2; }
die() { say "$*"; exit 1; }

[[ $(id -u) == 0 ]] || die "needs root (podman with overlay mounts); run as root"
command -v podman >/dev/null 2>&1 || die "podman is not installed; bash scripts/test-env.sh sets it up"
# shellcheck source=samba-env
source "$REPO/scripts/samba-env"
JDK=$(smbco_find_jdk) || die "no JDK >= 21 on this machine to mount into the container"
command -v mvn >/dev/null 2>&1 || die "no Maven on this machine to mount into the container"
MVN_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v mvn)")")")
M2=${HOME}/.m2
[[ -d $M2/repository ]] || die "$M2/repository is missing; build once on this machine first (./run-tests)"
if ! podman image exists "$IMAGE"; then
  say "the base image $IMAGE is missing; building it with scripts/test-env.sh"
  bash "$REPO/scripts/test-env.sh" || die "scripts/test-env.sh could not build $IMAGE"
fi
podman image exists "$IMAGE" || die "no base image $IMAGE"

WORK=$(mktemp -d /var/tmp/smbco-fresh.XXXXXX)
cleanup() {
  if [[ -n ${SMBCO_FRESH_KEEP:-} ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# the repository as a fresh clone has it, plus uncommitted changes and new files
mkdir -p "$WORK/repo"
(cd "$REPO" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [[ -e $f ]] && printf '%s\0' "$f"
done | tar --null -T - -c) | tar -x -C "$WORK/repo"
chmod 0755 "$WORK" "$WORK/repo"
# Maven offline: only ~/.m2 counts, as on a machine that built this once; nothing is downloaded
cat >"$WORK/settings.xml" <<'XML'
<settings><offline>true</offline></settings>
XML
chmod 0644 "$WORK/settings.xml"

# The JDK and Maven as installed software: read-only, on PATH. Debian's Maven keeps its jars as
# links into /usr/share/java and its conf in /etc/maven, so those come along.
MOUNTS=(-v "$JDK:$JDK:ro" -v "$MVN_HOME:$MVN_HOME:ro" -v "$WORK/repo:/src/smbco")
[[ -d /usr/share/java ]] && MOUNTS+=(-v /usr/share/java:/usr/share/java:ro)
[[ -d /etc/maven ]] && MOUNTS+=(-v /etc/maven:/etc/maven:ro)
# ~/.m2 as an overlay: reads come from the host's, writes (resolver bookkeeping) are thrown away
MOUNTS+=(-v "$M2:/root/.m2:O" -v "$WORK/settings.xml:/root/.m2/settings.xml:ro")
ENVS=(-e "PATH=$JDK/bin:$MVN_HOME/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" -e HOME=/root -e CI)

# run_step NAME PODMAN-OPTIONS... -- SCRIPT: runs SCRIPT with bash in a new container; its output
# goes to WORK/NAME.log; sets STEP_RC and STEP_LOG
run_step() {
  local name=$1 opts=()
  shift
  while [[ $1 != -- ]]; do opts+=("$1"); shift; done
  shift
  STEP_LOG=$WORK/$name.log
  say "step $name..."
  STEP_RC=0
  local t0=$SECONDS
  podman run --rm --pull=never "${MOUNTS[@]}" "${ENVS[@]}" "${opts[@]}" -w /src/smbco "$IMAGE" \
    bash -c "$1" >"$STEP_LOG" 2>&1 </dev/null || STEP_RC=$?
  say "step $name: $((SECONDS - t0)) s"
}

check() { # DESCRIPTION COMMAND... -> counts and reports it
  local what=$1
  shift
  if "$@"; then
    PASSED=$((PASSED + 1))
  else
    FAILED=$((FAILED + 1))
    say "FAILED: $what"
  fi
}

log_has() { grep -qE -- "$1" "$STEP_LOG"; }
log_lacks() { ! grep -qE -- "$1" "$STEP_LOG"; }
rc_is() { [[ $STEP_RC == "$1" ]]; }
show_log() { sed 's/^/    | /' "$STEP_LOG" | tail -n "${1:-40}" >&2; }

# What every step prints after the demo: whether Samba got installed, and any process named smbd
# or samba-dcerpcd (no ps in minbase: /proc)
PROBE='echo; echo "demo-rc=$rc"
dpkg-query -W -f="dpkg-samba=\${db:Status-Abbrev}\n" samba 2>/dev/null || echo "dpkg-samba=none"
for c in /proc/[0-9]*/comm; do read -r n <"$c" 2>/dev/null || continue
  case $n in smbd|samba-dcerpcd|rpcd_*|nmbd) echo "left-running=$n";; esac; done'

# 1. no network: the CLI builds offline, then apt-get update fails
# (then once more without apt-get at all, as on a system that is no Debian)
run_step no-network --network=none -- "rc=0; ./smbco demo --files 5 --big-size 1M || rc=\$?; $PROBE
  rm -f /usr/bin/apt-get; nrc=0; ./smbco demo --files 5 --big-size 1M || nrc=\$?; echo \"no-apt-rc=\$nrc\""
check "no network: demo exits 3" log_has '^demo-rc=3$'
check "no network: one line naming what is missing, why apt failed and how to get it" \
  log_has "^smbco: demo: Samba \\(smbd\\) is not installed and no container engine answers, and apt-get could not install samba samba-vfs-modules \\(Failed to fetch: [^;]+; full output in /src/smbco/.smbco/apt.log\\); install them by hand .*apt-get install samba samba-vfs-modules"
check "no apt-get: demo exits 3" log_has '^no-apt-rc=3$'
check "no apt-get: one line saying so and how to get Samba" \
  log_has '^smbco: demo: Samba \(smbd\) is not installed and no container engine answers, and this is no Debian/Ubuntu system \(no apt-get\) to install samba samba-vfs-modules on; install Samba with'
check "no network: the apt line on stderr before it" log_has '^smbco demo: installing samba samba-vfs-modules \(apt-get; '
check "no network: Samba not installed" log_has '^dpkg-samba=(none|un )'
check "no network: nothing left running" log_lacks '^left-running='
check "no network: no stack trace" log_lacks 'Exception|^\s+at '
((FAILED == 0)) || show_log

# 2. not root: the one command that would set it up
F=$FAILED
run_step not-root --network=none --user 65534:65534 -e HOME=/tmp -- "rc=0; ./smbco demo --files 5 --big-size 1M || rc=\$?; $PROBE"
check "not root: demo exits 3" log_has '^demo-rc=3$'
check "not root: the sudo apt-get line" \
  log_has '^smbco: demo: Samba \(smbd\) is not installed and no container engine answers; set it up once with: sudo apt-get install samba samba-vfs-modules libuid-wrapper libnss-wrapper$'
check "not root: no install attempted" log_lacks 'installing'
check "not root: nothing left running" log_lacks '^left-running='
((FAILED == F)) || show_log

# 3. root with Debian's mirror: demo first (it installs Samba), then the test command's smoke test
F=$FAILED
run_step fresh-root -- "rc=0; ./smbco demo --files 40 --big-size 32M || rc=\$?; $PROBE
  trc=0; SMBCO_SKIP_CONTAINERS=1 ./run-tests -o -pl smb-protocol || trc=\$?; printf \"\\\\ntests-rc=%s\\\\n\" \$trc"
check "fresh root: demo exits 0" log_has '^demo-rc=0$'
check "fresh root: one line saying what it installs and why" \
  log_has '^smbco demo: installing samba samba-vfs-modules \(apt-get; Samba \(smbd\) is not installed and no container engine answers; output in /src/smbco/\.smbco/apt\.log\)$'
check "fresh root: every file came back identical" log_has '^  verified: ([0-9]+) of \1 files identical \(SHA-256\)$'
check "fresh root: demo OK" log_has '^smbco demo: OK$'
check "fresh root: the demo's smbd is gone after it" log_lacks '^left-running=(smbd|samba-dcerpcd|rpcd_)'
check "fresh root: ./run-tests -pl smb-protocol passes" log_has '^tests-rc=0$'
check "fresh root: tests ran" log_has 'Tests run: [1-9][0-9]*, Failures: 0, Errors: 0'
((FAILED == F)) || show_log 80

echo "fresh-machine-test: $PASSED passed, $FAILED failed"
((FAILED == 0))
