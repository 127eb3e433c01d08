#!/usr/bin/env bash
# Refresh constraints.txt: the exact versions that the README, CI and docs/installatie.md
# install. Without options it keeps every pin and only adds what is new in
# requirements.txt; with --upgrade it moves every pin to the newest release.
#
#     tools/vastleggen.sh             keep the pins, add new ones
#     tools/vastleggen.sh --upgrade   newest releases (then run the suite, then commit)
#
# The library's own pyproject.toml keeps lower bounds only; this file is for developers
# and CI, so that a new release somewhere cannot turn our tests red unseen.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSIE=0.13.9
werk=$(mktemp -d)
trap 'rm -rf "$werk"' EXIT
python3 -m venv "$werk/venv"
"$werk/venv/bin/python" -m pip install --quiet "uv==$UV_VERSIE"

eigen=()
for pakket in onderzoekscyclus onderzoekscyclus-xlsx onderzoekscyclus-poster \
    onderzoekscyclus-graaf onderzoekscyclus-agenda; do
    eigen+=(--no-emit-package "$pakket")
done

"$werk/venv/bin/uv" pip compile requirements.txt \
    --universal --python-version 3.11 \
    --custom-compile-command "tools/vastleggen.sh" \
    "${eigen[@]}" "$@" \
    -o constraints.txt
