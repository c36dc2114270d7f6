# test-env.sh - everything the test suite needs, set up idempotently. Source it (./run-tests
# does), or run it with bash to only do the set-up. When all is in place it takes well
# under a second; the first time on a fresh Debian machine it installs packages, builds a
# Debian base image with debootstrap and the Samba image (a few minutes).
#
# It leaves exported: JAVA_HOME (a JDK >= 21) and PATH, and when a container engine could
# be set up DOCKER_HOST, TESTCONTAINERS_RYUK_DISABLED, TESTCONTAINERS_HOST_OVERRIDE.
# The Samba image also runs the Kerberos tests' AD DC on its container path (docker/ad-dc-setup.sh
# container ...: SMBCO_AD_DC=container, and AdDcContainerTest on every run); it needs nothing more here.
# Knobs: SMBCO_SKIP_CONTAINERS=1 (no container set-up; tests fall back to a local smbd),
#        SMBCO_SAMBA_IMAGE (tag to build/use, default localhost/smbco-samba:latest).
# Every failure prints one line "test-env: <what is wrong>; <what to do>".

smbco_test_env_main() {
  local repo here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  repo=$(dirname "$here")
  # shellcheck source=setup-samba.sh
  source "$here/setup-samba.sh" # also sources samba-env
  local state=$repo/.smbco
  mkdir -p "$state"

  # 1. a JDK >= 21
  local jdk
  jdk=$(smbco_find_jdk) || {
    echo "test-env: no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm/*); install one (apt-get install openjdk-21-jdk-headless, or Temurin 21+) or point JAVA_HOME at it" >&2
    return 1
  }
  export JAVA_HOME=$jdk
  case ":$PATH:" in *":$JAVA_HOME/bin:"*) ;; *) export PATH=$JAVA_HOME/bin:$PATH ;; esac

  # 2. Debian packages (only those missing; only as root): scripts/setup-samba.sh does the install
  # winbind: the Kerberos tests' AD DC (docker/ad-dc-setup.sh) needs it for its smbd; krb5-user: kinit;
  # libfaketime: the Kerberos clock-skew test runs the CLI 15 minutes ahead;
  # tshark: DissectorTest runs Wireshark's SMB2 dissector over every compound the client sends
  local want=(samba samba-vfs-modules smbclient python3-impacket libuid-wrapper libnss-wrapper winbind krb5-user libfaketime tshark) missing=() rc=0
  [[ -n ${SMBCO_SKIP_CONTAINERS:-} ]] || want+=(podman runc iptables debootstrap netavark aardvark-dns)
  command -v mvn >/dev/null 2>&1 || want+=(maven)
  if command -v dpkg-query >/dev/null 2>&1; then
    mapfile -t missing < <(smbco_missing_packages "${want[@]}")
  else
    smbco_find_smbd >/dev/null || missing+=(samba)
  fi
  if ((${#missing[@]})); then
    # wireshark-common asks whether non-root users may capture; answer no before apt asks
    if [[ " ${missing[*]} " == *" tshark "* && $(id -u) == 0 ]] && command -v debconf-set-selections >/dev/null 2>&1; then
      echo 'wireshark-common wireshark-common/install-setuid boolean false' | debconf-set-selections
    fi
    smbco_apt_install test-env "the tests need them" "$state/apt.log" "${missing[@]}" || rc=$?
    if ((rc == 1)); then
      echo "test-env: apt-get could not install ${missing[*]} (${LAST_APT_ERROR:-see $state/apt.log}; full output in $state/apt.log); install them by hand" >&2
      return 1
    elif ((rc == 2)); then
      echo "test-env: missing packages ${missing[*]}; run as root: apt-get install ${missing[*]} (continuing without them)" >&2
    fi
  fi
  command -v mvn >/dev/null 2>&1 || { echo "test-env: mvn not found; install Maven 3.8+ (apt-get install maven)" >&2; return 1; }

  # 3. containers: podman + the Samba image + the Docker-compatible API socket
  if [[ -n ${SMBCO_SKIP_CONTAINERS:-} ]]; then
    echo "test-env: SMBCO_SKIP_CONTAINERS is set; no container set-up (tests use a local smbd)" >&2
    return 0
  fi
  if [[ $(id -u) != 0 ]]; then
    if smbco_engine_answers "$SMBCO_DOCKER_HOST"; then
      smbco_export_engine "$SMBCO_DOCKER_HOST"
    else
      echo "test-env: not root, so no podman set-up; tests use an unprivileged private smbd (needs samba, libuid-wrapper, libnss-wrapper) or SMBCO_TEST_SERVER=host[:port]" >&2
    fi
    return 0
  fi
  if ! command -v podman >/dev/null 2>&1; then
    echo "test-env: podman is not installed; no container set-up (tests fall back to a local smbd)" >&2
    return 0
  fi
  smbco_containers_conf "$state" || return 1
  smbco_base_image "$state" || return 1
  smbco_samba_image "$repo" "$state" || return 1
  smbco_podman_service "$state" || return 1
  smbco_export_engine "unix://$SMBCO_PODMAN_SOCKET"
  return 0
}

# What Testcontainers needs to use podman's Docker-compatible API (Ryuk does not run under podman).
smbco_export_engine() {
  export DOCKER_HOST=$1
  export TESTCONTAINERS_RYUK_DISABLED=true
  export TESTCONTAINERS_HOST_OVERRIDE=localhost
}

# The settings podman needs here (runc, netavark, bounded ulimits). /etc/containers/containers.conf
# is written when absent (or written by us before); a foreign one is left alone and podman is
# pointed at ours through CONTAINERS_CONF.
smbco_containers_conf() {
  local state=$1 conf=/etc/containers/containers.conf marker='# written by smbco scripts/test-env.sh'
  local want
  want="$marker
[containers]
default_ulimits = [\"nofile=20000:20000\", \"nproc=32768:32768\"]

[engine]
runtime = \"runc\"

[network]
network_backend = \"netavark\""
  if [[ ! -e $conf ]] || head -n 1 "$conf" | grep -qxF "$marker"; then
    if [[ ! -e $conf || $(cat "$conf") != "$want" ]]; then
      mkdir -p /etc/containers
      printf '%s\n' "$want" >"$conf" || { echo "test-env: cannot write $conf; check permissions" >&2; return 1; }
    fi
  else
    printf '%s\n' "$want" >"$state/containers.conf"
    export CONTAINERS_CONF=$state/containers.conf
  fi
}

smbco_base_image() {
  local state=$1 root
  podman image exists docker.io/library/debian:bookworm-slim && return 0
  command -v debootstrap >/dev/null 2>&1 || { echo "test-env: debootstrap is missing; apt-get install debootstrap" >&2; return 1; }
  echo "test-env: building the debian:bookworm-slim base image with debootstrap (once, ~1 min)" >&2
  root=$(mktemp -d /var/tmp/smbco-debootstrap.XXXXXX)
  if ! debootstrap --variant=minbase bookworm "$root" "${SMBCO_DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$state/debootstrap.log" 2>&1; then
    rm -rf "$root"
    echo "test-env: debootstrap failed (see $state/debootstrap.log); check access to the Debian mirror" >&2
    return 1
  fi
  if ! tar -C "$root" -c . | podman import - localhost/debian:bookworm-slim >"$state/import.log" 2>&1; then
    rm -rf "$root"
    echo "test-env: podman import of the base image failed (see $state/import.log)" >&2
    return 1
  fi
  rm -rf "$root"
  podman tag localhost/debian:bookworm-slim docker.io/library/debian:bookworm-slim
}

# The Samba image is rebuilt when docker/ changed: its label holds a hash of docker/*.
smbco_samba_image() {
  local repo=$1 state=$2 hash have old_id new_id
  hash=$(cd "$repo/docker" && cat Dockerfile .dockerignore smb.conf.template samba-setup.sh | sha256sum | cut -c1-16)
  have=$(podman image inspect --format '{{ index .Labels "dev.smbco.docker-hash" }}' "$SMBCO_SAMBA_IMAGE" 2>/dev/null || true)
  [[ $have == "$hash" ]] && return 0
  old_id=$(podman image inspect --format '{{ .Id }}' "$SMBCO_SAMBA_IMAGE" 2>/dev/null || true)
  echo "test-env: building the Samba image $SMBCO_SAMBA_IMAGE from docker/ (${have:+docker/ changed; }~1-2 min)" >&2
  podman build --pull=never --label "dev.smbco.docker-hash=$hash" -t "$SMBCO_SAMBA_IMAGE" "$repo/docker" >"$state/image-build.log" 2>&1 || {
    echo "test-env: building the Samba image failed (see $state/image-build.log)" >&2
    return 1
  }
  # drop the image this build replaced (only that one; it stays if a container still uses it)
  new_id=$(podman image inspect --format '{{ .Id }}' "$SMBCO_SAMBA_IMAGE" 2>/dev/null || true)
  if [[ -n $old_id && $old_id != "$new_id" ]]; then
    podman rmi "$old_id" >/dev/null 2>&1 || true
  fi
}

# Whether the service on our socket can start a container, not only answer its ping: a long-lived
# service was seen to answer while every start failed with "write child: broken pipe".
smbco_podman_runs() {
  podman --remote --url "unix://$SMBCO_PODMAN_SOCKET" run --rm --pull=never --entrypoint true "$SMBCO_SAMBA_IMAGE" >/dev/null 2>&1
}

smbco_podman_service() {
  local state=$1 i old
  if smbco_engine_answers "unix://$SMBCO_PODMAN_SOCKET"; then
    smbco_podman_runs && return 0
    # a service that answers but cannot start containers: restart it if it is one this script
    # started (its pid file, or the exact command line below), by PID
    old=$(cat "$state/podman-service.pid" 2>/dev/null || true)
    if [[ -z $old ]] || ! kill -0 "$old" 2>/dev/null; then
      old=$(pgrep -f -x "podman system service --time=0 unix://$SMBCO_PODMAN_SOCKET" | head -n 1 || true)
    fi
    if [[ -z $old ]]; then
      echo "test-env: the podman service on $SMBCO_PODMAN_SOCKET answers but cannot start a container, and it is not one test-env.sh started; restart it by hand" >&2
      return 1
    fi
    echo "test-env: the podman service (pid $old) answers but cannot start a container; restarting it" >&2
    kill "$old" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      kill -0 "$old" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$old" 2>/dev/null && kill -KILL "$old" 2>/dev/null || true
  fi
  mkdir -p "$(dirname "$SMBCO_PODMAN_SOCKET")"
  rm -f "$SMBCO_PODMAN_SOCKET"
  setsid podman system service --time=0 "unix://$SMBCO_PODMAN_SOCKET" </dev/null >"$state/podman-service.log" 2>&1 &
  echo $! >"$state/podman-service.pid"
  for ((i = 0; i < 100; i++)); do
    [[ -S $SMBCO_PODMAN_SOCKET ]] && smbco_engine_answers "unix://$SMBCO_PODMAN_SOCKET" && return 0
    sleep 0.1
  done
  echo "test-env: podman system service did not answer on $SMBCO_PODMAN_SOCKET within 10 s (see $state/podman-service.log)" >&2
  return 1
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  smbco_test_env_main
else
  smbco_test_env_main || return 1
fi
