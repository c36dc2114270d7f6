#!/usr/bin/env bash
# bench-cli.sh - the smbco command line against smbclient from a cold start, side by side on one
# private smbd, each command a fresh process as a script would run it (see BENCHMARKS.md, "Cold start").
#
#   scripts/bench-cli.sh [--rounds N] [--mib N] [--no-transfers] [--transfers-only] [--dir DIR]
#                        [--baseline DIR] [--no-nocache] [NAME='JAVA OPTIONS'...]
#   scripts/bench-cli.sh --breakdown [--aot|--no-aot]    where one cold `smbco ls` spends its time
#   scripts/bench-cli.sh --tree [--rounds N] [--files N] [--kib N] [--modes plain,signed,encrypted] [--baseline DIR]
#                        [NAME='JAVA OPTIONS'...]
#       issue #11's CLI target: a tree of N (default 2,000) files of K KiB (default 4) in directories
#       of 100, uploaded with a cold `smbco cp -r` and with smbclient's `prompt off; recurse on;
#       mput`, downloaded with `cp -r` and `mget`; each NAME='JAVA OPTIONS' adds an smbco client run
#       with those options in SMBCO_JAVA_OPTS (e.g. C1='-XX:TieredStopAtLevel=1'); besides wall and
#       client CPU, smbd's CPU per run (its parent's reaped children: one process per connection)
#   scripts/bench-cli.sh --compare [--rounds N] [--trace] NAME='JAVA OPTIONS' NAME2='JAVA OPTIONS' ...
#       start-up levers side by side: cold `ls` of a 2-entry directory and `stat` of a file, each
#       variant with the given extra JVM options and its own AOT cache trained with them;
#       NAME='@JAR OPTIONS' runs another build of the CLI (e.g. the previous commit's jar); --trace
#       runs them with -Dsmbco.trace.startup and adds the logon step (TCP + NEGOTIATE + SESSION_SETUP,
#       from "SmbClient created" to "logged on") to the table, the step the crypto levers act on
#
# --compare runs the rounds alternated (variant 1, 2, ..., then again) and prints the medians of
# wall and CPU time per variant; a lever that is a system property the code reads is measured by
# giving it as -Dname=value in one variant and not in the other.
#
# NAME='JAVA OPTIONS' (plain mode and --tree) adds smbco run with those options in SMBCO_JAVA_OPTS as a
# client of its own, e.g. C1='-XX:TieredStopAtLevel=1'.
# --baseline DIR adds another build of smbco as a client of its own, e.g. the previous main: DIR holds
# its launcher, pom.xml and smb-cli/target/smb-cli-*-all.jar (copied with cp -p, so that its launcher
# finds nothing to rebuild); it makes its own start-up cache under DIR. --no-nocache leaves out smbco
# without its cache; --transfers-only the ls/stat commands.
#
# Rounds alternate the clients (smbclient, smbco with its start-up cache, smbco without it), so a
# change in the machine's load hits all of them alike; the table shows medians and min-max of the
# wall time per command, and the load average before and after. Measured: ls and stat of a small
# directory / file, ls of a 2,000-entry directory, and get/put of a big file (default 1 GiB) in
# plain, signed (--signing required / client signing=required) and encrypted (--encrypt /
# --client-protection=encrypt) modes. Everything lives under /dev/shm (no disk in the figures).
# Needs smbd and smbclient (scripts/test-env.sh installs them); run from anywhere as root, or with
# libuid-wrapper (docker/README.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

rounds=3 mib=1024 transfers=yes metadata=yes breakdown=no aot=yes dir=/dev/shm baseline="" nocache=yes compare=no trace=no variants=()
tree=no files=2000 kib=4 modes=plain
while [[ $# -gt 0 ]]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --mib) mib=$2; shift 2 ;;
    --no-transfers) transfers=no; shift ;;
    --transfers-only) metadata=no; shift ;;
    --baseline) baseline=$(cd "$2" && pwd); shift 2 ;;
    --no-nocache) nocache=no; shift ;;
    --dir) dir=$2; shift 2 ;;
    --breakdown) breakdown=yes; shift ;;
    --aot) aot=yes; shift ;;
    --no-aot) aot=no; shift ;;
    --compare) compare=yes; shift ;;
    --tree) tree=yes; shift ;;
    --trace) trace=yes; shift ;;
    --files) files=$2; shift 2 ;;
    --kib) kib=$2; shift 2 ;;
    --modes) modes=$2; shift 2 ;;
    *=*) [[ $breakdown == no ]] || { echo "bench-cli: $1: no variants with --breakdown" >&2; exit 2; }
         variants+=("$1"); shift ;;
    *) echo "usage: $0 [--rounds N] [--mib N] [--no-transfers] [--transfers-only] [--dir DIR] [--baseline DIR] [--no-nocache]" \
         "| --breakdown [--aot|--no-aot] | --compare [--rounds N] [--trace] NAME='JAVA OPTIONS'..." \
         "| --tree [--rounds N] [--files N] [--kib N] [--modes M,...] [NAME='JAVA OPTIONS'...]" >&2; exit 2 ;;
  esac
done
command -v smbclient >/dev/null || { echo "bench-cli: smbclient not found (scripts/test-env.sh installs it)" >&2; exit 3; }

state=$dir/smbco-bench-cli-$$
work=$state/work
mkdir -p "$work"
info=$(docker/samba-setup.sh local start "$state/smbd")
smbd_pid=$(sed -n 's/^PID=//p' <<<"$info")
cleanup() { docker/samba-setup.sh local stop "$state/smbd" >/dev/null 2>&1 || true; rm -rf "$state"; }
trap cleanup EXIT
port=$(sed -n 's/^PORT=//p' <<<"$info")
share_dir=$state/smbd/shares/share
owner=$(stat -c %U "$share_dir")
export SMBCO_USER=test SMBCO_PASSWORD=test-password SMBCO_DOMAIN=WORKGROUP
url=smb://127.0.0.1:$port/share
auth=(-U 'WORKGROUP\test%test-password' -p "$port")

# The test data: a small directory, a 2,000-entry directory, a big file.
mkdir -p "$share_dir/small" "$share_dir/many"
echo hello >"$share_dir/small/a.txt"; echo world >"$share_dir/small/b.txt"
for i in $(seq 1 2000); do : >"$share_dir/many/entry-$i.txt"; done
chown -R "$owner" "$share_dir"

./smbco --version >/dev/null # builds the CLI now, not inside a timed run
ensure_cache() { # $1: the directory of the launcher (default: this checkout)
  # One command makes the launcher start its training; wait for the cache it writes (at most 5 min).
  local home=${1:-$ROOT} i
  SMBCO_AOT=on "$home/smbco" --version >/dev/null
  for i in $(seq 1 300); do
    compgen -G "$home/smb-cli/target/aot/smbco-*.[aj]*" | grep -qv '\.tmp' && return 0
    sleep 1
  done
  echo "bench-cli: the start-up cache did not appear; see $home/smb-cli/target/aot/training.log" >&2
  return 1
}

if [[ $breakdown == yes ]]; then
  [[ $aot == yes ]] && ensure_cache
  log=$state/class-load.log
  start=$(date +%s%N)
  SMBCO_AOT=$([[ $aot == yes ]] && echo on || echo off) \
    SMBCO_JAVA_OPTS="-Dsmbco.trace.startup=true -Xlog:class+load:file=$log:uptime -Xlog:startuptime:file=$state/startuptime.log:uptime" \
    ./smbco ls "$url/small/" >/dev/null 2>"$state/trace.txt"
  wall=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "cold 'smbco ls' of a 2-entry directory, start-up cache: $aot, wall ${wall} ms (launcher included), load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "milestones, ms since the launcher was started:"
  sed -n 's/^smbco-startup: //p' "$state/trace.txt" | sort -n -k1,1 |
    awk -v t0="$start" '{ms = $1 - t0 / 1e6; $1 = ""; printf "  %7.1f ms %s\n", ms, $0}'
  echo "  $(printf '%7d' "$wall").0 ms  process exited"
  awk '/Create VM/ {printf "JVM: Create VM %.0f ms\n", $(NF-1) * 1000}' "$state/startuptime.log"
  awk '{n++} /shared objects file/ {s++}
       / picocli\./ {p++} / io\.netty\./ {ne++} / com\.fasterxml\./ {j++} / jdk\.jfr\./ {f++} / org\.bouncycastle\./ {b++}
       END {printf "classes: %d loaded, %d from the CDS/AOT cache; picocli %d, netty %d, bouncycastle %d, jackson %d, jdk.jfr %d\n", n, s, p, ne, b, j, f}' "$log"
  exit 0
fi

# median and min-max of the numbers on stdin
stats() { sort -n | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.3f (%.3f-%.3f)", m, a[1], a[NR]}'; }
# runs "$@" (output discarded; a failure stops the benchmark) and prints "WALL CPU" in seconds,
# CPU = user + system time of the process and its children (the client's own work: on a loaded
# machine the steadier figure; the server's CPU is the same for both clients)
measure() {
  if ! /usr/bin/time -f '%e %U %S' -o "$state/time" "$@" >/dev/null 2>"$state/last.err"; then
    echo "bench-cli: failed: $*" >&2; cat "$state/last.err" >&2; exit 1
  fi
  awk '{printf "%.3f %.3f\n", $1, $2 + $3}' "$state/time"
}
# the command word of each client, for measure (which runs a program, not a function)
if [[ $compare == yes ]]; then
  (( ${#variants[@]} >= 1 )) || { echo "bench-cli: --compare needs at least one NAME='JAVA OPTIONS'" >&2; exit 2; }
  # a copy of the launcher and the jar: the benchmark keeps measuring the same build while the
  # sources change (the launcher of the copy finds no sources to rebuild from)
  snap=$state/snapshot
  mkdir -p "$snap/smb-cli/target"
  cp smbco "$snap/"; cp smb-cli/target/smb-cli-*-all.jar "$snap/smb-cli/target/"
  jar=$(ls "$snap"/smb-cli/target/smb-cli-*-all.jar)
  java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
  # the launcher's own options (./smbco), so that each cache matches the runs that use it
  base=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:+UseSerialGC -XX:-UsePerfData)
  declare -A vopts vt vc vl vsnap
  names=()
  for v in "${variants[@]}"; do
    name=${v%%=*}; names+=("$name"); vopts[$name]=${v#*=}
    # NAME=@JAR OPTIONS: this variant runs another build of the CLI (another jar, e.g. the previous
    # commit's), in a launcher copy of its own
    vsnap[$name]=$snap
    if [[ ${vopts[$name]} == @* ]]; then
      vjar=${vopts[$name]%% *}; vjar=${vjar#@}
      [[ ${vopts[$name]} == *" "* ]] && vopts[$name]=${vopts[$name]#* } || vopts[$name]=""
      vsnap[$name]=$state/snapshot-$name
      mkdir -p "${vsnap[$name]}/smb-cli/target"
      cp smbco "${vsnap[$name]}/"; cp "$vjar" "${vsnap[$name]}/smb-cli/target/$(basename "$jar")"
    fi
    # shellcheck disable=SC2086 # the options are a list of words
    "$java" "${base[@]}" ${vopts[$name]} -Xlog:aot*=off -Xlog:cds*=off -XX:AOTCacheOutput="$state/$name.aot" \
      -cp "$(ls "${vsnap[$name]}"/smb-cli/target/smb-cli-*-all.jar)" dev.smbco.cli.Training >"$state/$name.training.log" 2>&1 || true
    [[ -s $state/$name.aot ]] || { echo "bench-cli: no cache for $name:" >&2; tail -5 "$state/$name.training.log" >&2; exit 1; }
  done
  # --trace: every run also prints its startup milestones, and the table gets the logon step
  traceopt=""; [[ $trace == yes ]] && traceopt=-Dsmbco.trace.startup=true
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for r in $(seq 1 "$rounds"); do
    for name in "${names[@]}"; do
      run=(env SMBCO_AOT=off "SMBCO_JAVA_OPTS=-XX:AOTCache=$state/$name.aot -Xlog:aot*=off -Xlog:cds*=off $traceopt ${vopts[$name]}" "${vsnap[$name]}/smbco")
      for cmd in ls stat; do
        if [[ $cmd == ls ]]; then m=($(measure "${run[@]}" ls "$url/small/")); else m=($(measure "${run[@]}" stat "$url/small/a.txt")); fi
        vt[$cmd|$name]+="${m[0]} "; vc[$cmd|$name]+="${m[1]} "
        # the logon step from the startup trace (TCP, NEGOTIATE, SESSION_SETUP), ms: the step the
        # crypto levers act on, steadier than the whole process
        [[ $trace == yes ]] && vl[$cmd|$name]+="$(awk '/SmbClient created/ {c = $2} /logged on/ {l = $2} END {printf "%.1f", l - c}' "$state/last.err") "
      done
    done
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "$rounds alternated rounds; seconds, median (min-max)"
  printf "%-16s %-8s %-24s %-24s %-26s %s\n" variant command wall CPU "$([[ $trace == yes ]] && echo "logon step (ms)")" options
  for cmd in ls stat; do
    for name in "${names[@]}"; do
      printf "%-16s %-8s %-24s %-24s %-26s %s\n" "$name" "$cmd" "$(tr ' ' '\n' <<<"${vt[$cmd|$name]}" | grep . | stats)" \
        "$(tr ' ' '\n' <<<"${vc[$cmd|$name]}" | grep . | stats)" "$([[ $trace == yes ]] && tr ' ' '\n' <<<"${vl[$cmd|$name]}" | grep . | stats)" "${vopts[$name]}"
    done
  done
  exit 0
fi
if [[ $tree == yes ]]; then
  source scripts/bench-cli-tree.sh
  exit 0
fi
smbco_aot() { echo "env SMBCO_AOT=on ./smbco"; }
smbco_noaot() { echo "env SMBCO_AOT=off ./smbco"; }
smbco_base() { echo "env SMBCO_AOT=on $baseline/smbco"; }
ensure_cache
[[ -n $baseline ]] && ensure_cache "$baseline"
clients=(smbclient smbco_aot)
[[ $nocache == yes ]] && clients+=(smbco_noaot)
# NAME='JAVA OPTIONS': smbco with the cache and these options in SMBCO_JAVA_OPTS, through a wrapper
# script (measure runs a program, and the options may hold spaces)
declare -A title=([smbclient]=smbclient [smbco_aot]="smbco (AOT cache)" [smbco_noaot]="smbco (no cache)"
  [smbco_base]="baseline (AOT cache)")
declare -A short=([smbco_aot]=ratio [smbco_noaot]=no-cache [smbco_base]=baseline)
for v in "${variants[@]}"; do
  name=${v%%=*}
  printf '#!/bin/sh\nSMBCO_AOT=on SMBCO_JAVA_OPTS=%q exec %q "$@"\n' "${v#*=}" "$ROOT/smbco" >"$state/variant-$name"
  chmod +x "$state/variant-$name"
  eval "smbco_v_$name() { echo \"$state/variant-$name\"; }"
  clients+=("smbco_v_$name"); title[smbco_v_$name]=$name; short[smbco_v_$name]=$name
done
[[ -n $baseline ]] && clients+=(smbco_base)

declare -A times cpus
record() { local m; m=($2); times[$1]+="${m[0]} "; cpus[$1]+="${m[1]} "; }

if [[ $transfers == yes ]]; then
  head -c $((mib << 20)) /dev/urandom >"$work/big.bin"
  cp "$work/big.bin" "$share_dir/big.bin"; chown "$owner" "$share_dir/big.bin"
fi

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
  for client in "${clients[@]}"; do
    if [[ $metadata == no ]]; then
      :
    elif [[ $client == smbclient ]]; then
      record "ls small|$client" "$(measure smbclient "${auth[@]}" //127.0.0.1/share -c 'ls small\*')"
      record "stat file|$client" "$(measure smbclient "${auth[@]}" //127.0.0.1/share -c 'allinfo small\a.txt')"
      record "ls 2000|$client" "$(measure smbclient "${auth[@]}" //127.0.0.1/share -c 'ls many\*')"
    else
      record "ls small|$client" "$(measure $($client) ls "$url/small/")"
      record "stat file|$client" "$(measure $($client) stat "$url/small/a.txt")"
      record "ls 2000|$client" "$(measure $($client) ls "$url/many/")"
    fi
    [[ $transfers == yes ]] || continue
    for mode in plain signed encrypted; do
      case $mode in
        plain) sopt=(); copt=() ;;
        signed) sopt=(--signing required); copt=(--option='client signing=required') ;;
        encrypted) sopt=(--encrypt); copt=(--client-protection=encrypt) ;;
      esac
      rm -f "$work/down.bin" "$share_dir/up.bin"
      if [[ $client == smbclient ]]; then
        record "get $mode|$client" "$(measure smbclient "${auth[@]}" "${copt[@]}" //127.0.0.1/share -c "get big.bin $work/down.bin")"
        record "put $mode|$client" "$(measure smbclient "${auth[@]}" "${copt[@]}" //127.0.0.1/share -c "put $work/big.bin up.bin")"
      else
        record "get $mode|$client" "$(measure $($client) "${sopt[@]}" -q get "$url/big.bin" "$work/down.bin")"
        record "put $mode|$client" "$(measure $($client) "${sopt[@]}" -q put "$work/big.bin" "$url/up.bin")"
      fi
      cmp -s "$work/big.bin" "$work/down.bin" || { echo "bench-cli: $client get $mode: the copy differs" >&2; exit 1; }
    done
  done
  echo "round $r of $rounds done, load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

table() { # $1: times or cpus; columns: each client's median (min-max), then smbclient / each smbco
  local -n t=$1
  local row c line a m
  line=$(printf "%-15s" command)
  for c in "${clients[@]}"; do line+=$(printf " %-22s" "${title[$c]}"); done
  for c in "${clients[@]:1}"; do line+=$(printf " %-8s" "${short[$c]}"); done
  echo "$line"
  for row in "${rows[@]}"; do
    line=$(printf "%-15s" "$row")
    a=$(tr ' ' '\n' <<<"${t[$row|smbclient]}" | grep . | stats)
    for c in "${clients[@]}"; do line+=$(printf " %-22s" "$(tr ' ' '\n' <<<"${t[$row|$c]}" | grep . | stats)"); done
    for c in "${clients[@]:1}"; do
      m=$(tr ' ' '\n' <<<"${t[$row|$c]}" | grep . | stats)
      line+=$(printf " %-8s" "$(awk -v x="${a%% *}" -v y="${m%% *}" 'BEGIN {printf "%.2fx", x / y}')")
    done
    echo "$line"
  done
}
rows=()
[[ $metadata == yes ]] && rows+=("ls small" "stat file" "ls 2000")
[[ $transfers == yes ]] && rows+=("get plain" "put plain" "get signed" "put signed" "get encrypted" "put encrypted")
echo
echo "WALL seconds per fresh process, median (min-max) of $rounds; ratio = smbclient / smbco (>= 1: smbco as fast or faster)"
table times
echo
echo "CPU seconds (user + system) of the client process, median (min-max) of $rounds; same ratios"
table cpus
if [[ $transfers == yes ]]; then
  echo "(get/put: $mib MiB; MB/s = $mib * 1.048576 / wall seconds, process start included)"
fi
