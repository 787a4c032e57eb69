#!/usr/bin/env bash
# Times `pyc dis -o` against CPython 3.11's dis.dis on every .pyc under a folder, each side one process (see README.md).
#
#   bench/run_dis.sh [DIR] [--repeat N] [--one-cpu] [--ours-only | --python-only] [--out DIR] [--keep]
#
# DIR defaults to ~/.pyenv/versions/3.11.7/lib/python3.11; PYTHON311 overrides the interpreter.
#   --repeat N     run each side N times (alternating) and keep the best wall time (default 1)
#   --one-cpu      pin both processes to one CPU (taskset -c 0): pyc dis otherwise uses every core
#   --ours-only    time only pyc dis;  --python-only: only CPython
#   --out DIR      where the two sides write (DIR/ours, DIR/cpython; default /dev/shm/pycsharp-bench-dis, a RAM
#                  disk, so that disk write-back does not blur the times; /tmp/pycsharp-bench-dis without /dev/shm)
#   --keep         keep the written .dis files (about 1.2 GB per side for the default DIR); removed by default
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
python="${PYTHON311:-$HOME/.pyenv/versions/3.11.7/bin/python3.11}"

dir=""
repeat=1
one_cpu=0
ours=1
cpython=1
out=/tmp/pycsharp-bench-dis
[[ -d /dev/shm && -w /dev/shm ]] && out=/dev/shm/pycsharp-bench-dis
keep=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --repeat) repeat="$2"; shift 2 ;;
        --one-cpu) one_cpu=1; shift ;;
        --ours-only) cpython=0; shift ;;
        --python-only) ours=0; shift ;;
        --out) out="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        -*) echo "error: unknown option $1" >&2; exit 2 ;;
        *) dir="$1"; shift ;;
    esac
done
dir="${dir:-$HOME/.pyenv/versions/3.11.7/lib/python3.11}"
if [[ ! -d "$dir" ]]; then
    echo "error: no such directory: $dir" >&2
    exit 1
fi
if [[ $cpython -eq 1 ]]; then
    if [[ ! -x "$python" ]]; then
        echo "error: CPython 3.11 not found at $python (install it with pyenv, or set PYTHON311=/path/to/python3.11)" >&2
        exit 1
    fi
    if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)'; then
        echo "error: $python is not CPython 3.11 ($("$python" -V 2>&1))" >&2
        exit 1
    fi
fi
pin=()
if [[ $one_cpu -eq 1 ]]; then
    command -v taskset >/dev/null || { echo "error: --one-cpu needs taskset" >&2; exit 1; }
    pin=(taskset -c 0)
fi

dll="$root/artifacts/bin/PycSharp.Cli/release/pyc.dll"
if [[ $ours -eq 1 ]]; then
    echo "building pyc (Release)..." >&2
    dotnet build -c Release "$root/src/PycSharp.Cli" -nologo -v quiet >&2
fi

# Both sides read the same files: load them into the page cache first, untimed.
find "$dir" -name '*.pyc' -type f -exec cat {} + >/dev/null
files=$(find "$dir" -name '*.pyc' -type f | wc -l)
mkdir -p "$out"

now() { date +%s%N; }
best_ours=""
best_py=""
py_line=""
for ((round = 1; round <= repeat; round++)); do
    if [[ $ours -eq 1 ]]; then
        rm -rf "$out/ours"
        t0=$(now)
        status=0
        "${pin[@]}" dotnet "$dll" dis -o "$out/ours" "$dir" 2>"$out/ours.stderr" || status=$?
        t1=$(now)
        if [[ $status -gt 1 ]]; then
            echo "error: pyc dis failed (exit $status):" >&2
            head -n 20 "$out/ours.stderr" >&2
            exit 1
        fi
        ms=$(( (t1 - t0) / 1000000 ))
        echo "round $round: pyc dis ${ms} ms" >&2
        [[ -z "$best_ours" || $ms -lt $best_ours ]] && best_ours=$ms
    fi
    if [[ $cpython -eq 1 ]]; then
        rm -rf "$out/cpython"
        t0=$(now)
        py_line=$("${pin[@]}" "$python" "$here/dis_cpython.py" "$dir" --out "$out/cpython" 2>"$out/cpython.stderr")
        t1=$(now)
        ms=$(( (t1 - t0) / 1000000 ))
        echo "round $round: cpython ${ms} ms ($py_line)" >&2
        [[ -z "$best_py" || $ms -lt $best_py ]] && best_py=$ms
    fi
done

cpus=$([[ $one_cpu -eq 1 ]] && echo 1 || nproc)
echo "dir=$dir files=$files cpus=$cpus rounds=$repeat"
if [[ $ours -eq 1 ]]; then
    made=$(find "$out/ours" -name '*.dis' -type f | wc -l)
    errors=$(grep -c '^pyc: ' "$out/ours.stderr" || true)
    printf 'pyc dis:  %8.2f s  (%d .dis files written, %d files it could not do)\n' \
        "$(awk -v m="$best_ours" 'BEGIN { print m / 1000 }')" "$made" "$errors"
fi
if [[ $cpython -eq 1 ]]; then
    made=$(find "$out/cpython" -name '*.dis' -type f | wc -l)
    printf 'cpython:  %8.2f s  (%d .dis files written; %s)\n' \
        "$(awk -v m="$best_py" 'BEGIN { print m / 1000 }')" "$made" "${py_line#cpython }"
fi
if [[ $ours -eq 1 && $cpython -eq 1 ]]; then
    awk -v c="$best_ours" -v p="$best_py" \
        'BEGIN { printf "ratio (cpython / pyc dis, wall clock, >1 means pyc is faster): %.1fx (target 20x)\n", p / c }'
fi
if [[ $keep -eq 0 ]]; then
    rm -rf "$out/ours" "$out/cpython"
fi
