#!/usr/bin/env bash
# Times `pyc run` against CPython 3.12 on the programs of bench/vm/, both running the same .pyc (see README.md).
#
#   bench/run_vm.sh [PROGRAM...] [--repeat N] [--scale F] [--size PROGRAM=N] [--cpython-only] [--other-versions]
#                   [--timeout S] [--no-build] [--jit] [--keep] [--list]
#
# Each program is compiled once by CPython 3.12 (py_compile, into a temporary folder); then, per program, the two
# whole processes `python3.12 FILE.pyc SIZE` and `pyc run FILE.pyc SIZE` run in turn, N times each, and the best
# wall time of each side is kept. Their outputs must be identical. PYTHON312 overrides the interpreter; PYC the pyc
# command (words; `run FILE.pyc SIZE` is appended; default: the tool as released, `dotnet publish -c Release
# --use-current-runtime` into artifacts/publish/pyc, whose virtual machine is precompiled ReadyToRun).
#   PROGRAM...         only these (names as in --list; default: all of bench/vm/*.py)
#   --repeat N         runs per side and program, alternating which side goes first (default 3)
#   --scale F          multiply each program's work by about F (its size argument is scaled to match how its work
#                      grows: linearly, as N*N or as N**3); e.g. 0.1 for a quick check (default 1)
#   --size P=N         run program P with size argument N (overrides --scale for P; may be repeated)
#   --cpython-only     do not build or run pyc: time CPython 3.12 alone (checks the programs and their timings)
#   --other-versions   also compile each program with CPython 3.11 and 3.13 (PYTHON311, PYTHON313 override) and run
#                      each such .pyc once with its own CPython and, unless --cpython-only, once with pyc: every
#                      output must equal CPython 3.12's (untimed; for correctness only)
#   --timeout S        give up on a run after S seconds, counted as a failure (default 300)
#   --no-build         use the pyc.dll already published instead of publishing it first
#   --jit              time the plain build (artifacts/bin/PycSharp.Cli/release/pyc.dll, everything JIT-compiled)
#   --keep             keep the temporary folder (the .pyc files, every run's stdout and stderr)
#   --list             print the programs, their default sizes and how their work grows, and stop
#
# Exit status: 0 if every program ran on both sides with identical output, 1 if any failed or differed, 2 for a
# usage error.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
vm="$here/vm"

# How each program's work grows with its size argument: lin (linearly), sq (N*N), cube (N**3).
declare -A growth=(
    [nbody]=lin [fannkuch]=lin [spectral_norm]=sq [scheduler]=lin [intkernel]=cube [wordfreq]=lin [calls]=lin
)

find_python() {  # find_python 3.12 -> path of the newest pyenv python3.12, or "" if none
    local v="$1" found
    found=$(ls -d "$HOME"/.pyenv/versions/"$v".*/bin/python"$v" 2>/dev/null | sort -V | tail -n 1 || true)
    echo "$found"
}

repeat=3
scale=1
cpython_only=0
other_versions=0
timeout_s=300
build=1
jit=0
keep=0
list=0
selected=()
declare -A sizes=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --repeat) repeat="$2"; shift 2 ;;
        --scale) scale="$2"; shift 2 ;;
        --size)
            [[ "$2" == *=* ]] || { echo "error: --size wants PROGRAM=N, not $2" >&2; exit 2; }
            sizes["${2%%=*}"]="${2#*=}"; shift 2 ;;
        --cpython-only) cpython_only=1; shift ;;
        --other-versions) other_versions=1; shift ;;
        --timeout) timeout_s="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        --jit) jit=1; shift ;;
        --keep) keep=1; shift ;;
        --list) list=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) echo "error: unknown option $1" >&2; exit 2 ;;
        *) selected+=("${1%.py}"); shift ;;
    esac
done
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "error: --repeat wants a positive integer, not $repeat" >&2; exit 2; }
[[ "$timeout_s" =~ ^[1-9][0-9]*$ ]] || { echo "error: --timeout wants a positive integer, not $timeout_s" >&2; exit 2; }
awk -v s="$scale" 'BEGIN { exit !(s + 0 > 0) }' || { echo "error: --scale wants a number > 0, not $scale" >&2; exit 2; }

all=()
for f in "$vm"/*.py; do
    all+=("$(basename "$f" .py)")
done
default_size() {  # the first DEFAULT_... constant of bench/vm/NAME.py (its first argument)
    sed -n 's/^DEFAULT_[A-Z_]* = \([0-9][0-9]*\)$/\1/p' "$vm/$1.py" | head -n 1
}
if [[ $list -eq 1 ]]; then
    for name in "${all[@]}"; do
        printf '%-14s default size %-8s work grows: %s\n' "$name" "$(default_size "$name")" "${growth[$name]:-lin}"
    done
    exit 0
fi
if [[ ${#selected[@]} -eq 0 ]]; then
    selected=("${all[@]}")
fi
for name in "${selected[@]}"; do
    if [[ ! -f "$vm/$name.py" ]]; then
        echo "error: no program $name (there are: ${all[*]})" >&2
        exit 2
    fi
    if [[ -z "$(default_size "$name")" ]]; then
        echo "error: $vm/$name.py has no DEFAULT_... = N line" >&2
        exit 2
    fi
done
for name in "${!sizes[@]}"; do
    [[ -f "$vm/$name.py" ]] || { echo "error: --size for unknown program $name" >&2; exit 2; }
    [[ "${sizes[$name]}" =~ ^[1-9][0-9]*$ ]] || { echo "error: --size $name= wants a positive integer" >&2; exit 2; }
done

size_for() {  # size_for NAME: the size argument after --size / --scale
    local name="$1" d
    if [[ -n "${sizes[$name]:-}" ]]; then
        echo "${sizes[$name]}"
        return
    fi
    d=$(default_size "$name")
    awk -v d="$d" -v s="$scale" -v g="${growth[$name]:-lin}" 'BEGIN {
        if (g == "lin") n = d * s
        else if (g == "sq") n = d * sqrt(s)
        else n = d * exp(log(s) / 3)
        n = int(n + 0.5); if (n < 1) n = 1
        print n
    }'
}

python="${PYTHON312:-$(find_python 3.12)}"
if [[ -z "$python" || ! -x "$python" ]]; then
    echo "error: CPython 3.12 not found under ~/.pyenv/versions (install it with pyenv, or set PYTHON312=/path/to/python3.12)" >&2
    exit 1
fi
if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 12) else 1)'; then
    echo "error: $python is not CPython 3.12 ($("$python" -V 2>&1))" >&2
    exit 1
fi
others=()  # "3.11 /path/python3.11" ...
if [[ $other_versions -eq 1 ]]; then
    for v in 3.11 3.13; do
        var="PYTHON${v/./}"
        p="${!var:-$(find_python "$v")}"
        if [[ -z "$p" || ! -x "$p" ]]; then
            echo "error: --other-versions: CPython $v not found (install it with pyenv, or set $var)" >&2
            exit 1
        fi
        others+=("$v $p")
    done
fi

if [[ $jit -eq 1 ]]; then
    dll="$root/artifacts/bin/PycSharp.Cli/release/pyc.dll"
else
    dll="$root/artifacts/publish/pyc/pyc.dll"
fi
pyc_cmd=(dotnet "$dll")
if [[ -n "${PYC:-}" ]]; then
    read -ra pyc_cmd <<<"$PYC"
elif [[ $cpython_only -eq 0 ]]; then
    if [[ $build -eq 1 && $jit -eq 1 ]]; then
        echo "building pyc (Release)..." >&2
        dotnet build -c Release "$root/src/PycSharp.Cli" -nologo -v quiet >&2
    elif [[ $build -eq 1 ]]; then
        echo "publishing pyc (Release, ReadyToRun for this machine)..." >&2
        dotnet publish -c Release --use-current-runtime --self-contained false "$root/src/PycSharp.Cli" \
            -o "$root/artifacts/publish/pyc" -nologo -v quiet >&2
    fi
    [[ -f "$dll" ]] || { echo "error: $dll not found (build it, or drop --no-build)" >&2; exit 1; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/pycsharp-bench-vm.XXXXXX")
if [[ $keep -eq 1 ]]; then
    echo "keeping $work" >&2
else
    trap 'rm -rf "$work"' EXIT
fi

compile() {  # compile VERSION PYTHON: bench/vm/NAME.py -> $work/VERSION/NAME.pyc for every selected program
    local v="$1" p="$2"
    mkdir -p "$work/$v"
    "$p" - "$vm" "$work/$v" "${selected[@]}" <<'EOF'
import py_compile, sys
src, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
for name in names:
    py_compile.compile(f"{src}/{name}.py", cfile=f"{out}/{name}.pyc", dfile=f"{name}.py", doraise=True)
EOF
}
compile 3.12 "$python"
for entry in "${others[@]}"; do
    compile "${entry%% *}" "${entry#* }"
done

now() { date +%s%N; }
# run_one LABEL OUTPREFIX CMD...: runs CMD with stdout/stderr to OUTPREFIX.out/.err under the timeout; sets
# last_ms (wall time) and last_status (exit status; 124 = timed out).
run_one() {
    local label="$1" prefix="$2" t0 t1
    shift 2
    t0=$(now)
    last_status=0
    timeout -k 5 "$timeout_s" "$@" >"$prefix.out" 2>"$prefix.err" || last_status=$?
    t1=$(now)
    last_ms=$(( (t1 - t0) / 1000000 ))
}
tail_of() {  # the last lines of a run's stderr, indented, to stderr
    if [[ -s "$1" ]]; then
        echo "    --- stderr (last 15 lines) ---" >&2
        tail -n 15 "$1" | sed 's/^/    /' >&2
    else
        echo "    (stderr empty)" >&2
    fi
}
why() {  # why STATUS: a word for a failed run
    if [[ $1 -eq 124 || $1 -eq 137 ]]; then echo "timed out after ${timeout_s} s"; else echo "exit status $1"; fi
}
secs() { awk -v m="$1" 'BEGIN { printf "%.2f", m / 1000 }'; }

failed=()       # "NAME (reason)"
declare -A best_py=() best_pyc=() size_of=() timed_ok=()  # timed_ok: both sides ran on the 3.12 .pyc, same output
for name in "${selected[@]}"; do
    size=$(size_for "$name")
    size_of[$name]=$size
    pycfile="$work/3.12/$name.pyc"
    ref="$work/$name.expected"
    bp=""
    bc=""
    bad=""
    echo "$name $size:" >&2
    for ((round = 1; round <= repeat; round++)); do
        order=(cpython pyc)
        (( round % 2 == 0 )) && order=(pyc cpython)
        line="  round $round:"
        for side in "${order[@]}"; do
            prefix="$work/$name.$side.$round"
            if [[ $side == cpython ]]; then
                run_one cpython "$prefix" "$python" "$pycfile" "$size"
                if [[ $last_status -ne 0 ]]; then
                    bad="CPython 3.12 failed: $(why $last_status)"
                    echo "  FAILED: $bad" >&2
                    tail_of "$prefix.err"
                    break
                fi
                if [[ ! -f "$ref" ]]; then
                    cp "$prefix.out" "$ref"
                elif ! cmp -s "$ref" "$prefix.out"; then
                    bad="CPython 3.12 printed something else in round $round: the program is not deterministic"
                    echo "  FAILED: $bad" >&2
                    diff "$ref" "$prefix.out" | head -n 10 | sed 's/^/    /' >&2 || true
                    break
                fi
                [[ -z "$bp" || $last_ms -lt $bp ]] && bp=$last_ms
                line+=" cpython $(secs $last_ms) s"
            else
                [[ $cpython_only -eq 1 ]] && continue
                run_one pyc "$prefix" "${pyc_cmd[@]}" run "$pycfile" "$size"
                if [[ $last_status -ne 0 ]]; then
                    bad="pyc failed: $(why $last_status)"
                    echo "  FAILED: $bad ($(secs $last_ms) s)" >&2
                    tail_of "$prefix.err"
                    break
                fi
                if ! cmp -s "$ref" "$prefix.out"; then  # CPython always runs first in round 1: $ref exists
                    bad="pyc printed something else than CPython 3.12"
                    echo "  MISMATCH: $bad (diff of CPython's output and pyc's):" >&2
                    diff "$ref" "$prefix.out" | head -n 20 | sed 's/^/    /' >&2 || true
                    tail_of "$prefix.err"
                    break
                fi
                [[ -z "$bc" || $last_ms -lt $bc ]] && bc=$last_ms
                line+=" pyc $(secs $last_ms) s"
            fi
        done
        [[ -n "$bad" ]] && break
        echo "$line" >&2
    done
    [[ -z "$bad" ]] && timed_ok[$name]=1
    if [[ -z "$bad" ]]; then
        for entry in "${others[@]}"; do
            v="${entry%% *}"
            p="${entry#* }"
            sides=(cpython)
            [[ $cpython_only -eq 0 ]] && sides+=(pyc)
            for side in "${sides[@]}"; do
                prefix="$work/$name.$side.$v"
                if [[ $side == cpython ]]; then
                    run_one cpython "$prefix" "$p" "$work/$v/$name.pyc" "$size"
                    who="CPython $v"
                else
                    run_one pyc "$prefix" "${pyc_cmd[@]}" run "$work/$v/$name.pyc" "$size"
                    who="pyc on the $v .pyc"
                fi
                if [[ $last_status -ne 0 ]]; then
                    bad="$who failed: $(why $last_status)"
                    echo "  FAILED: $bad" >&2
                    tail_of "$prefix.err"
                elif ! cmp -s "$ref" "$prefix.out"; then
                    bad="$who printed something else than CPython 3.12"
                    echo "  MISMATCH: $bad:" >&2
                    diff "$ref" "$prefix.out" | head -n 20 | sed 's/^/    /' >&2 || true
                else
                    echo "  $who: same output ($(secs $last_ms) s)" >&2
                fi
                [[ -n "$bad" ]] && break
            done
            [[ -n "$bad" ]] && break
        done
    fi
    [[ -n "$bp" ]] && best_py[$name]=$bp
    [[ -n "$bc" ]] && best_pyc[$name]=$bc
    if [[ -n "$bad" ]]; then
        failed+=("$name ($bad)")
    elif [[ -f "$ref" ]]; then
        echo "  output: $(head -n 1 "$ref")" >&2
    fi
done

echo
echo "python=$("$python" -V 2>&1 | cut -d' ' -f2) cpus=$(nproc) repeat=$repeat scale=$scale pyc=${PYC:-$dll} (best wall time of each side, whole process)"
if [[ $cpython_only -eq 1 ]]; then
    printf '%-14s %9s %13s\n' program size "CPython 3.12"
else
    printf '%-14s %9s %13s %10s %12s\n' program size "CPython 3.12" pyc "pyc/CPython"
fi
ratios=()
for name in "${selected[@]}"; do
    py="-"
    [[ -n "${best_py[$name]:-}" ]] && py="$(secs "${best_py[$name]}") s"
    ok=${timed_ok[$name]:-0}
    if [[ $cpython_only -eq 1 ]]; then
        [[ $ok -eq 1 ]] || py="FAILED"
        printf '%-14s %9s %13s\n' "$name" "${size_of[$name]}" "$py"
        continue
    fi
    pyc="-"
    ratio="-"
    if [[ $ok -eq 1 ]]; then
        pyc="$(secs "${best_pyc[$name]}") s"
        ratio=$(awk -v c="${best_pyc[$name]}" -v p="${best_py[$name]}" 'BEGIN { printf "%.2f", c / (p > 0 ? p : 1) }')
        ratios+=("$ratio")
    else
        pyc="FAILED"
    fi
    printf '%-14s %9s %13s %10s %12s\n' "$name" "${size_of[$name]}" "$py" "$pyc" "$ratio"
done
if [[ $cpython_only -eq 0 ]]; then
    if [[ ${#ratios[@]} -gt 0 ]]; then
        printf '%s\n' "${ratios[@]}" | awk -v n="${#selected[@]}" '
            { s += log($1); k++ }
            END { printf "geometric mean of pyc/CPython over %d of %d programs: %.2f (target: 2.00 or less)\n", k, n, exp(s / k) }'
    else
        echo "geometric mean of pyc/CPython: none (no program ran on both sides)"
    fi
fi
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "FAILED (${#failed[@]} of ${#selected[@]}):"
    printf '  %s\n' "${failed[@]}"
    exit 1
fi
