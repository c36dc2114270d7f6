#!/usr/bin/env bash
# ad-dc-setup.sh - a throwaway Samba Active Directory domain controller for smbco's Kerberos
# tests: its KDC and its own file shares on one loopback address, all state under DIR.
#
#   ad-dc-setup.sh local start DIR   provision the domain and start `samba` (KDC, LDAP, RPC, smbd);
#                                    prints KEY=VALUE lines (HOST=, PORT=, REALM=, KRB5_CONF=, PID=...)
#   ad-dc-setup.sh local stop DIR    stop that samba and every process it started (by PID)
#   ad-dc-setup.sh container start DIR   the same DC in a container of the test image
#                                    ($SMBCO_SAMBA_IMAGE, default localhost/smbco-samba:latest, built by
#                                    scripts/test-env.sh): this script, mounted into it, runs `inside start
#                                    DIR` there (the local path's provisioning, unchanged), DIR mounted at the
#                                    same path, so every path it prints holds on the host too; PID= is the
#                                    container's main process as the host sees it, CONTAINER= its name
#   ad-dc-setup.sh container stop DIR    stop and remove that container (by the name in DIR/container.name)
#
# The container shares the host's network (podman --network host): the DC binds its fixed ports on
# SMBCO_DC_ADDR exactly as the local path does. Publishing ports instead cannot work: the DC's RPC
# endpoint mapper hands out dynamic ports (49152+) that are not known before it runs, the KDC needs
# UDP and TCP 88, and inside its own network namespace the DC would see another address than the one
# its tickets (cifs/ADDR), krb5.conf and DFS referrals name.
#
# Knobs: SMBCO_DC_ADDR (default 127.0.0.88: not 127.0.0.1, so the fixed KDC/LDAP/RPC ports
#        88/464/389/636/3268/3269/135 cannot clash with anything bound to 127.0.0.1),
#        SMBCO_DC_PORT (the SMB port; default 445 when nothing listens on ADDR:445 or *:445, else a
#        free one: DFS referrals name servers without a port, so the DFS domain tests need 445),
#        SMBCO_LOG_LEVEL (default 1).
#
# The domain: realm SMBCO.TEST, NetBIOS domain SMBCO, DC host name dc1.smbco.test (not in any DNS:
# clients connect to the address and use the name only as Kerberos target, cifs/dc1.smbco.test;
# cifs/<address> and cifs/localhost are registered too). Users: test / $USER_PASSWORD below, and
# administrator. Shares: share (read-write), enc (SMB3 encryption required), and the DC's own sysvol
# and netlogon, which the DC's DFS code also answers domain, DC and SYSVOL/NETLOGON referrals for
# (MS-DFSC: \\SMBCO.TEST\sysvol and \\SMBCO\netlogon lead to \\dc1.smbco.test\sysvol, ...\netlogon).
# krb5.conf for clients: DIR/krb5.conf (kdc = the address; no DNS lookups; and a realm DOWN.TEST
# whose KDC never answers, for the tests of an unreachable KDC).
#
# Needs Debian's samba + winbind (scripts/setup-samba.sh installs them): on a DC smbd maps SIDs
# through winbindd, and without it every session setup fails with NT_STATUS_INTERNAL_ERROR after
# authentication succeeded. Its winbindd listens in DIR/winbindd, not in the compiled-in
# /run/samba/winbindd: there every other smbd on the machine (the file-server fixtures) would find
# the DC's winbindd, map its users through the domain and fail their logons (it did). Samba's
# client library takes another socket directory only from SELFTEST_WINBINDD_SOCKET_DIR and only
# under nss_wrapper, as in Samba's own test suite: so samba runs with libnss_wrapper preloaded,
# serving the system's own /etc/passwd and /etc/group (needs libnss-wrapper). Nothing lives outside
# DIR; the KDC's fixed ports allow one DC per address (SMBCO_DC_ADDR picks another).
set -euo pipefail
export PATH=$PATH:/usr/sbin:/sbin

REALM=SMBCO.TEST
DOMAIN=SMBCO
DC_HOST=dc1
USER_NAME=test
USER_PASSWORD='Krb5-test-Passw0rd'
ADMIN_PASSWORD='Krb5-admin-Passw0rd'
ADDR=${SMBCO_DC_ADDR:-127.0.0.88}
UNREACHABLE_REALM=DOWN.TEST
UNREACHABLE_KDC=127.0.0.89:1088

die() { echo "ad-dc-setup: $*" >&2; exit 1; }
# this machine cannot run a DC (not root, packages missing): exit 2, so the tests skip (or fail under CI)
unavailable() { echo "ad-dc-setup: $*" >&2; exit 2; }

port_listening() { # ADDR PORT
  ss -Hltn "sport = :$2" 2>/dev/null | grep -qF "$1:$2"
}

# Every process of this instance: samba was started as the leader of a session of its own
# (setsid), and its task processes (which rename themselves, "kdc[master]", "ldap(0)"...) stay in
# that session; the smbd/winbindd/samba-dcerpcd it starts also name our smb.conf on their command
# line. Prints their PIDs.
instance_pids() {
  local conf=$1 sid=${2:-} dir pid prev arg hit stat rest
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [[ $pid == "$$" || $pid == "${BASHPID:-}" ]] && continue
    hit=''
    if [[ -n $sid ]] && stat=$(cat "$dir/stat" 2>/dev/null); then
      rest=${stat##*) } # after "pid (comm) ": state ppid pgrp session ...
      read -r _ _ _ session _ <<<"$rest"
      [[ $session == "$sid" ]] && hit=1
    fi
    prev=''
    while [[ -z $hit ]] && IFS= read -r -d '' arg; do
      if [[ $arg == "--configfile=$conf" || ( $prev == -s && $arg == "$conf" ) ]]; then hit=1; break; fi
      prev=$arg
    done 2>/dev/null <"$dir/cmdline" || true
    [[ -n $hit ]] && echo "$pid"
  done
  return 0
}

local_stop() {
  local state=$1 conf sid='' pids i
  [[ -d $state ]] || return 0
  state=$(cd "$state" && pwd)
  conf=$state/etc/smb.conf
  [[ -f $state/samba.pid ]] && sid=$(cat "$state/samba.pid")
  mapfile -t pids < <(instance_pids "$conf" "$sid")
  ((${#pids[@]})) || { rm -f "$state/samba.pid"; return 0; }
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    mapfile -t pids < <(instance_pids "$conf" "$sid")
    ((${#pids[@]})) || break
    sleep 0.1
  done
  ((${#pids[@]})) && kill -KILL "${pids[@]}" 2>/dev/null || true
  rm -f "$state/samba.pid"
}

# Rewrites the provisioned smb.conf: everything under DIR, only the services the tests need, our
# shares, Samba's authentication audit log (it names the mechanism: [SMB2,krb5] or [SMB2,NTLMSSP]).
rewrite_conf() {
  local state=$1 port=$2
  python3 - "$state" "$port" "${SMBCO_LOG_LEVEL:-1}" <<'EOF'
import re, sys
d, port, level = sys.argv[1], sys.argv[2], sys.argv[3]
p = f"{d}/etc/smb.conf"
s = open(p).read().split("[homes]")[0]          # drop homes/printers/print$ (system paths)
s = re.sub(r"\t(server services|smb ports|log file|log level) = .*\n", "", s)
s += (f"\tserver services = s3fs, rpc, ldap, cldap, kdc, drepl, kcc, winbindd\n"
      f"\tsmb ports = {port}\n\tlog file = {d}/log/log.%m\n\tlog level = {level} auth_audit:5\n"
      f"\tpid directory = {d}/pid\n\twinbindd socket directory = {d}/winbindd\n\tncalrpc dir = {d}/ncalrpc\n\tload printers = no\n"
      "\tprinting = bsd\n\tprintcap name = /dev/null\n\tdisable spoolss = yes\n\n")
s += f"""[sysvol]
\tpath = {d}/state/sysvol
\tread only = No

[netlogon]
\tpath = {d}/state/sysvol/smbco.test/scripts
\tread only = No

[share]
\tpath = {d}/shares/share
\tread only = No

[enc]
\tpath = {d}/shares/enc
\tread only = No
\tsmb encrypt = required
"""
open(p, "w").write(s)
EOF
}

write_krb5_conf() {
  local state=$1
  cat >"$state/krb5.conf" <<EOF
[libdefaults]
	default_realm = $REALM
	dns_lookup_realm = false
	dns_lookup_kdc = false
	rdns = false
	dns_canonicalize_hostname = false
	kdc_timeout = 3000
	max_retries = 1

[realms]
	$REALM = {
		kdc = $ADDR
		default_domain = smbco.test
	}
	# a realm whose KDC never answers (nothing listens there): for the unreachable-KDC tests
	$UNREACHABLE_REALM = {
		kdc = $UNREACHABLE_KDC
	}

[domain_realm]
	.smbco.test = $REALM
	smbco.test = $REALM
	localhost = $REALM
	$ADDR = $REALM
EOF
}

find_lib() { # NAME -> path of the shared library, if installed
  local p
  for p in /usr/lib/*/"$1" /usr/lib64/"$1" /usr/lib/"$1" /usr/local/lib/"$1"; do
    [[ -r $p ]] && { echo "$p"; return 0; }
  done
  return 1
}

local_start() {
  local state=$1 port pid conf t0 i nss_wrapper
  [[ $(id -u) == 0 ]] || unavailable "a Samba AD DC needs root; run the tests as root (./run-tests does)"
  command -v samba >/dev/null || unavailable "samba (the AD DC binary) not found; apt-get install samba"
  command -v samba-tool >/dev/null || unavailable "samba-tool not found; apt-get install samba"
  command -v winbindd >/dev/null || unavailable "winbindd not found: smbd on a DC needs it; apt-get install winbind (scripts/test-env.sh does)"
  nss_wrapper=$(find_lib libnss_wrapper.so) || unavailable "libnss_wrapper.so not found (the DC's private winbindd socket needs it); apt-get install libnss-wrapper (scripts/test-env.sh does)"
  [[ $ADDR == 127.* ]] || die "SMBCO_DC_ADDR must be a loopback address, not $ADDR"
  port_listening "$ADDR" 88 && die "something already listens on $ADDR:88 (another DC?); stop it or set SMBCO_DC_ADDR"
  mkdir -p "$state"
  state=$(cd "$state" && pwd)
  conf=$state/etc/smb.conf
  port=${SMBCO_DC_PORT:-}
  if [[ -z $port ]] && ! port_listening "$ADDR" 445 && ! port_listening 0.0.0.0 445 && ! port_listening '*' 445; then
    port=445
  fi
  if [[ -z $port ]]; then
    for i in 1 2 3 4 5 6 7 8; do
      port=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
      port_listening "$ADDR" "$port" || port_listening 0.0.0.0 "$port" || break
    done
  fi
  t0=$SECONDS
  rm -rf "${state:?}"/{etc,private,state,cache,bind-dns,log,pid,ncalrpc,shares}
  samba-tool domain provision --targetdir="$state" --realm=$REALM --domain=$DOMAIN --server-role=dc \
      --dns-backend=NONE --adminpass="$ADMIN_PASSWORD" --host-name=$DC_HOST --host-ip="$ADDR" \
      --option="interfaces=$ADDR/8" --option="bind interfaces only=yes" \
      --option="disable netbios=yes" >"$state/provision.log" 2>&1 \
    || die "samba-tool domain provision failed (see $state/provision.log: $(tail -n 1 "$state/provision.log"))"
  mkdir -p "$state"/{log,pid,ncalrpc,shares/share,shares/enc}
  # the domain user (a winbind-mapped uid) must get through DIR to the shares (mktemp makes it 0700)
  chmod 0755 "$state" "$state/shares"
  chmod 1777 "$state/shares/share" "$state/shares/enc"
  rewrite_conf "$state" "$port"
  write_krb5_conf "$state"
  # users and SPNs straight into the directory (sam.ldb), before the server runs
  samba-tool user create "$USER_NAME" "$USER_PASSWORD" -s "$conf" >>"$state/provision.log" 2>&1 \
    || die "samba-tool user create failed (see $state/provision.log)"
  samba-tool user setexpiry "$USER_NAME" --noexpiry -s "$conf" >>"$state/provision.log" 2>&1 || true
  for spn in cifs/localhost "cifs/$ADDR"; do
    samba-tool spn add "$spn" "${DC_HOST^^}\$" -s "$conf" >>"$state/provision.log" 2>&1 \
      || die "samba-tool spn add $spn failed (see $state/provision.log)"
  done
  mkdir -p "$state/winbindd"
  # its own session, so that its shutdown signals reach only its own processes; its smbd finds its
  # winbindd in DIR/winbindd (see the top), no other smbd does
  LD_PRELOAD=$nss_wrapper NSS_WRAPPER_PASSWD=/etc/passwd NSS_WRAPPER_GROUP=/etc/group \
    SELFTEST_WINBINDD_SOCKET_DIR=$state/winbindd setsid samba -i -s "$conf" </dev/null >"$state/log/samba.stdout" 2>&1 &
  pid=$!
  echo "$pid" >"$state/samba.pid"
  for ((i = 0; i < 600; i++)); do
    port_listening "$ADDR" 88 && port_listening "$ADDR" "$port" && break
    kill -0 "$pid" 2>/dev/null || die "samba exited at start (see $state/log/samba.stdout: $(tail -n 1 "$state/log/samba.stdout"))"
    sleep 0.1
  done
  port_listening "$ADDR" "$port" || { local_stop "$state"; die "samba did not listen on $ADDR:$port within 60 s (see $state/log/)"; }
  cat <<INFO
PID=$pid
HOST=$ADDR
PORT=$port
REALM=$REALM
DOMAIN=$DOMAIN
DC_NAME=$DC_HOST.smbco.test
USER=$USER_NAME
PASSWORD=$USER_PASSWORD
KRB5_CONF=$state/krb5.conf
UNREACHABLE_REALM=$UNREACHABLE_REALM
UNREACHABLE_KDC=$UNREACHABLE_KDC
SMB_CONF=$conf
SYSVOL=$state/state/sysvol/smbco.test
SECONDS=$((SECONDS - t0))
INFO
}

# Inside the container (its pid 1): the local path's start, its KEY=VALUE lines into DIR/info (the
# host side waits for that file), then wait for samba; `podman stop` (SIGTERM) stops it by PID.
inside_start() {
  local state=$1 pid
  mkdir -p "$state"
  local_start "$state" >"$state/info.tmp"
  mv "$state/info.tmp" "$state/info"
  pid=$(cat "$state/samba.pid")
  trap 'local_stop "$state"; exit 0' TERM INT
  wait "$pid" || true
  echo "ad-dc-setup: samba ($pid) exited" >&2
  exit 1
}

container_stop() {
  local state=$1 name
  [[ -f $state/container.name ]] || return 0
  name=$(cat "$state/container.name")
  podman stop --time 20 "$name" >/dev/null 2>&1 || true
  podman rm --force --ignore "$name" >/dev/null 2>&1 || true
  rm -f "$state/container.name"
}

container_start() {
  local state=$1 image=${SMBCO_SAMBA_IMAGE:-localhost/smbco-samba:latest} self name i pid deadline
  [[ $(id -u) == 0 ]] || unavailable "the AD DC container needs root (host network, ports 88/389/445...); run the tests as root (./run-tests does)"
  command -v podman >/dev/null || unavailable "podman not found (scripts/test-env.sh installs it); or SMBCO_AD_DC=local"
  podman image exists "$image" || unavailable "image $image not found; scripts/test-env.sh builds it (or set SMBCO_SAMBA_IMAGE)"
  [[ $ADDR == 127.* ]] || die "SMBCO_DC_ADDR must be a loopback address, not $ADDR"
  port_listening "$ADDR" 88 && die "something already listens on $ADDR:88 (another DC? a container left by a killed run: podman ps --filter name=smbco-ad-dc); stop it or set SMBCO_DC_ADDR"
  self=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
  mkdir -p "$state"
  state=$(cd "$state" && pwd)
  rm -f "$state/info" "$state/info.tmp"
  name=smbco-ad-dc-${ADDR//./-}-$$
  echo "$name" >"$state/container.name"
  podman run --detach --pull=never --name "$name" --network host --cap-add SYS_ADMIN \
      --env SMBCO_DC_ADDR="$ADDR" ${SMBCO_DC_PORT:+--env SMBCO_DC_PORT="$SMBCO_DC_PORT"} \
      --env SMBCO_LOG_LEVEL="${SMBCO_LOG_LEVEL:-1}" \
      --volume "$state:$state" --volume "$self:/opt/smbco/ad-dc-setup.sh:ro" \
      --entrypoint bash "$image" /opt/smbco/ad-dc-setup.sh inside start "$state" >"$state/container.id" 2>"$state/podman-run.err" \
    || { container_stop "$state"; die "podman run failed: $(tail -n 1 "$state/podman-run.err")"; }
  deadline=$((SECONDS + 200))
  for ((i = 0; SECONDS < deadline; i++)); do
    [[ -f $state/info ]] && break
    # is it still running? (once a second: each podman call costs a tenth of a second of CPU)
    if ((i % 10 == 9)) && [[ $(podman container inspect --format '{{.State.Running}}' "$name" 2>/dev/null) != true ]]; then
      podman logs "$name" >"$state/container.log" 2>&1 || true
      container_stop "$state"
      die "the DC container exited at start (see $state/container.log: $(grep -m1 'ad-dc-setup:' "$state/container.log" || tail -n 1 "$state/container.log"))"
    fi
    sleep 0.1
  done
  [[ -f $state/info ]] || { podman logs "$name" >"$state/container.log" 2>&1 || true; container_stop "$state"; die "the DC container did not start within 200 s (see $state/container.log)"; }
  pid=$(podman container inspect --format '{{.State.Pid}}' "$name")
  grep -v '^PID=' "$state/info"
  echo "PID=$pid"
  echo "CONTAINER=$name"
}

case "${1:-} ${2:-}" in
  "local start") [[ -n ${3:-} ]] || die "usage: ad-dc-setup.sh local start DIR"; local_start "$3" ;;
  "local stop") [[ -n ${3:-} ]] || die "usage: ad-dc-setup.sh local stop DIR"; local_stop "$3" ;;
  "container start") [[ -n ${3:-} ]] || die "usage: ad-dc-setup.sh container start DIR"; container_start "$3" ;;
  "container stop") [[ -n ${3:-} ]] || die "usage: ad-dc-setup.sh container stop DIR"; container_stop "$3" ;;
  "inside start") [[ -n ${3:-} ]] || die "usage: ad-dc-setup.sh inside start DIR"; inside_start "$3" ;;
  *) die "usage: ad-dc-setup.sh local|container start|stop DIR" ;;
esac
