#!/usr/bin/env bash
# Set up everything nnsim needs in ./.venv, then run nnsim, its tests or its benchmarks.
#
#   ./dev.sh run [nnsim arguments]   start nnsim
#   ./dev.sh test [pytest arguments] lint, layering contract and the whole test suite
#   ./dev.sh bench                   speed benchmarks of the engine and the window
#   ./dev.sh packages                the Debian packages nnsim needs (installed by the others)
#
# On a bare Debian 12 machine it installs, when run as root, the Debian packages
# that a Python virtual environment and Qt need; otherwise it names them.
set -euo pipefail
cd "$(dirname "$0")"

# What Qt's libraries and its xcb platform plugin (the window on an X display) link
# against, one package per library; tests/test_dev_sh.py reads the installed plugin
# and checks none is left out. The fonts are there so text is not drawn as boxes: DejaVu
# for Latin letters, WenQuanYi Micro Hei (1.6 MB) for the Chinese window.
QT_DEBIAN_PACKAGES="libglib2.0-0 libgl1 libegl1 libfontconfig1 libfreetype6 libdbus-1-3
    libxkbcommon0 libxkbcommon-x11-0 libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0
    libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0
    libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
    fonts-dejavu-core fonts-wqy-microhei"
VENV_DEBIAN_PACKAGES="python3-venv"
VENV=.venv

say() { printf 'dev.sh: %s\n' "$*" >&2; }

missing_debian_packages() {
    command -v dpkg-query >/dev/null || return 0
    local installed package
    # One dpkg-query for all (one per package cost 0.4 s at every start); "ii" is installed.
    installed=" $(dpkg-query -W -f='${db:Status-Abbrev}${Package}\n' "$@" 2>/dev/null |
        sed -n 's/^ii *//p' | tr '\n' ' ' || true) "
    for package in "$@"; do
        case "$installed" in *" $package "*) ;; *) printf '%s ' "$package" ;; esac
    done
}

install_debian_packages() {
    local missing
    missing=$(missing_debian_packages "$@")
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "installing Debian packages: $missing"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        say "missing Debian packages: $missing (install them with: sudo apt-get install $missing)"
    fi
}

find_python() {
    for candidate in "${PYTHON:-}" python3.11 python3; do
        [ -n "$candidate" ] && command -v "$candidate" >/dev/null || continue
        if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
            echo "$candidate"
            return 0
        fi
    done
    say "nnsim needs Python 3.11 or newer (on Debian 12: apt-get install python3)."
    exit 1
}

# $1: the extras to install ("" for just nnsim, "test", "test,bench")
setup() {
    local extras=$1 python stamp wanted hash
    python=$(find_python)
    if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
        install_debian_packages $VENV_DEBIAN_PACKAGES
    fi
    install_debian_packages $QT_DEBIAN_PACKAGES
    # The stamp names the extras installed and the pyproject.toml they came from;
    # plain nnsim is satisfied by any install of the same pyproject.toml.
    hash=$(sha256sum pyproject.toml | cut -c1-16)
    wanted="$extras $hash"
    stamp=$VENV/.nnsim-installed
    if [ -f "$stamp" ] && { grep -qxF -- "$wanted" "$stamp" ||
        { [ -z "$extras" ] && grep -q " $hash\$" "$stamp"; }; }; then
        return 0
    fi
    [ -x "$VENV/bin/python" ] || "$python" -m venv "$VENV"
    say "installing nnsim${extras:+ with [$extras]} into $VENV"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".${extras:+[$extras]}"
    echo "$wanted" >"$stamp"
}

# The window's translations (.qm), built from the .ts sources each time: 0.2 s.
build_translations() {
    "$VENV/bin/python" tools/translations.py build
}

run_tests() {
    local status=0
    "$VENV/bin/ruff" check . || status=1
    "$VENV/bin/ruff" format --check . || status=1
    "$VENV/bin/lint-imports" --no-cache || status=1
    "$VENV/bin/python" -m pytest "$@" || status=$?
    return "$status"
}

command=${1:-run}
shift || true
case "$command" in
    run) setup "" && build_translations && exec "$VENV/bin/nnsim" "$@" ;;
    test) setup test && build_translations && run_tests "$@" ;;
    bench) setup test,bench && "$VENV/bin/python" benchmarks/bench_engine.py "$@" &&
        exec "$VENV/bin/python" benchmarks/bench_gui.py "$@" ;;
    packages) echo $VENV_DEBIAN_PACKAGES $QT_DEBIAN_PACKAGES ;;
    *) say "unknown command '$command': use run, test, bench or packages"; exit 2 ;;
esac
