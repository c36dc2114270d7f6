# bench-cli-tree.sh - `scripts/bench-cli.sh --tree`: issue #11's CLI target, a cold `smbco cp -r` of
# a tree of small files against smbclient's recursive mput/mget, side by side on the private smbd.
# Sourced by bench-cli.sh after it started smbd; uses its state, work, share_dir, owner, url, auth,
# smbd_pid, rounds, files, kib, modes, variants and its measure, stats and ensure_cache.
#
# Per run: wall and CPU (user + system) of the client process from /usr/bin/time, and smbd's CPU:
# the growth of user + system time of smbd's parent and its reaped children (smbd forks one process
# per connection; it is reaped when the client disconnects), read from /proc. smbd CPU / wall is the
# share of one core the server's connection process used: near 1.0 means that one connection
# cannot go faster on this machine, whatever the client does.

tick=$(getconf CLK_TCK)
# user + system seconds of smbd and its reaped children so far (fields 14-17 of /proc/PID/stat)
smbd_cpu() { awk -v t="$tick" '{sub(/^.*\) /, ""); printf "%.3f\n", ($12 + $13 + $14 + $15) / t}' "/proc/$smbd_pid/stat"; }
# waits (at most 5 s) until smbd has reaped the children that are not in $1 (the connection's process)
smbd_settle() {
  local before=" $1 " i c left
  for i in $(seq 1 50); do
    left=no
    for c in $(pgrep -P "$smbd_pid" || true); do [[ $before == *" $c "* ]] || left=yes; done
    [[ $left == no ]] && return 0
    sleep 0.1
  done
}

# The tree: files of kib KiB in directories of 100, on the share (for downloads) and local (uploads).
tree=$work/tree
dirs=$(( (files + 99) / 100 ))
for d in $(seq 1 "$dirs"); do
  mkdir -p "$tree/d$d"
  for i in $(seq 1 100); do
    n=$(( (d - 1) * 100 + i )); (( n <= files )) || break
    head -c $((kib << 10)) /dev/urandom >"$tree/d$d/f$i.bin"
  done
done
cp -r "$tree" "$share_dir/tree"; chown -R "$owner" "$share_dir/tree"

# smbco runs from a copy of the launcher and the jar (cp -p: the copy finds no sources, so it never
# rebuilds): an edit of the sources during the benchmark must not rebuild the jar inside a timed run
# nor change the build measured; the copy makes its own start-up cache
snap=$state/snapshot
mkdir -p "$snap/smb-cli/target"
cp -p smbco "$snap/"; cp -p smb-cli/target/smb-cli-*-all.jar "$snap/smb-cli/target/"
ensure_cache "$snap"
clients=(smbclient smbco)
declare -A vopts=([smbco]="") launcher=([smbco]=$snap/smbco)
# --baseline DIR: another build's launcher and jar (e.g. the previous main) with its own cache
if [[ -n $baseline ]]; then ensure_cache "$baseline"; clients+=(baseline); vopts[baseline]=""; launcher[baseline]=$baseline/smbco; fi
for v in "${variants[@]}"; do clients+=("${v%%=*}"); vopts[${v%%=*}]=${v#*=}; launcher[${v%%=*}]=$snap/smbco; done
IFS=, read -r -a mode_list <<<"$modes"
declare -A wall cpu scpu
# one copy: $1 client, $2 mode, $3 up|down, $4 round; records wall, client CPU and smbd CPU
tree_run() {
  local client=$1 mode=$2 way=$3 r=$4 sopt=() copt=() m kids s0 s1 dest check
  case $mode in
    plain) ;;
    signed) sopt=(--signing required); copt=(--option='client signing=required') ;;
    encrypted) sopt=(--encrypt); copt=(--client-protection=encrypt) ;;
    *) echo "bench-cli: --modes: $mode is not plain, signed or encrypted" >&2; exit 2 ;;
  esac
  dest=$client-$mode-$r
  kids=$(pgrep -P "$smbd_pid" | tr '\n' ' ' || true)
  s0=$(smbd_cpu)
  if [[ $way == up && $client == smbclient ]]; then
    m=($(measure smbclient "${auth[@]}" "${copt[@]}" //127.0.0.1/share \
      -c "mkdir $dest; cd $dest; lcd $work; prompt off; recurse on; mput tree"))
    check=$share_dir/$dest/tree
  elif [[ $way == up ]]; then
    m=($(measure env "SMBCO_JAVA_OPTS=${vopts[$client]}" SMBCO_AOT=on "${launcher[$client]}" "${sopt[@]}" -q cp -r "$tree" "$url/$dest"))
    check=$share_dir/$dest
  elif [[ $client == smbclient ]]; then
    mkdir -p "$work/$dest"
    m=($(measure smbclient "${auth[@]}" "${copt[@]}" //127.0.0.1/share -c "lcd $work/$dest; prompt off; recurse on; mget tree"))
    check=$work/$dest/tree
  else
    m=($(measure env "SMBCO_JAVA_OPTS=${vopts[$client]}" SMBCO_AOT=on "${launcher[$client]}" "${sopt[@]}" -q cp -r "$url/tree" "$work/$dest"))
    check=$work/$dest
  fi
  [[ ${#m[@]} == 2 ]] || exit 1
  smbd_settle "$kids"
  s1=$(smbd_cpu)
  diff -r -q "$tree" "$check" >/dev/null || { echo "bench-cli: $client $way $mode: the copy differs from the tree" >&2; exit 1; }
  rm -rf "$share_dir/$dest" "$work/$dest"
  wall[$way $mode|$client]+="${m[0]} "; cpu[$way $mode|$client]+="${m[1]} "
  scpu[$way $mode|$client]+="$(awk -v a="$s0" -v b="$s1" 'BEGIN {printf "%.3f", b - a}') "
}

echo "tree: $files files of $kib KiB in $dirs directories; smbd pid $smbd_pid; $(nproc) CPUs"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
  # the clients' order rotates round by round, so a change in load hits each alike
  order=("${clients[@]:$(( (r - 1) % ${#clients[@]} ))}" "${clients[@]:0:$(( (r - 1) % ${#clients[@]} ))}")
  for mode in "${mode_list[@]}"; do
    for client in "${order[@]}"; do
      tree_run "$client" "$mode" up "$r"
      tree_run "$client" "$mode" down "$r"
    done
  done
  echo "round $r of $rounds done, load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

med() { tr ' ' '\n' <<<"$1" | grep . | stats; }
echo
echo "seconds per fresh process, median (min-max) of $rounds; ratio = smbclient wall / client wall (target >= 3)"
printf "%-15s %-14s %-22s %-22s %-22s %-7s %s\n" copy client wall "client CPU" "smbd CPU" ratio "smbd CPU/wall"
for mode in "${mode_list[@]}"; do
  for way in up down; do
    for client in "${clients[@]}"; do
      w=$(med "${wall[$way $mode|$client]}"); ref=$(med "${wall[$way $mode|smbclient]}")
      s=$(med "${scpu[$way $mode|$client]}")
      printf "%-15s %-14s %-22s %-22s %-22s %-7s %s\n" "$way $mode" "$client" "$w" "$(med "${cpu[$way $mode|$client]}")" "$s" \
        "$(awk -v x="${ref%% *}" -v y="${w%% *}" 'BEGIN {printf "%.2fx", x / y}')" \
        "$(awk -v x="${s%% *}" -v y="${w%% *}" 'BEGIN {printf "%.2f", x / y}')"
    done
  done
done
for client in "${clients[@]:2}"; do echo "$client: ${launcher[$client]}, SMBCO_JAVA_OPTS=${vopts[$client]}"; done
