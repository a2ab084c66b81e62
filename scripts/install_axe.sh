#!/usr/bin/env bash
# axe-core, the accessibility checker the browser tests inject into the widget's page, from the npm
# registry into the git-ignored .cache/npm (skipped when that version is already there).
set -euo pipefail
cd "$(dirname "$0")/.."
version=4.14.1
target=.cache/npm/node_modules/axe-core
if [ -f "$target/axe.min.js" ] && grep -q "\"version\": \"$version\"" "$target/package.json"; then
  exit 0
fi
if ! command -v npm > /dev/null; then
  echo "Please install npm (Debian: apt-get install -y npm); the browser tests need axe-core." >&2
  exit 1
fi
echo "Installing axe-core $version into .cache/npm"
npm install --silent --no-audit --no-fund --prefix .cache/npm "axe-core@$version" > /dev/null
