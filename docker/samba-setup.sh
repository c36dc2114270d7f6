#!/usr/bin/env bash
# samba-setup.sh - the one setup script of the smbco Samba test server.
#
#   samba-setup.sh container          image entrypoint: configure, run smbd on port 445 in the
#                                     foreground, print "SMBCO_SAMBA_READY" once it answers
#   samba-setup.sh local start DIR    start a private smbd on 127.0.0.1 (SMBCO_ADDR) on a free port with all its
#                                     state under DIR; prints KEY=VALUE lines (PORT=..., HOST=...)
#   samba-setup.sh local stop DIR     stop that smbd and the RPC helpers it started
#   samba-setup.sh local status DIR   exit 0 if it runs, 1 if not
#   samba-setup.sh render DIR         only write DIR/smb.conf (to look at it)
#
# The variant comes from the environment:
#   SMBCO_VARIANT        shorthand: default | signing-required | smb311-only |
#                        max-smb2_02 | max-smb2_10 | max-smb3_00 | max-smb3_02 |
#                        credits-16 | credits-64 | credits-128 |
#                        small-io (smb2 max read/write/trans = 65536)
#   SMBCO_SIGNING        auto | required                       (overrides the shorthand)
#   SMBCO_MIN_PROTOCOL   SMB2_02 | SMB2_10 | SMB3_00 | SMB3_02 | SMB3_11
#   SMBCO_MAX_PROTOCOL   same list
#   SMBCO_MAX_CREDITS    smb2 max credits, 1..65535 (default 8192, Samba's own; the
#                        credits-N shorthands set N: a frugal server for the credit tests)
#   SMBCO_MAX_IO         smb2 max read = max write = max trans, bytes (default 8388608, Samba's)
#   SMBCO_USER / SMBCO_PASSWORD / SMBCO_DOMAIN   default test / test-password / WORKGROUP
#   SMBCO_EXTRA_SHARES   more read-write shares for the user, space-separated names
#   SMBCO_ENCRYPTED_SHARES  more shares that require SMB3 encryption, space-separated names
#   SMBCO_PORT           local mode only: the port to use (default: a free one)
#   SMBCO_ADDR           local mode only: the loopback address to listen on (default 127.0.0.1);
#                        another one (127.0.0.2) with SMBCO_PORT=445 makes a server that DFS
#                        referrals, which carry no port, can name
#   SMBCO_DFS_ROOTS      more read-write shares that are DFS roots (msdfs root = yes), space-
#                        separated names; their links are symlinks "NAME -> msdfs:host\share"
#   SMBCO_LOG_LEVEL      Samba debug level (default 1); logs go to STATE/log/
#
# Local mode as root: smbd switches to the logged-on user's Unix identity, and Samba's passdb
# only knows existing Unix users (a nologin system user is created when missing).
# Local mode without root works when libuid-wrapper and libnss-wrapper are installed (as in
# Samba's own test suite): identities are faked, every file belongs to the caller.
# It never touches the system's own Samba configuration, state or services.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TEMPLATE=${SMBCO_SMB_CONF_TEMPLATE:-$SCRIPT_DIR/smb.conf.template}
PROTOCOLS=(SMB2_02 SMB2_10 SMB3_00 SMB3_02 SMB3_11)

die() { echo "samba-setup: $*" >&2; exit 1; }
say() { echo "samba-setup: $*" >&2; }

# protocol_index NAME: position of NAME in PROTOCOLS; dies (in this shell) if unknown,
# so call it once outside $(...) to validate.
protocol_index() {
  local i
  for i in "${!PROTOCOLS[@]}"; do
    [[ ${PROTOCOLS[$i]} == "$1" ]] && { echo "$i"; return 0; }
  done
  die "unknown protocol '$1' (use one of ${PROTOCOLS[*]})"
}

# Sets VARIANT, SIGNING, MIN_PROTOCOL, MAX_PROTOCOL, MAX_CREDITS, USER_NAME, PASSWORD, DOMAIN from SMBCO_*.
resolve_settings() {
  VARIANT=${SMBCO_VARIANT:-default}
  local signing=auto min=SMB2_02 max=SMB3_11 credits=8192 max_io=8388608
  case $VARIANT in
    default) ;;
    signing-required) signing=required ;;
    smb311-only) min=SMB3_11 ;;
    max-smb2_02) max=SMB2_02 ;;
    max-smb2_10) max=SMB2_10 ;;
    max-smb3_00) max=SMB3_00 ;;
    max-smb3_02) max=SMB3_02 ;;
    credits-16) credits=16 ;;
    credits-64) credits=64 ;;
    credits-128) credits=128 ;;
    small-io) max_io=65536 ;;
    *) die "unknown SMBCO_VARIANT '$VARIANT' (default, signing-required, smb311-only, max-smb2_02, max-smb2_10, max-smb3_00, max-smb3_02, credits-16, credits-64, credits-128, small-io)" ;;
  esac
  MAX_CREDITS=${SMBCO_MAX_CREDITS:-$credits}
  [[ $MAX_CREDITS =~ ^[0-9]{1,5}$ ]] && (( MAX_CREDITS >= 1 && MAX_CREDITS <= 65535 )) \
    || die "SMBCO_MAX_CREDITS must be a number in 1..65535, not '$MAX_CREDITS'"
  signing=${SMBCO_SIGNING:-$signing}
  case $signing in
    auto) SIGNING=auto ;;
    required) SIGNING=mandatory ;;
    *) die "SMBCO_SIGNING must be auto or required, not '$signing'" ;;
  esac
  MIN_PROTOCOL=${SMBCO_MIN_PROTOCOL:-$min}
  MAX_PROTOCOL=${SMBCO_MAX_PROTOCOL:-$max}
  MAX_IO=${SMBCO_MAX_IO:-$max_io}
  [[ $MAX_IO =~ ^[0-9]+$ ]] && (( MAX_IO >= 65536 )) || die "SMBCO_MAX_IO must be a number of bytes >= 65536, not '$MAX_IO'"
  protocol_index "$MIN_PROTOCOL" >/dev/null
  protocol_index "$MAX_PROTOCOL" >/dev/null
  (( $(protocol_index "$MIN_PROTOCOL") <= $(protocol_index "$MAX_PROTOCOL") )) \
    || die "SMBCO_MIN_PROTOCOL $MIN_PROTOCOL is above SMBCO_MAX_PROTOCOL $MAX_PROTOCOL"
  USER_NAME=${SMBCO_USER:-test}
  PASSWORD=${SMBCO_PASSWORD:-test-password}
  DOMAIN=${SMBCO_DOMAIN:-WORKGROUP}
  [[ $USER_NAME =~ ^[a-z_][a-z0-9_-]{0,30}$ ]] || die "SMBCO_USER '$USER_NAME' is not a valid Unix user name"
  LOG_LEVEL=${SMBCO_LOG_LEVEL:-1}
  read -r -a EXTRA_SHARES <<<"${SMBCO_EXTRA_SHARES:-}"
  read -r -a ENCRYPTED_SHARES <<<"${SMBCO_ENCRYPTED_SHARES:-}"
  read -r -a DFS_ROOTS <<<"${SMBCO_DFS_ROOTS:-}"
  ADDR=${SMBCO_ADDR:-127.0.0.1}
  [[ $ADDR =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]] || die "SMBCO_ADDR must be a 127.x.y.z loopback address, not '$ADDR'"
  local name seen=" share public enc ro global homes printers IPC\$ "
  for name in ${EXTRA_SHARES[@]+"${EXTRA_SHARES[@]}"} ${ENCRYPTED_SHARES[@]+"${ENCRYPTED_SHARES[@]}"} ${DFS_ROOTS[@]+"${DFS_ROOTS[@]}"}; do
    [[ $name =~ ^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$ ]] || die "share name '$name' must be letters, digits, '_' or '-' (at most 64)"
    [[ $seen == *" $name "* ]] && die "share '$name' is defined twice (or is a built-in share)"
    seen+="$name "
  done
}

# extra_share_sections SHARES_DIR: the [name] sections of SMBCO_EXTRA_SHARES, SMBCO_ENCRYPTED_SHARES
# and SMBCO_DFS_ROOTS
extra_share_sections() {
  local shares=$1 name
  for name in ${EXTRA_SHARES[@]+"${EXTRA_SHARES[@]}"}; do
    printf '\n[%s]\n  path = %s/%s\n  read only = no\n  guest ok = no\n  valid users = %s\n  create mask = 0664\n  directory mask = 0775\n' \
      "$name" "$shares" "$name" "$USER_NAME"
  done
  for name in ${ENCRYPTED_SHARES[@]+"${ENCRYPTED_SHARES[@]}"}; do
    printf '\n[%s]\n  path = %s/%s\n  read only = no\n  guest ok = no\n  valid users = %s\n  smb encrypt = required\n' \
      "$name" "$shares" "$name" "$USER_NAME"
  done
  # MS-DFSC: a DFS root share; smbd answers FSCTL_DFS_GET_REFERRALS from its msdfs: symlinks
  for name in ${DFS_ROOTS[@]+"${DFS_ROOTS[@]}"}; do
    printf '\n[%s]\n  path = %s/%s\n  read only = no\n  guest ok = no\n  valid users = %s\n  msdfs root = yes\n' \
      "$name" "$shares" "$name" "$USER_NAME"
  done
}

# render_conf STATE PORT INTERFACES BIND_ONLY -> writes STATE/smb.conf
render_conf() {
  local state=$1 port=$2 interfaces=$3 bind_only=$4 guest=${GUEST_ACCOUNT:-nobody}
  [[ -r $TEMPLATE ]] || die "template $TEMPLATE not found"
  id -u "$guest" >/dev/null 2>&1 || guest=$USER_NAME
  sed -e "s|@STATE@|$state|g" -e "s|@SHARES@|$state/shares|g" -e "s|@PORT@|$port|g" \
      -e "s|@INTERFACES@|$interfaces|g" -e "s|@BIND_ONLY@|$bind_only|g" \
      -e "s|@DOMAIN@|$DOMAIN|g" -e "s|@VARIANT@|$VARIANT|g" -e "s|@USER@|$USER_NAME|g" \
      -e "s|@GUEST@|$guest|g" -e "s|@SIGNING@|$SIGNING|g" -e "s|@LOG_LEVEL@|$LOG_LEVEL|g" \
      -e "s|@MIN_PROTOCOL@|$MIN_PROTOCOL|g" -e "s|@MAX_PROTOCOL@|$MAX_PROTOCOL|g" \
      -e "s|@MAX_CREDITS@|$MAX_CREDITS|g" -e "s|@MAX_IO@|$MAX_IO|g" \
      "$TEMPLATE" >"$state/smb.conf.tmp"
  extra_share_sections "$state/shares" >>"$state/smb.conf.tmp"
  mv "$state/smb.conf.tmp" "$state/smb.conf"
}

# prepare_state STATE: directories, the Unix user, the share contents, the passdb entry.
prepare_state() {
  local state=$1 conf=$1/smb.conf d
  for d in private lock state cache run run/ncalrpc bind-dns log usershares shares/share shares/public shares/enc shares/ro; do
    mkdir -p "$state/$d"
  done
  chmod 0755 "$state" "$state/shares"
  chmod 0700 "$state/private"
  if [[ -z ${UNPRIVILEGED:-} ]]; then
    if ! id -u "$USER_NAME" >/dev/null 2>&1; then
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$USER_NAME" \
        || die "could not create the Unix user '$USER_NAME' that Samba's passdb needs"
    fi
    chown "$USER_NAME" "$state/shares/share" "$state/shares/public" "$state/shares/enc"
  fi
  chmod 0775 "$state/shares/share" "$state/shares/enc"
  chmod 0777 "$state/shares/public"
  for d in ${EXTRA_SHARES[@]+"${EXTRA_SHARES[@]}"} ${ENCRYPTED_SHARES[@]+"${ENCRYPTED_SHARES[@]}"} ${DFS_ROOTS[@]+"${DFS_ROOTS[@]}"}; do
    mkdir -p "$state/shares/$d"
    [[ -n ${UNPRIVILEGED:-} ]] || chown "$USER_NAME" "$state/shares/$d"
    chmod 0775 "$state/shares/$d"
  done
  printf 'hello from smbco\n' >"$state/shares/ro/hello.txt"
  chmod 0755 "$state/shares/ro"
  chmod 0644 "$state/shares/ro/hello.txt"
  # pdbedit reads the new password twice from stdin; never echo it
  printf '%s\n%s\n' "$PASSWORD" "$PASSWORD" \
    | pdbedit -s "$conf" -a -t -u "$USER_NAME" >"$state/log/pdbedit.log" 2>&1 \
    || die "pdbedit could not add '$USER_NAME' (see $state/log/pdbedit.log)"
}

# port_answers HOST PORT: does something accept TCP there?
port_answers() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# port_listening HOST PORT: does a socket listen on PORT (on HOST or on every address)? Read from
# /proc/net/tcp where we can: a connect to a port in the ephemeral range can succeed with nothing
# listening at all (Linux TCP self-connect, when the kernel picks that very port as the source),
# which once made a starting smbd look ready when it was not.
port_listening() {
  local hex addr a b c d
  printf -v hex '%04X' "$2"
  IFS=. read -r a b c d <<<"$1"
  # /proc/net/tcp writes an IPv4 address as the hex of its 32 bits in host (little-endian) order
  printf -v addr '%02X%02X%02X%02X' "$d" "$c" "$b" "$a"
  if [[ -r /proc/net/tcp ]]; then
    # "sl: local_address rem_address st ...", addresses as HEXADDR:HEXPORT, st 0A = LISTEN
    # (one grep over both files, no pipe: under pipefail a missing tcp6 would fail the pipe)
    grep -qsE "^ *[0-9]+: ($addr|00000000|0{32}):$hex [0-9A-F]+:[0-9A-F]{4} 0A " /proc/net/tcp /proc/net/tcp6
  else
    port_answers "$1" "$2"
  fi
}

find_smbd() {
  local p
  for p in "$(command -v smbd 2>/dev/null || true)" /usr/sbin/smbd /usr/local/sbin/smbd /usr/local/samba/sbin/smbd; do
    [[ -n $p && -x $p ]] && { echo "$p"; return 0; }
  done
  return 1
}

# Every process of this instance: smbd, samba-dcerpcd and the rpcd_* helpers it starts all
# name our private smb.conf on their command line ("-s CONF" or "--configfile=CONF"), and
# that path is unique to STATE. Prints their PIDs.
instance_pids() {
  local conf=$1 dir pid prev arg hit
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [[ $pid == "$$" || $pid == "${BASHPID:-}" ]] && continue
    prev='' hit=''
    while IFS= read -r -d '' arg; do
      if [[ $arg == "--configfile=$conf" || ( $prev == -s && $arg == "$conf" ) ]]; then hit=1; break; fi
      prev=$arg
    done 2>/dev/null <"$dir/cmdline" || true
    [[ -n $hit ]] && echo "$pid"
  done
  return 0
}

wait_for_port() { # PID HOST PORT -> 0 when it answers, 1 if the PID died, 2 on timeout
  local pid=$1 host=$2 port=$3 i
  for ((i = 0; i < 300; i++)); do
    port_listening "$host" "$port" && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.05
  done
  return 2
}

require_root() {
  [[ $(id -u) == 0 ]] || die "a private smbd needs root (smbd switches to the logged-on user's Unix identity); run as root, use a container engine, or set SMBCO_TEST_SERVER to an existing server"
}

find_preload() { # NAME -> path of the shared library, if installed
  local p
  for p in /usr/lib/*/"$1" /usr/lib64/"$1" /usr/lib/"$1" /usr/local/lib/"$1"; do
    [[ -r $p ]] && { echo "$p"; return 0; }
  done
  return 1
}

# Without root, run smbd the way Samba's own test suite does: uid_wrapper fakes the identity
# switches and nss_wrapper a passwd/group holding the test user. The test user gets our real
# uid, so Samba's permission checks agree with the files' real owner. Sets UNPRIVILEGED.
setup_unprivileged() {
  local state=$1 uidw nssw uid gid guest_uid=65534
  uidw=$(find_preload libuid_wrapper.so) && nssw=$(find_preload libnss_wrapper.so) \
    || die "a private smbd needs root, or (unprivileged) libuid-wrapper and libnss-wrapper: apt-get install libuid-wrapper libnss-wrapper; or use a container engine or SMBCO_TEST_SERVER"
  uid=$(id -u) gid=$(id -g)
  [[ $uid == "$guest_uid" ]] && guest_uid=65533
  mkdir -p "$state/wrap"
  printf '%s\n' "root:x:0:0:root:/:/bin/false" "$USER_NAME:x:$uid:$gid:smbco test user:/:/bin/false" \
    "smbco-guest:x:$guest_uid:$guest_uid:smbco guest:/:/bin/false" >"$state/wrap/passwd"
  printf '%s\n' "root:x:0:" "$USER_NAME:x:$gid:" "smbco-guest:x:$guest_uid:" >"$state/wrap/group"
  export LD_PRELOAD="$uidw $nssw" UID_WRAPPER=1 UID_WRAPPER_ROOT=1
  export NSS_WRAPPER_PASSWD=$state/wrap/passwd NSS_WRAPPER_GROUP=$state/wrap/group
  GUEST_ACCOUNT=smbco-guest
  UNPRIVILEGED=1
}

local_start() {
  local state=$1 smbd port pid rc attempt mode
  smbd=$(find_smbd) || die "smbd not found; install it (apt-get install samba smbclient) or use a container engine"
  command -v pdbedit >/dev/null || die "pdbedit not found; install the samba package"
  mkdir -p "$state"
  state=$(cd "$state" && pwd)
  if [[ -f $state/smbd.pid ]] && kill -0 "$(cat "$state/smbd.pid")" 2>/dev/null; then
    die "an smbd already runs for $state (pid $(cat "$state/smbd.pid")); stop it first"
  fi
  resolve_settings
  [[ $(id -u) == 0 ]] || setup_unprivileged "$state"
  for attempt in 1 2 3 4 5 6 7 8; do
    if [[ -n ${SMBCO_PORT:-} ]]; then
      port=$SMBCO_PORT
    else
      # below the kernel's ephemeral range (32768 and up by default): no outgoing connection of
      # another test holds such a port, and no connect to it can loop back onto itself
      port=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
      port_listening "$ADDR" "$port" && continue
    fi
    if [[ $ADDR == 127.0.0.1 ]]; then
      render_conf "$state" "$port" 127.0.0.1 yes
    else
      # a prefix makes Samba accept an address that is not configured on lo (lo has 127.0.0.1/8)
      render_conf "$state" "$port" "$ADDR/8" yes
    fi
    [[ $attempt == 1 ]] && prepare_state "$state"
    # its own session: smbd signals its whole process group when it shuts down, which must
    # not be the group of whoever started us (a test JVM, Maven, a shell)
    setsid "$smbd" --foreground --no-process-group -s "$state/smb.conf" </dev/null >>"$state/log/smbd.stdout" 2>&1 &
    pid=$!
    echo "$pid" >"$state/smbd.pid"
    rc=0
    wait_for_port "$pid" "$ADDR" "$port" || rc=$?
    if [[ $rc == 0 ]]; then
      mode=root
      [[ -n ${UNPRIVILEGED:-} ]] && mode=unprivileged
      cat <<INFO
HOST=$ADDR
PORT=$port
USER=$USER_NAME
PASSWORD=$PASSWORD
DOMAIN=$DOMAIN
VARIANT=$VARIANT
SIGNING=${SIGNING/mandatory/required}
MIN_PROTOCOL=$MIN_PROTOCOL
MAX_PROTOCOL=$MAX_PROTOCOL
MAX_CREDITS=$MAX_CREDITS
SHARES=share,public,enc,ro
PID=$pid
CONF=$state/smb.conf
LOG_DIR=$state/log
MODE=$mode
INFO
      return 0
    fi
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    [[ $rc == 2 ]] && die "smbd did not answer on $ADDR:$port within 15 s (logs: $state/log)"
    [[ -n ${SMBCO_PORT:-} ]] && die "smbd exited at start on port $port (logs: $state/log)"
  done
  die "smbd failed to start on 8 ports (logs: $state/log)"
}

local_stop() {
  local state=$1 conf pid i left
  [[ -d $state ]] || { say "$state does not exist; nothing to stop"; return 0; }
  state=$(cd "$state" && pwd)
  conf=$state/smb.conf
  if [[ -f $state/smbd.pid ]]; then
    pid=$(cat "$state/smbd.pid")
    kill -TERM "$pid" 2>/dev/null || true
  fi
  # smbd's RPC helpers (samba-dcerpcd, rpcd_*) outlive it: stop them too, each by PID
  for ((i = 0; i < 100; i++)); do
    left=$(instance_pids "$conf")
    [[ -z $left ]] && break
    # shellcheck disable=SC2086
    kill -TERM $left 2>/dev/null || true
    sleep 0.05
  done
  left=$(instance_pids "$conf")
  # shellcheck disable=SC2086
  [[ -n $left ]] && kill -KILL $left 2>/dev/null || true
  rm -f "$state/smbd.pid"
  return 0
}

local_status() {
  local state=$1
  [[ -f $state/smbd.pid ]] && kill -0 "$(cat "$state/smbd.pid")" 2>/dev/null
}

container_main() {
  local state=${SMBCO_STATE_DIR:-/srv/smbco} smbd pid
  require_root
  resolve_settings
  smbd=$(find_smbd) || die "smbd not found in the image"
  mkdir -p "$state"
  render_conf "$state" 445 lo no
  prepare_state "$state"
  "$smbd" --foreground --no-process-group -s "$state/smb.conf" </dev/null &
  pid=$!
  trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid"; exit 0' TERM INT
  wait_for_port "$pid" 127.0.0.1 445 || die "smbd did not start (logs: $state/log)"
  echo "SMBCO_SAMBA_READY PORT=445 USER=$USER_NAME VARIANT=$VARIANT MIN_PROTOCOL=$MIN_PROTOCOL MAX_PROTOCOL=$MAX_PROTOCOL MAX_CREDITS=$MAX_CREDITS SIGNING=${SIGNING/mandatory/required}"
  wait "$pid"
}

case ${1:-} in
  container) container_main ;;
  local)
    [[ $# == 3 ]] || die "usage: samba-setup.sh local start|stop|status DIR"
    case $2 in
      start) local_start "$3" ;;
      stop) local_stop "$3" ;;
      status) local_status "$3" ;;
      *) die "usage: samba-setup.sh local start|stop|status DIR" ;;
    esac ;;
  render)
    [[ $# == 2 ]] || die "usage: samba-setup.sh render DIR"
    resolve_settings; mkdir -p "$2"; render_conf "$(cd "$2" && pwd)" "${SMBCO_PORT:-445}" 127.0.0.1 yes
    echo "$2/smb.conf" ;;
  *) die "usage: samba-setup.sh container | local start|stop|status DIR | render DIR" ;;
esac
