#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter: Rasa 3.6 runs on 3.10 and not on 3.11.
set -u
is_310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; }

for candidate in "${PYTHON310:-}" python3.10; do
  [ -n "$candidate" ] || continue
  path=$(command -v "$candidate" 2>/dev/null) || continue
  # A pyenv shim exists even when 3.10 is not the active version, so run it to be sure.
  if is_310 "$path"; then echo "$path"; exit 0; fi
done

if command -v pyenv >/dev/null 2>&1; then
  for dir in $(ls -d "$(pyenv root)"/versions/3.10* 2>/dev/null | sort -V -r); do
    if is_310 "$dir/bin/python3.10"; then echo "$dir/bin/python3.10"; exit 0; fi
  done
fi

cat >&2 <<'MSG'
No Python 3.10 interpreter found. Rasa 3.6 needs Python 3.10 (it does not run on 3.11).
Install one of these, then run the command again:
  pyenv install 3.10.13                      (with pyenv)
  apt-get install -y python3.10 python3.10-venv   (where your distribution packages it)
or point PYTHON310 at an existing interpreter: PYTHON310=/path/to/python3.10 make test
MSG
exit 1
