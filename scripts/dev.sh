#!/usr/bin/env bash
# Set up a fresh Debian/Ubuntu machine for Journey Studio, then run the app or the tests.
#   bash scripts/dev.sh run [FILE]   set up, then open the editor (the bundled sample by default)
#   bash scripts/dev.sh test         set up, then run the checks and the whole test suite
#                                    (the Qt-free tests again in a venv without PySide6)
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

install_system_packages() {
  command -v dpkg-query >/dev/null || return 0
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
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

setup_python() {
  local python="${PYTHON:-python3}"
  if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
  fi
  # Build-backend chatter goes to a log; it is shown only when the install fails.
  if ! { .venv/bin/python -m pip install -q --upgrade pip \
         && .venv/bin/python -m pip install -q -e ".[test]"; } >.venv/pip.log 2>&1; then
    cat .venv/pip.log >&2
    echo "error: installing the Python packages failed (log above)" >&2
    return 1
  fi
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

run_tests() {
  .venv/bin/ruff check app tests bench
  .venv/bin/lint-imports
  # Strict on app/domain, app/document, app/storage and app/export ([tool.mypy] in
  # pyproject.toml); the other layers may not gain errors (scripts/mypy_baseline.txt).
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
  QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider "$@" || rc=$?
  # pytest exits 5 when it collected no tests: not a failure of the checks above.
  if [ "$rc" -eq 5 ]; then rc=0; fi
  if [ -n "$headless_pid" ]; then
    wait "$headless_pid" || headless_rc=$?
    echo "Again without PySide6 (.venv-headless): ${HEADLESS_TESTS[*]}"
    cat .venv-headless/pytest.log
    if [ "$rc" -eq 0 ]; then rc=$headless_rc; fi
  fi
  return "$rc"
}

command="${1:-}"
shift || true
case "$command" in
  run)
    install_system_packages
    setup_python
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "No display found: opening the editor on a virtual screen (xvfb-run)."
      exec xvfb-run -a .venv/bin/journey-studio "$@"
    fi
    exec .venv/bin/journey-studio "$@"
    ;;
  test)
    install_system_packages
    setup_python
    if [ $# -eq 0 ]; then setup_headless; fi
    run_tests "$@"
    ;;
  *)
    echo "usage: bash scripts/dev.sh run [FILE] | test [PYTEST-ARGS]" >&2
    exit 2
    ;;
esac
