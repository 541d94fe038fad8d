#!/usr/bin/env bash
# Set up a fresh Debian/Ubuntu machine for Journey Studio, then run the app or the tests.
#   bash scripts/dev.sh run [FILE]   set up, then open the editor (the bundled sample by default)
#   bash scripts/dev.sh test         set up, then run the checks and the whole test suite
#                                    (the Qt-free tests again in a venv without PySide6)
#   bash scripts/dev.sh ship         set up, build the desktop bundle (build.spec) into
#                                    dist/journey-studio and try it from outside the checkout
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's runtime libraries (offscreen and X11), fonts, a virtual screen, and poppler for
# reading PDFs back in tests. Exact list verified on bare Debian 12.
APT_PACKAGES=(
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfreetype6 libfontconfig1 libdbus-1-3
  fonts-dejavu-core xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1
  libxkbcommon-x11-0 poppler-utils python3-venv
)

# The tests also open the SVG export in three other renderers a client may use.
TEST_APT_PACKAGES=(librsvg2-bin inkscape chromium)

# PyInstaller reads shared libraries' dependencies with objdump (binutils).
SHIP_APT_PACKAGES=(binutils)

install_system_packages() {
  command -v dpkg-query >/dev/null || return 0
  local missing=()
  for pkg in "${APT_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# Installs into .venv only when pyproject.toml changed since the last install (or an extra
# not installed yet is asked for): the stamp holds pyproject's hash and the extras.
setup_python() {
  local extras="$1" python="${PYTHON:-python3}" stamp=.venv/installed.stamp
  local hash recorded_hash recorded_extras extra missing=""
  if [ ! -x .venv/bin/python ]; then
    echo "Creating the virtual environment .venv"
    "$python" -m venv .venv
  fi
  hash=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ -f "$stamp" ]; then read -r recorded_hash recorded_extras <"$stamp" || true; fi
  for extra in ${extras//,/ }; do
    [[ ",${recorded_extras:-}," == *",$extra,"* ]] || missing="yes"
  done
  if [ "${recorded_hash:-}" = "$hash" ] && [ -z "$missing" ] && [ -x .venv/bin/journey-studio ]
  then
    return 0
  fi
  echo "Installing the Python packages ($extras) into .venv (about a minute the first time)"
  # pip's chatter goes to a log; the packages it fetches and installs are shown as it goes.
  if ! { .venv/bin/python -m pip install -q --upgrade pip \
         && .venv/bin/python -m pip install -e ".[$extras]"; } 2>&1 | tee .venv/pip.log \
       | { grep --line-buffered -E "^(Collecting|Installing collected|Successfully)" || true; } \
       | sed -u 's/^/  /'; then
    cat .venv/pip.log >&2
    echo "error: installing the Python packages failed (log above)" >&2
    return 1
  fi
  # Extras installed earlier from the same pyproject.toml are still there.
  if [ "${recorded_hash:-}" = "$hash" ] && [ -n "${recorded_extras:-}" ]; then
    extras=$(printf '%s\n' ${extras//,/ } ${recorded_extras//,/ } | sort -u | paste -sd,)
  fi
  printf '%s %s\n' "$hash" "$extras" >"$stamp"
}

# The Qt-free layers are tested again where PySide6 is not installed (a server, an image
# without GUI libraries): a second venv with pyproject's requirements less Qt.
HEADLESS_TESTS=(tests/domain tests/storage tests/interchange tests/export tests/cli)

setup_headless() {
  local python="${PYTHON:-python3}" requirements stamp=.venv-headless/installed.txt
  if [ ! -x .venv-headless/bin/python ]; then
    "$python" -m venv .venv-headless
  fi
  mapfile -t requirements < <(.venv/bin/python scripts/headless_requirements.py)
  # Installed again only when the list changes: the stamp holds the list last installed.
  if [ "$(cat "$stamp" 2>/dev/null)" != "$(printf '%s\n' "${requirements[@]}")" ]; then
    if ! { .venv-headless/bin/python -m pip install -q "${requirements[@]}" \
           && .venv-headless/bin/python -m pip install -q --no-deps -e .; } \
         >.venv-headless/pip.log 2>&1; then
      cat .venv-headless/pip.log >&2
      echo "error: installing the headless test environment failed (log above)" >&2
      return 1
    fi
    printf '%s\n' "${requirements[@]}" >"$stamp"
  fi
  if .venv-headless/bin/python -c "import PySide6" 2>/dev/null; then
    echo "error: PySide6 is importable in .venv-headless: the headless run would prove nothing" >&2
    return 1
  fi
}

step() { echo "== $* ($(( SECONDS - STARTED )) s)"; }
STARTED=$SECONDS

run_tests() {
  step "ruff"
  .venv/bin/ruff check app tests bench
  step "import contracts (lint-imports)"
  .venv/bin/lint-imports
  # Strict on app/domain, app/document, app/storage and app/export ([tool.mypy] in
  # pyproject.toml); the other layers may not gain errors (scripts/mypy_baseline.txt).
  step "mypy (strict layers, then the Qt layers' baseline)"
  .venv/bin/mypy
  .venv/bin/python scripts/mypy_baseline.py
  local rc=0 headless_pid="" headless_rc=0
  # The headless run goes beside the main one (which keeps one core busy), its output
  # shown after; a focused run (pytest arguments given) leaves it out.
  if [ $# -eq 0 ]; then
    .venv-headless/bin/python -m pytest -q -p no:cacheprovider "${HEADLESS_TESTS[@]}" \
      >.venv-headless/pytest.log 2>&1 &
    headless_pid=$!
  fi
  step "tests (a dot per test, the percentage at each line's end)"
  QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider "$@" || rc=$?
  # pytest exits 5 when it collected no tests: not a failure of the checks above.
  if [ "$rc" -eq 5 ]; then rc=0; fi
  if [ -n "$headless_pid" ]; then
    step "waiting for the headless run"
    wait "$headless_pid" || headless_rc=$?
    echo "Again without PySide6 (.venv-headless): ${HEADLESS_TESTS[*]}"
    cat .venv-headless/pytest.log
    if [ "$rc" -eq 0 ]; then rc=$headless_rc; fi
  fi
  return "$rc"
}

build_bundle() {
  step "building the bundle with PyInstaller (build.spec → dist/journey-studio)"
  .venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
    --workpath build/pyinstaller build.spec
  echo "Bundle: $(du -sh dist/journey-studio | cut -f1) in dist/journey-studio"
}

# The bundle as a user without Python would start it: from a folder outside the checkout,
# with an empty environment but a minimal PATH and a HOME.
check_bundle() {
  local program="$PWD/dist/journey-studio/journey-studio" work version
  version=$(.venv/bin/python -c \
    'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
  work=$(mktemp -d)
  cp resources/samples/online-shop.cjm "$work/sample.cjm"
  bundled() { (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" "$program" "$@"); }
  step "the bundle: --version, export to PDF, a screenshot (env -i, in $work)"
  [ "$(bundled --version)" = "journey-studio $version" ] \
    || { echo "error: the bundle's --version is not $version" >&2; return 1; }
  bundled export sample.cjm -o sample.pdf >/dev/null 2>&1 \
    || { bundled export sample.cjm -o sample.pdf; return 1; }
  pdffonts "$work/sample.pdf" | grep -q "DejaVuSans .* yes yes" \
    || { echo "error: the bundle's PDF lacks the embedded DejaVu Sans" >&2; return 1; }
  bundled --screenshot shot.png 2>"$work/screenshot.log" \
    || { cat "$work/screenshot.log" >&2; return 1; }
  [ "$(head -c 8 "$work/shot.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] \
    || { echo "error: the bundle's screenshot is not a PNG" >&2; return 1; }
  # A schema-1 file is upgraded when opened for writing: the Alembic scripts are in the bundle.
  .venv/bin/python -c 'import sys; from pathlib import Path
from app.samples import build_sample
from tests.storage.test_migration import make_v1_file
make_v1_file(Path(sys.argv[1]), build_sample())' "$work/old.cjm"
  bundled old.cjm --screenshot old.png 2>"$work/old.log" || { cat "$work/old.log" >&2; return 1; }
  bundled info old.cjm | grep -q "schema version $(.venv/bin/python -c 'from app.storage.columns import SCHEMA_VERSION as v; print(v)')" \
    || { echo "error: the bundle did not upgrade a schema-1 project" >&2; return 1; }
  echo "The bundle printed its version, exported the sample to PDF, wrote a screenshot of"
  echo "the sample and upgraded a schema-1 project."
  # With a test server (.ci/run starts one): the bundle publishes to it and reads it back
  # (psycopg's C build with its libpq, and the server's migrations, are in the bundle).
  if [ -n "${JOURNEY_STUDIO_TEST_PG:-}" ]; then
    step "the bundle on the test server: publish, projects, export"
    # In a database of its own, dropped after (the server's first one may hold projects).
    local db="bundle_check_$$" url
    url=$(.venv/bin/python -c 'import sys; from tests.server.conftest import with_database
print(with_database(sys.argv[1], sys.argv[2]))' "$JOURNEY_STUDIO_TEST_PG" "$db")
    psql -q "$JOURNEY_STUDIO_TEST_PG" -c "CREATE DATABASE $db" >/dev/null
    bundled publish sample.cjm "$url" --project bundle-check --replace >/dev/null \
      || { bundled publish sample.cjm "$url" --project bundle-check --replace; return 1; }
    bundled projects "$url" | grep -q "^bundle-check " \
      || { echo "error: the bundle does not list the project it published" >&2; return 1; }
    bundled export "$url&project=bundle-check" -o back.cjm >/dev/null \
      || { bundled export "$url&project=bundle-check" -o back.cjm; return 1; }
    bundled info back.cjm | grep -q "schema version" \
      || { echo "error: the bundle's copy from the server is not a project" >&2; return 1; }
    psql -q "$JOURNEY_STUDIO_TEST_PG" -c "DROP DATABASE $db WITH (FORCE)" >/dev/null
    echo "The bundle published the sample to the test server and exported it back."
  fi
  rm -rf "$work"
}

command="${1:-}"
shift || true
case "$command" in
  run)
    install_system_packages
    setup_python test
    # Without a FILE, the user's copy of the bundled sample (the app alone shows its start page).
    open_args=("$@")
    [ $# -eq 0 ] && open_args=(--sample)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "No display found: opening the editor on a virtual screen (xvfb-run)."
      exec xvfb-run -a .venv/bin/journey-studio "${open_args[@]}"
    fi
    exec .venv/bin/journey-studio "${open_args[@]}"
    ;;
  test)
    install_system_packages "${TEST_APT_PACKAGES[@]}"
    setup_python test
    if [ $# -eq 0 ]; then setup_headless; fi
    run_tests "$@"
    ;;
  ship)
    install_system_packages "${SHIP_APT_PACKAGES[@]}"
    setup_python test,ship
    build_bundle
    check_bundle
    ;;
  *)
    echo "usage: bash scripts/dev.sh run [FILE] | test [PYTEST-ARGS] | ship" >&2
    exit 2
    ;;
esac
