#!/usr/bin/env bash
# Runs every corpus program's 3.11, 3.12 and 3.13 .pyc through the `pyc run` command itself, as a user would
# (cwd tests/corpus, stdin NAME.stdin or empty), and compares stdout, stderr and the exit code with what CPython
# recorded (tests/fixtures/X.Y/NAME.out, .err, .exit). RunTests checks the same in-process; this checks the CLI.
#
#   tools/check_vm_cli.sh [VERSION...]     (default: 3.11 3.12 3.13; PYC overrides the command, default: the
#                                           Release build through dotnet)
# Prints one line per program that differs and a count per version; exit status 1 if any differs.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
versions=("$@")
[[ ${#versions[@]} -eq 0 ]] && versions=(3.11 3.12 3.13)
if [[ -z "${PYC:-}" ]]; then
    dotnet build -c Release "$root/src/PycSharp.Cli" -nologo -v quiet >&2 || exit 2
    PYC="dotnet $root/artifacts/bin/PycSharp.Cli/release/pyc.dll"
fi
read -r -a pyc <<< "$PYC"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root/tests/corpus"
status=0
for v in "${versions[@]}"; do
    same=0 total=0
    for exitfile in "$root/tests/fixtures/$v"/*.exit; do
        name=$(basename "$exitfile" .exit)
        [[ -f "$name.py" ]] || continue
        total=$((total + 1))
        input=/dev/null
        [[ -f "$name.stdin" ]] && input="$name.stdin"
        timeout 120 "${pyc[@]}" run "$root/tests/fixtures/$v/$name.pyc" < "$input" > "$tmp/out" 2> "$tmp/err"
        code=$?
        if cmp -s "$tmp/out" "$root/tests/fixtures/$v/$name.out" && cmp -s "$tmp/err" "$root/tests/fixtures/$v/$name.err" \
            && [[ "$code" == "$(tr -d '[:space:]' < "$exitfile")" ]]; then
            same=$((same + 1))
        else
            echo "$v $name: differs (exit $code)"
            status=1
        fi
    done
    echo "$v: $same of $total programs give CPython's stdout, stderr and exit code under pyc run"
done
exit $status
