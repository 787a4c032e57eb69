#!/usr/bin/env bash
# Runs the bytecode hacks of README.md ("Editing bytecode") under each real CPython 3.8-3.14 and records, per
# version, the files we wrote and what CPython printed running them:
#
#   tests/fixtures/hacks/X.Y/hello.pyc    examples/PycSharp.Examples hello X.Y
#   tests/fixtures/hacks/X.Y/edited.pyc   hack_targets.pyc with scale's * made + and greet's 'hello, ' made 'goodbye, '
#   tests/fixtures/hacks/X.Y/goto.pyc     pyc goto of goto_idioms.pyc
#   tests/fixtures/hacks/X.Y/NAME.out     stdout of `pythonX.Y NAME.pyc` (3.14: tools/pyodide/run_pyc.mjs)
#
# The tests (tests/PycSharp.Bytecode.Tests/HackTests.cs) run the real interpreters when they are installed; without
# them they check that we still write exactly these bytes, which CPython ran and printed the .out of.
#
#   tools/record_hacks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/PycSharp.Cli -nologo -v quiet >&2
dotnet build -c Release examples/PycSharp.Examples -nologo -v quiet >&2
pyc=(dotnet artifacts/bin/PycSharp.Cli/release/pyc.dll)
examples=(dotnet artifacts/bin/PycSharp.Examples/release/PycSharp.Examples.dll)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for v in 3.8 3.9 3.10 3.11 3.12 3.13 3.14; do
    out="tests/fixtures/hacks/$v"
    mkdir -p "$out"
    "${examples[@]}" hello "$v" "$out/hello.pyc"
    "${examples[@]}" mul-to-add "tests/fixtures/$v/hack_targets.pyc" scale "$tmp/step.pyc"
    "${examples[@]}" replace-const "$tmp/step.pyc" greet "'hello, '" "goodbye, " "$out/edited.pyc"
    "${pyc[@]}" goto "tests/fixtures/$v/goto_idioms.pyc" -o "$out/goto.pyc"
    for name in hello edited goto; do
        if [[ $v == 3.14 ]]; then
            (cd tools/pyodide && node run_pyc.mjs "../../$out/$name.pyc") > "$out/$name.out"
        else
            py=$(ls ~/.pyenv/versions/$v.*/bin/python$v | head -1)
            PYTHONHASHSEED=0 "$py" "$out/$name.pyc" > "$out/$name.out"
        fi
    done
    echo "$v: recorded $(ls "$out" | wc -l) files" >&2
done
