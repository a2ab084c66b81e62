#!/usr/bin/env bash
# Regenerates requirements.lock: resolves pyproject's pins in a throwaway venv and freezes every package.
set -euo pipefail
cd "$(dirname "$0")/.."
python310=$(scripts/find_python310.sh)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$python310" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check wheel '.[dev]'
{
  echo "# Every package, pinned. Regenerate with 'make lock' after changing pyproject.toml."
  "$tmp/venv/bin/python" -m pip freeze --exclude portage-local-offer
} > requirements.lock
echo "requirements.lock: $(grep -vc '^#' requirements.lock) packages"
