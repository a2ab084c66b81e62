#!/usr/bin/env bash
# Creates .venv with Python 3.10 and installs the locked dependencies and this project into it.
set -euo pipefail
cd "$(dirname "$0")/.."
python310=$(scripts/find_python310.sh)
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then
  rm -rf .venv
  echo "Creating .venv with $python310"
  "$python310" -m venv .venv
fi
echo "Installing locked dependencies (a few minutes the first time)"
.venv/bin/python -m pip install --quiet --disable-pip-version-check "wheel==0.45.1"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
.venv/bin/python -m pip check
