# setup-samba.sh - the one place that installs Debian packages for smbco: used by
# scripts/test-env.sh (./run-tests) and by `smbco demo`, so both set up a fresh machine alike.
#
#   bash scripts/setup-samba.sh demo [--local]
#       What a throwaway local smbd needs (smbd and its vfs modules; without root also the
#       uid/nss wrappers). Quiet and quick when it is all there, or when a container engine
#       answers (unless --local: the caller wants a local smbd anyway, as `smbco demo` does
#       when it gets here). As root on Debian/Ubuntu it installs what is missing: one line on stderr saying
#       what and why, apt's output in .smbco/apt.log. When it cannot (not root, no apt-get, apt
#       failed: no network, no mirror), it prints ONE line on stdout naming what is missing and how
#       to get it, and exits 3 (the CLI's "connection" status; `smbco demo` shows that line).
#
# Sourced, it defines (and prints nothing by itself):
#   smbco_missing_packages PKG...        those of PKG not installed (by dpkg); all when no dpkg
#   smbco_apt_install TAG WHY LOG PKG...  as root: apt-get update + install, one line on stderr
#                                        "TAG: installing PKG... (apt-get; WHY; output in LOG)".
#                                        Returns 0 when installed, 1 when apt failed (LAST_APT_ERROR
#                                        holds apt's last error line), 2 when it cannot try (not
#                                        root, or no apt-get). Options before TAG:
#                                        --no-install-recommends.
#   smbco_demo_setup [--local]           the `demo` action above (returns instead of exiting)

SMBCO_SETUP_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=samba-env
source "$SMBCO_SETUP_DIR/samba-env"

smbco_missing_packages() {
  local installed p
  if ! command -v dpkg-query >/dev/null 2>&1; then
    printf '%s\n' "$@"
    return 0
  fi
  # dpkg-query fails when one of them is unknown; its output for the others still counts
  installed=" $({ dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "$@" 2>/dev/null || true; } | awk '$1 == "ii" { printf "%s ", $2 }') "
  for p in "$@"; do
    [[ $installed == *" $p "* ]] || echo "$p"
  done
}

smbco_apt_install() {
  local opts=()
  while [[ ${1:-} == --* ]]; do opts+=("$1"); shift; done
  local tag=$1 why=$2 log=$3
  shift 3
  LAST_APT_ERROR=''
  [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1 || return 2
  mkdir -p "$(dirname "$log")"
  echo "$tag: installing $* (apt-get; $why; output in $log)" >&2
  # wait for another apt/dpkg run (a desktop's updater, a parallel set-up) instead of failing
  if { apt-get update -qq -o DPkg::Lock::Timeout=300 \
       && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "${opts[@]}" "$@"; } \
       </dev/null >"$log" 2>&1; then
    return 0
  fi
  # the cause, not apt's closing advice: the first failed fetch (without its URL), else the first error
  LAST_APT_ERROR=$(grep -m 1 -E '^(E|W|Err):.*Failed to fetch' "$log" | sed -E 's/Failed to fetch [^ ]+ +/Failed to fetch: /')
  [[ -n $LAST_APT_ERROR ]] || LAST_APT_ERROR=$(grep -m 1 -E '^E:' "$log" || true)
  [[ -n $LAST_APT_ERROR ]] || LAST_APT_ERROR=$(tail -n 1 "$log")
  LAST_APT_ERROR=${LAST_APT_ERROR#E: }
  LAST_APT_ERROR=${LAST_APT_ERROR#W: }
  LAST_APT_ERROR=${LAST_APT_ERROR:0:160}
  return 1
}

# The library file NAME is installed (the uid/nss wrappers samba-setup.sh preloads without root).
smbco_have_lib() {
  local p
  for p in /usr/lib/*/"$1" /usr/lib64/"$1" /usr/lib/"$1" /usr/local/lib/"$1"; do
    [[ -r $p ]] && return 0
  done
  return 1
}

smbco_demo_setup() {
  local repo need=() missing=() rc what=''
  repo=$(dirname "$SMBCO_SETUP_DIR")
  if smbco_engine_answers; then
    # a container engine serves the demo without any local Samba
    [[ ${1:-} == --local ]] || return 0
  elif ! smbco_find_smbd >/dev/null; then
    what=" and no container engine answers"
  fi
  if ! smbco_find_smbd >/dev/null; then
    need+=(samba samba-vfs-modules)
    what="Samba (smbd) is not installed$what"
  fi
  if [[ $(id -u) != 0 ]]; then
    # without root the private smbd runs under uid_wrapper/nss_wrapper, as in Samba's own tests
    smbco_have_lib libuid_wrapper.so || need+=(libuid-wrapper)
    smbco_have_lib libnss_wrapper.so || need+=(libnss-wrapper)
    [[ -n $what ]] || what="a private smbd without root needs the uid/nss wrappers"
  fi
  ((${#need[@]})) || return 0
  mapfile -t missing < <(smbco_missing_packages "${need[@]}")
  ((${#missing[@]})) || return 0
  rc=0
  smbco_apt_install --no-install-recommends "smbco demo" "$what" "$repo/.smbco/apt.log" "${missing[@]}" || rc=$?
  case $rc in
    0)
      smbco_find_smbd >/dev/null && return 0
      echo "apt-get installed ${missing[*]} but there is still no smbd (see $repo/.smbco/apt.log); use a container engine or set SMBCO_TEST_SERVER"
      ;;
    1)
      echo "$what, and apt-get could not install ${missing[*]} (${LAST_APT_ERROR:-see the log}; full output in $repo/.smbco/apt.log); install them by hand once the Debian mirror is reachable (apt-get install ${missing[*]}), or start podman/Docker with the test image (sudo bash scripts/test-env.sh)"
      ;;
    *)
      if ! command -v apt-get >/dev/null 2>&1; then
        echo "$what, and this is no Debian/Ubuntu system (no apt-get) to install ${missing[*]} on; install Samba with the system's package manager (e.g. dnf install samba), or start podman/Docker with the test image (docker/README.md)"
      else
        echo "$what; set it up once with: sudo apt-get install ${missing[*]}"
      fi
      ;;
  esac
  return 3
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case ${1:-} in
    demo) shift; smbco_demo_setup "$@" || exit $? ;;
    *) echo "usage: bash scripts/setup-samba.sh demo [--local]" >&2; exit 2 ;;
  esac
fi
