#!/usr/bin/env bash
# Measures the "Done when" of exact reading/writing: `pyc check` over the lib folder of every installed CPython
# (~/.pyenv/versions/*) and over pyodide's 3.14 standard library compiled by pyodide itself.
#   tools/check_stdlib.sh            # prints one summary line per version
#   tools/check_stdlib.sh --edit     # the same through the editable form (issue 4: every code object loaded and
#                                    # written back unchanged)
#   tools/check_stdlib.sh --asm      # the same through .pyasm text: pyc dis --asm, then pyc asm
# Extra arguments go to `pyc check`.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/PycSharp.Cli >/dev/null
pyc() { dotnet artifacts/bin/PycSharp.Cli/release/pyc.dll "$@"; }
status=0
for dir in "$HOME"/.pyenv/versions/*/; do
  version=$(basename "$dir")
  line=$(pyc check "$@" "$dir/lib" | tail -n 1) || status=1
  echo "$version: $line"
done
if [ ! -d tools/pyodide/node_modules ]; then (cd tools/pyodide && npm ci --silent); fi
(cd tools/pyodide && node compile_stdlib.mjs ../../.cache/pyodide-stdlib >/dev/null)
line=$(pyc check "$@" .cache/pyodide-stdlib | tail -n 1) || status=1
echo "3.14 (pyodide 314.0.7): $line"
exit $status
