# Shared by .ci/run and .ci/nieuwste (sourced, not run).

section() { printf '\n==== %s ====\n' "$1"; }

# A fresh copy of the working tree (tracked files and new, not ignored ones) in $1:
# no .venv, no demo werkplaats, no caches from earlier runs.
verse_kopie() {
    local doel=$1
    mkdir -p "$doel"
    git ls-files -z --cached --others --exclude-standard \
        | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
        | tar --null -T - -cf - | tar -xf - -C "$doel"
}

# The README's first ```sh block: exactly two commands.
readme_opdrachten() {
    mapfile -t opdrachten < <(awk '/^```sh$/ {blok=1; next} blok && /^```$/ {exit} blok {print}' README.md)
    if [ "${#opdrachten[@]}" -ne 2 ]; then
        echo "README.md moet beginnen met een \`\`\`sh-blok van precies twee opdrachten" >&2
        exit 1
    fi
}

# Run one command; any non-zero exit fails the run (pytest's 5 for "no tests" too).
draai() {
    local opdracht=$1 code
    section "$opdracht"
    set +e
    bash -c "$opdracht"
    code=$?
    set -e
    if [ "$code" -ne 0 ]; then
        echo "mislukt (exit $code): $opdracht" >&2
        exit "$code"
    fi
}

# Lint, types and translations, with the tools of the virtual environment in .venv.
controles() {
    draai ".venv/bin/ruff check ."
    draai ".venv/bin/ruff format --check ."
    draai ".venv/bin/mypy"
    draai ".venv/bin/python tools/vertalingen.py --check"
    draai ".venv/bin/python tools/docs.py --check"
}

# The browser tests (tests/test_site.py) drive Debian's Chromium; install it when this
# machine lacks it (as root, like CI; a developer without root installs it once by hand).
browser() {
    if ! command -v chromium >/dev/null 2>&1; then
        section "chromium installeren"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
}
