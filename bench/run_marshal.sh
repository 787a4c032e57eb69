#!/usr/bin/env bash
# Compares PycSharp's MarshalReader with CPython 3.11's marshal.loads on the same .pyc bodies (see README.md).
#
#   bench/run_marshal.sh [DIR] [--repeat N] [--warmup N] [--keep]
#
# DIR defaults to ~/.pyenv/versions/3.11.7/lib/python3.11; PYTHON311 overrides the interpreter.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
python="${PYTHON311:-$HOME/.pyenv/versions/3.11.7/bin/python3.11}"

if [[ ! -x "$python" ]]; then
    echo "error: CPython 3.11 not found at $python (install it with pyenv, or set PYTHON311=/path/to/python3.11)" >&2
    exit 1
fi
if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)'; then
    echo "error: $python is not CPython 3.11 ($("$python" -V 2>&1))" >&2
    exit 1
fi

dir=""
pass=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --repeat|--warmup) pass+=("$1" "$2"); shift 2 ;;
        --keep) pass+=("$1"); shift ;;
        -*) echo "error: unknown option $1" >&2; exit 2 ;;
        *) dir="$1"; shift ;;
    esac
done
dir="${dir:-$HOME/.pyenv/versions/3.11.7/lib/python3.11}"
if [[ ! -d "$dir" ]]; then
    echo "error: no such directory: $dir" >&2
    exit 1
fi

echo "building (Release)..." >&2
dotnet build -c Release "$root/bench/PycSharp.Bench" -nologo -v quiet >&2
dll="$root/artifacts/bin/PycSharp.Bench/release/PycSharp.Bench.dll"

t0=$(date +%s%N)
cs_line=$(dotnet "$dll" marshal "$dir" "${pass[@]}")
t1=$(date +%s%N)
py_line=$("$python" "$here/marshal_cpython.py" "$dir" "${pass[@]}")
t2=$(date +%s%N)

echo "$cs_line"
echo "$py_line"

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
cs_best=$(field best_ms "$cs_line")
py_best=$(field best_ms "$py_line")
if [[ "$(field files "$cs_line")" != "$(field files "$py_line")" || "$(field bytes "$cs_line")" != "$(field bytes "$py_line")" ]]; then
    echo "warning: the two sides did not read the same files" >&2
fi
awk -v c="$cs_best" -v p="$py_best" 'BEGIN { printf "ratio (cpython/pycsharp, >1 means PycSharp is faster): %.2f\n", p / c }'
awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "wall (whole process, loading files and all rounds included): pycsharp=%.2fs cpython=%.2fs\n", (b - a) / 1e9, (c - b) / 1e9 }'
