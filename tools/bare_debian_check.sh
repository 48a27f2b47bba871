#!/usr/bin/env bash
# Prove on a bare Debian 12 system what CI cannot: that the README's two commands set
# nnsim up from nothing, and that its window then opens on a real X display through
# Qt's xcb plugin (offscreen tests never load it).
#
#   tools/bare_debian_check.sh [WORK_DIR]     as root; WORK_DIR defaults to /work/bare-debian
#
# Each run, from scratch:
#   1. builds a bare Debian 12 root, WORK_DIR/root, with `debootstrap --variant=minbase`
#      from the Debian mirror this machine's apt uses (DEBIAN_MIRROR overrides it);
#   2. copies in this machine's trust and package-client settings and nothing else: the
#      CA bundle /etc/ssl/certs/ca-certificates.crt, /usr/local/share/ca-certificates,
#      pip's configuration (/etc/pip.conf, /etc/xdg/pip, ~/.config/pip, ~/.pip, the PIP_*
#      variables) and apt's (/etc/apt/apt.conf.d, the sources);
#   3. installs python3 there, as a person does on a fresh machine;
#   4. copies a clean `git clone` of this repository to /root/nnsim, at its committed HEAD
#      (or at NNSIM_REV, a commit or branch, to check an earlier state);
#   5. starts Xvfb here and shares its socket with the root (so nothing for the check is
#      installed inside it), runs `./dev.sh run` there with QT_QPA_PLATFORM=xcb, waits
#      for nnsim's window, takes a screenshot (WORK_DIR/nnsim-bare-debian.png), closes
#      nnsim, and times a second start to its window;
#   6. removes two libraries the xcb plugin needs, checks that nnsim names them with the
#      apt-get line (not Qt's message) and exits, and puts them back;
#   7. runs `./dev.sh test` there: lint, the layering contract and the whole test suite.
# Logs go to WORK_DIR/logs. Whatever happens, it stops every process it started and
# unmounts what it mounted; the root stays for a look until the next run replaces it.
# Needs here: debootstrap, git, xvfb, xdotool and imagemagick (Debian packages).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(realpath -m "${1:-/work/bare-debian}")
ROOTFS=$WORK/root
LOGS=$WORK/logs
SHOT=$WORK/nnsim-bare-debian.png
SUITE=bookworm
WINDOW_TIMEOUT_S=${WINDOW_TIMEOUT_S:-1800} # the first start downloads and installs everything
PATH_IN_ROOT=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

XVFB_PID=""
NNSIM_PID=""
DISPLAY_NUMBER=""
RESULTS=()

say() { printf '\n[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { printf 'bare_debian_check: %s\n' "$*" >&2; exit 1; }
record() { RESULTS+=("$(printf '%-44s %s' "$1" "$2")"); }

case ${1:-} in -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;; esac
[ "$(id -u)" = 0 ] || die "run it as root: debootstrap, chroot and mount need it."
case "$WORK/" in "$REPO"/*) die "WORK_DIR must be outside the repository ($REPO)." ;; esac
for tool in debootstrap git Xvfb xdotool import chroot mount; do
    command -v "$tool" >/dev/null ||
        die "$tool is missing: apt-get install debootstrap git xvfb xdotool imagemagick"
done

# The first Debian archive among this machine's apt sources (deb822 or one-line form).
debian_mirror() {
    if [ -n "${DEBIAN_MIRROR:-}" ]; then
        echo "$DEBIAN_MIRROR"
        return
    fi
    {
        sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | tr ' ' '\n'
        sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\{0,1\}\([^[:space:]]\+\).*/\2/p' \
            /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
    } | grep -E '/debian/?$' | head -n 1 || true
}

mounts_under_root() {
    awk -v root="$ROOTFS" '$5 == root || index($5, root "/") == 1 { print $5 }' /proc/self/mountinfo
}

# Every process whose root directory is the bare root: started by this script, in it.
processes_in_root() {
    local proc
    for proc in /proc/[0-9]*; do
        [ "$(readlink "$proc/root" 2>/dev/null)" = "$ROOTFS" ] && echo "${proc#/proc/}"
    done
    return 0
}

stop_processes_in_root() {
    local pids
    pids=$(processes_in_root)
    [ -z "$pids" ] && return 0
    kill $pids 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        pids=$(processes_in_root)
        [ -z "$pids" ] && return 0
        sleep 0.5
    done
    kill -KILL $pids 2>/dev/null || true
    sleep 0.5
}

unmount_root() {
    local target
    # Deepest first, so a mount inside another goes before it.
    for target in $(mounts_under_root | sort -r); do
        umount "$target" 2>/dev/null || umount -l "$target"
    done
}

cleanup() {
    local status=$?
    set +e
    if [ -n "$NNSIM_PID" ]; then kill "$NNSIM_PID" 2>/dev/null; wait "$NNSIM_PID" 2>/dev/null; fi
    [ -d "$ROOTFS" ] && stop_processes_in_root
    if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null; fi
    [ -d "$ROOTFS" ] && unmount_root
    [ -n "$(mounts_under_root)" ] && echo "bare_debian_check: still mounted: $(mounts_under_root)" >&2
    if [ "${#RESULTS[@]}" -gt 0 ]; then
        printf '\nbare Debian check of nnsim %s (%s):\n' "${COMMIT:-?}" "$WORK" >&2
        printf '  %s\n' "${RESULTS[@]}" >&2
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'echo "bare_debian_check: line $LINENO failed: $BASH_COMMAND" >&2' ERR
trap 'exit 130' INT TERM

# A command inside the root, as root, with a clean environment plus pip's variables.
PIP_VARIABLES=()
for name in $(compgen -e | grep '^PIP_' || true); do PIP_VARIABLES+=("$name=${!name}"); done
IN_ROOT=(chroot "$ROOTFS" /usr/bin/env -i HOME=/root PATH="$PATH_IN_ROOT" LANG=C.UTF-8 TERM=dumb
    DEBIAN_FRONTEND=noninteractive "${PIP_VARIABLES[@]}")
in_root() { "${IN_ROOT[@]}" "$@"; }

seconds_since() { echo $(($(date +%s) - $1)); }

# -- 1. A fresh bare root ---------------------------------------------------------------
mkdir -p "$WORK" "$LOGS"
if [ -d "$ROOTFS" ]; then
    say "Removing the previous root $ROOTFS"
    stop_processes_in_root
    unmount_root
    [ -z "$(mounts_under_root)" ] || die "cannot unmount $(mounts_under_root): not removing $ROOTFS"
    rm -rf --one-file-system "$ROOTFS"
fi
rm -f "$LOGS"/*.log "$SHOT"
MIRROR=$(debian_mirror)
[ -n "$MIRROR" ] || die "no Debian mirror in /etc/apt/sources.list(.d): set DEBIAN_MIRROR"
COMMIT=$(git -C "$REPO" rev-parse --short "${NNSIM_REV:-HEAD}^{commit}") ||
    die "no commit ${NNSIM_REV:-HEAD} in $REPO"
say "1. debootstrap --variant=minbase $SUITE into $ROOTFS"
start=$(date +%s)
debootstrap --variant=minbase "$SUITE" "$ROOTFS" "$MIRROR" >"$LOGS/debootstrap.log" 2>&1 ||
    { tail -n 20 "$LOGS/debootstrap.log" >&2; die "debootstrap failed (log: $LOGS/debootstrap.log)"; }
record "1. bare Debian 12 (minbase)" "built in $(seconds_since "$start") s, $(du -sh "$ROOTFS" | cut -f1)"

# -- 2. This machine's trust and package-client settings, nothing else -------------------
say "2. Copying the CA bundle and pip's and apt's settings"
copy_in() { # copy_in PATH...: each file or folder to the same place in the root
    local path
    for path in "$@"; do
        [ -e "$path" ] || continue
        mkdir -p "$ROOTFS$(dirname "$path")"
        cp -a "$path" "$ROOTFS$(dirname "$path")/"
        echo "  $path" >&2
    done
}
copy_in /etc/ssl/certs/ca-certificates.crt /usr/local/share/ca-certificates
copy_in /etc/pip.conf /etc/xdg/pip "${PIP_CONFIG_FILE:-/nonexistent}"
for path in "$HOME/.config/pip" "$HOME/.pip"; do
    [ -e "$path" ] || continue
    mkdir -p "$ROOTFS/root/${path#"$HOME"/}"
    cp -a "$path/." "$ROOTFS/root/${path#"$HOME"/}/"
    echo "  $path -> /root/${path#"$HOME"/}" >&2
done
[ "${#PIP_VARIABLES[@]}" -gt 0 ] && echo "  pip's variables: ${PIP_VARIABLES[*]%%=*}" >&2
cp -a /etc/apt/apt.conf.d/. "$ROOTFS/etc/apt/apt.conf.d/"
echo "  /etc/apt/apt.conf.d" >&2
# The same sources as here (debootstrap wrote one line of its own).
rm -f "$ROOTFS/etc/apt/sources.list"
copy_in /etc/apt/sources.list
for path in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do copy_in "$path"; done

# -- 3. python3, as on any fresh machine -------------------------------------------------
mount -t proc proc "$ROOTFS/proc"
mount --rbind /dev "$ROOTFS/dev" && mount --make-rslave "$ROOTFS/dev"
mount --rbind /sys "$ROOTFS/sys" && mount --make-rslave "$ROOTFS/sys"
say "3. apt-get install python3"
start=$(date +%s)
{ in_root apt-get update -q && in_root apt-get install -y -q python3; } >"$LOGS/python3.log" 2>&1 ||
    { tail -n 20 "$LOGS/python3.log" >&2; die "installing python3 failed"; }
record "3. apt-get install python3" "$(in_root python3 --version), $(seconds_since "$start") s"

# -- 4. A clean clone of what is committed ------------------------------------------------
say "4. git clone of $COMMIT into /root/nnsim"
git clone -q --no-hardlinks "$REPO" "$ROOTFS/root/nnsim"
git -C "$ROOTFS/root/nnsim" checkout -q "$COMMIT"
record "4. clean clone" "$COMMIT ($(git -C "$REPO" log -1 --format=%cs "$COMMIT"))"

# -- 5. ./dev.sh run on a real X display ---------------------------------------------------
for number in $(seq 90 140); do
    if [ ! -e "/tmp/.X11-unix/X$number" ] && [ ! -e "/tmp/.X$number-lock" ]; then
        DISPLAY_NUMBER=$number
        break
    fi
done
[ -n "$DISPLAY_NUMBER" ] || die "no free X display number between 90 and 140"
mkdir -p /tmp/.X11-unix && chmod 1777 /tmp/.X11-unix
Xvfb ":$DISPLAY_NUMBER" -screen 0 1280x800x24 -nolisten tcp >"$LOGS/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X$DISPLAY_NUMBER" ] && break; sleep 0.2; done
[ -S "/tmp/.X11-unix/X$DISPLAY_NUMBER" ] || die "Xvfb did not start (log: $LOGS/xvfb.log)"
mkdir -p "$ROOTFS/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$ROOTFS/tmp/.X11-unix"

# nnsim_window: the id of nnsim's main window once it is shown on the display, else nothing.
nnsim_window() {
    DISPLAY=":$DISPLAY_NUMBER" xdotool search --onlyvisible --name ' - nnsim$' 2>/dev/null | head -n 1
}

# start_nnsim LOG: `./dev.sh run` in the root on the display; WINDOW is its window once shown.
start_nnsim() {
    local log=$1 deadline
    WINDOW=""
    # A simple command in the background, so NNSIM_PID is chroot's, which becomes nnsim.
    "${IN_ROOT[@]}" DISPLAY=":$DISPLAY_NUMBER" QT_QPA_PLATFORM=xcb \
        bash -c "cd /root/nnsim && exec ./dev.sh run" >"$log" 2>&1 &
    NNSIM_PID=$!
    deadline=$(($(date +%s) + WINDOW_TIMEOUT_S))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        WINDOW=$(nnsim_window)
        [ -n "$WINDOW" ] && return 0
        kill -0 "$NNSIM_PID" 2>/dev/null || break
        sleep 0.05
    done
    tail -n 30 "$log" >&2
    return 1
}

stop_nnsim() {
    kill "$NNSIM_PID" 2>/dev/null || true
    wait "$NNSIM_PID" 2>/dev/null || true
    NNSIM_PID=""
}

say "5. ./dev.sh run on display :$DISPLAY_NUMBER (Xvfb), QT_QPA_PLATFORM=xcb"
start=$(date +%s)
start_nnsim "$LOGS/run.log" ||
    { record "5. ./dev.sh run" "FAILED: no window (log: $LOGS/run.log)"; exit 1; }
record "5. ./dev.sh run, first start" "window shown after $(seconds_since "$start") s (set-up included)"
installed=$(sed -n 's/^dev.sh: installing Debian packages: //p' "$LOGS/run.log" | wc -w)
record "   dev.sh installed" "$installed Debian packages (and nnsim into .venv)"
sleep 3 # let it paint
DISPLAY=":$DISPLAY_NUMBER" import -window root "$SHOT"
geometry=$(DISPLAY=":$DISPLAY_NUMBER" xdotool getwindowgeometry "$WINDOW" | sed -n 's/.*Geometry: //p')
stop_nnsim
if grep -qE 'Could not load the Qt platform plugin|is needed to load the Qt xcb' "$LOGS/run.log"; then
    record "   Qt's plugin" "FAILED: $(grep -m1 'Could not load' "$LOGS/run.log")"
    exit 1
fi
record "   screenshot" "$SHOT (window $geometry)"
qt_messages=$(grep -c -E '^(qt\.|Qt|QXcb|Warning)' "$LOGS/run.log" || true)
record "   Qt's messages while running" "$qt_messages (log: $LOGS/run.log)"

start_ns=$(date +%s%N)
start_nnsim "$LOGS/second-run.log" ||
    { record "   second start" "FAILED (log: $LOGS/second-run.log)"; exit 1; }
record "   second start (dev.sh run to window)" "$((($(date +%s%N) - start_ns) / 1000000)) ms"
stop_nnsim

# -- 6. What nnsim says when a library is missing -----------------------------------------
say "6. Without libxcb-icccm4 and libxcb-keysyms1, nnsim says so"
in_root dpkg --remove --force-depends libxcb-icccm4 libxcb-keysyms1 >"$LOGS/missing.log" 2>&1
status=0
in_root DISPLAY=":$DISPLAY_NUMBER" QT_QPA_PLATFORM=xcb timeout 120 /root/nnsim/.venv/bin/nnsim \
    >>"$LOGS/missing.log" 2>&1 || status=$?
in_root apt-get install -y -q libxcb-icccm4 libxcb-keysyms1 >"$LOGS/reinstall.log" 2>&1
if [ "$status" = 1 ] && grep -q "apt-get install libxcb-icccm4 libxcb-keysyms1$" "$LOGS/missing.log" &&
    ! grep -qE 'Could not load the Qt platform plugin|xcb-cursor0' "$LOGS/missing.log"; then
    record "6. libraries removed" "nnsim named them and the apt-get line, exit 1"
else
    record "6. libraries removed" "FAILED: exit $status (log: $LOGS/missing.log)"
    exit 1
fi

# -- 7. ./dev.sh test ----------------------------------------------------------------------
say "7. ./dev.sh test (log: $LOGS/test.log)"
start=$(date +%s)
status=0
in_root bash -c "cd /root/nnsim && ./dev.sh test -q -p no:cacheprovider" >"$LOGS/test.log" 2>&1 ||
    status=$?
summary=$(grep -E '[0-9]+ (passed|failed|errors?)' "$LOGS/test.log" | tail -n 1 | tr -d '=' || true)
if [ "$status" = 0 ]; then
    record "7. ./dev.sh test" "passed in $(seconds_since "$start") s: ${summary:-no summary}"
else
    tail -n 40 "$LOGS/test.log" >&2
    record "7. ./dev.sh test" "FAILED (exit $status) in $(seconds_since "$start") s: $summary"
    exit 1
fi
say "All steps passed."
