#!/usr/bin/env bash
# Compares `pyc dis -o` with each CPython's own dis.dis over the .pyc files of its lib folder
# (~/.pyenv/versions/*/lib/pythonX.Y) and over pyodide's 3.14 standard library (compiled by pyodide
# itself into .cache/pyodide-stdlib by tools/pyodide/compile_stdlib.mjs). See tools/README.md.
#
#   tools/check_dis_stdlib.sh [--version X.Y]... [--fresh] [--show] [--jobs N] [--examples N]
#
#   --version X.Y  only this version (repeatable; default: every installed one, and 3.14)
#   --fresh        regenerate CPython's expected output even if .cache/dis-expected/X.Y is complete
#   --show         also compare dis.show_code output (.show files, reported as `X.Y show: ...`; needs a `pyc show`
#                  command; not for 2.7, whose dis has no show_code)
#   --jobs N       worker processes for the expected output (default: the number of CPUs)
#   --examples N   differing / missing files shown per version (default 5)
#   (Other versions get --none-hash with the interpreter's own hash(None), which orders frozensets holding None before 3.12.)
#   PYC_ARGS_314   (environment) pyc options for 3.14 only; default "--hash-bits 32" (when pyc has that option): the
#                  expected output comes from pyodide, a 32-bit build, whose frozenset order differs from a 64-bit one's
#
# Per version it prints `X.Y: N files, N identical, N differ, N missing` (N files = files CPython's
# dis could do), a few examples with their first differing line, and writes the full list to
# .cache/dis-report/X.Y.txt. Everything goes under .cache/ (git-ignored):
#   .cache/dis-expected/X.Y/   what CPython prints (tools/dis_stdlib_expected.py), reused when complete
#   .cache/dis-actual/X.Y/     what `pyc dis -o` writes (remade on every run; addresses masked in place)
#   .cache/dis-actual/X.Y.stderr  pyc's error lines
# Exit status: 0 when every compared file is identical and none is missing, 1 otherwise, 2 on usage errors.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

versions=()
fresh=0
show=0
jobs=$(nproc 2>/dev/null || echo 2)
examples=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --version) versions+=("${2:?--version needs X.Y}"); shift 2 ;;
    --version=*) versions+=("${1#--version=}"); shift ;;
    --fresh) fresh=1; shift ;;
    --show) show=1; shift ;;
    --jobs) jobs="${2:?--jobs needs N}"; shift 2 ;;
    --examples) examples="${2:?--examples needs N}"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "check_dis_stdlib.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}/versions"
# X.Y -> "python libdir" for every installed CPython; 3.14 comes from pyodide.
declare -A interp libdir
for dir in "$pyenv_root"/*/; do
  dir=${dir%/}
  full=$(basename "$dir")
  [[ "$full" =~ ^([0-9]+)\.([0-9]+)\. ]] || continue
  xy="${BASH_REMATCH[1]}.${BASH_REMATCH[2]}"
  [[ -x "$dir/bin/python$xy" && -d "$dir/lib/python$xy" ]] || continue
  interp[$xy]="$dir/bin/python$xy"
  libdir[$xy]="$dir/lib/python$xy"
done
interp[3.14]=pyodide
libdir[3.14]="$repo/.cache/pyodide-stdlib"
if [[ ${#versions[@]} -eq 0 ]]; then
  mapfile -t versions < <(printf '%s\n' "${!interp[@]}" | sort -V)
fi
for v in "${versions[@]}"; do
  if [[ -z "${interp[$v]:-}" ]]; then
    echo "check_dis_stdlib.sh: no CPython $v (installed: $(printf '%s\n' "${!interp[@]}" | sort -V | tr '\n' ' '))" >&2
    exit 2
  fi
done

# Any Python 3.6+ runs the comparison.
compare_python=""
for candidate in python3 "${interp[3.13]:-}" "${interp[3.12]:-}" "${interp[3.11]:-}" "${interp[3.10]:-}"; do
  if [[ -n "$candidate" ]] && command -v "$candidate" >/dev/null 2>&1; then compare_python=$candidate; break; fi
done
[[ -n "$compare_python" ]] || { echo "check_dis_stdlib.sh: no python3 to compare with" >&2; exit 2; }

echo "building pyc (Release)..." >&2
if ! build_log=$(dotnet build -c Release src/PycSharp.Cli -nologo -v quiet 2>&1); then
  echo "$build_log" >&2
  exit 2
fi
pyc() { dotnet "$repo/artifacts/bin/PycSharp.Cli/release/pyc.dll" "$@"; }
# pyodide is a 32-bit build: its frozensets print in the order of 32-bit hashes.
if [[ -n "${PYC_ARGS_314+set}" ]]; then
  pyc_args_314=$PYC_ARGS_314
elif pyc dis --help 2>/dev/null | grep -q -- '--hash-bits'; then
  pyc_args_314="--hash-bits 32"
else
  pyc_args_314=""
fi
# Before 3.12 hash(None) is None's address in the interpreter binary, whose low bits (all that orders small
# frozensets) are fixed for a build: pyc can be told the value each interpreter has.
has_none_hash=0
if pyc dis --help 2>/dev/null | grep -q -- '--none-hash'; then
  has_none_hash=1
fi
have_show=0
if [[ $show -eq 1 ]]; then
  if pyc show --help >/dev/null 2>&1; then
    have_show=1
  else
    echo "check_dis_stdlib.sh: this pyc has no 'show' command; .show files are not compared" >&2
  fi
fi

pyodide_ready() {
  [[ -d tools/pyodide/node_modules ]] || (cd tools/pyodide && npm ci --silent)
}

# Makes .cache/dis-expected/$1 unless a complete one (with .show files if needed) is there.
expected() {
  local v=$1 out="$repo/.cache/dis-expected/$1" lib=${libdir[$1]}
  if [[ $fresh -eq 0 && -f "$out/_summary.txt" ]]; then
    if [[ $show -eq 0 ]] || grep -qxE 'show (yes|unavailable)' "$out/_summary.txt"; then
      return 0
    fi
  fi
  rm -rf "$out"
  local flags=()
  [[ $show -eq 1 ]] && flags+=(--show)
  if [[ $v == 3.14 ]]; then
    pyodide_ready
    if [[ ! -d "$lib" ]]; then
      (cd tools/pyodide && node compile_stdlib.mjs "$lib" >&2)
    fi
    (cd tools/pyodide && node dis_stdlib.mjs "$lib" "$out" "${flags[@]}") >&2
  else
    "${interp[$v]}" tools/dis_stdlib_expected.py "$lib" "$out" --jobs "$jobs" "${flags[@]}" >&2
  fi
  [[ -f "$out/_summary.txt" ]] || { echo "check_dis_stdlib.sh: $v: no expected output" >&2; return 1; }
}

status=0
mkdir -p .cache/dis-actual .cache/dis-report
for v in "${versions[@]}"; do
  expected "$v" || { status=1; continue; }
  act="$repo/.cache/dis-actual/$v"
  rm -rf "$act"
  extra_args=()
  if [[ $v == 3.14 ]]; then
    read -r -a extra_args <<<"$pyc_args_314"
  elif [[ ${interp[$v]} != pyodide && $has_none_hash -eq 1 ]]; then
    none_hash=$("${interp[$v]}" -c 'print(hash(None))')
    extra_args=(--none-hash "$none_hash")
  fi
  pyc_status=0
  pyc dis -o "$act" "${extra_args[@]}" "${libdir[$v]}" 2>"$act.stderr" || pyc_status=$?
  if [[ $pyc_status -gt 1 ]]; then
    echo "check_dis_stdlib.sh: $v: pyc dis exited with status $pyc_status:" >&2
    head -n 5 "$act.stderr" >&2
  fi
  kinds=(dis)
  if [[ $have_show -eq 1 ]] && grep -qx 'show yes' ".cache/dis-expected/$v/_summary.txt"; then
    pyc show -o "$act" "${extra_args[@]}" "${libdir[$v]}" 2>"$act.show.stderr" || true
    kinds+=(show)
  fi
  for kind in "${kinds[@]}"; do
    "$compare_python" - "$v" "$kind" "$repo/.cache/dis-expected/$v" "$act" "${libdir[$v]}" \
      "$act.$([[ $kind == dis ]] && echo stderr || echo show.stderr)" "$examples" \
      "$repo/.cache/dis-report/$v$([[ $kind == dis ]] || echo .show).txt" <<'PY' || status=1
import os, re, sys

version, kind, exp_dir, act_dir, lib_dir, stderr_path, examples, report_path = sys.argv[1:]
examples = int(examples)
ext = "." + kind
address = re.compile(rb" at 0x[0-9a-fA-F]+")


def walk(root):
    found = set()
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            if name.endswith(ext):
                found.add(os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/"))
    return found


def key(rel):
    return rel.encode("utf-8", "surrogateescape")


def show(line):
    return "<end of file>" if line is None else repr(line.decode("utf-8", "backslashreplace"))


# pyc's error lines: "pyc: PATH: message", PATH being LIBDIR/REL.pyc.
pyc_errors = {}
lib_prefix = os.path.join(lib_dir, "")
with open(stderr_path, encoding="utf-8", errors="backslashreplace") as f:
    for line in f:
        line = line.rstrip("\n")
        if line.startswith("pyc: " + lib_prefix):
            rest = line[len("pyc: " + lib_prefix):]
            path, sep, message = rest.partition(".pyc: ")
            if sep:
                pyc_errors[path + ext] = message

cpython_errors = {}
with open(os.path.join(exp_dir, "_errors.txt"), encoding="utf-8", errors="backslashreplace") as f:
    for line in f:
        path, _sep, message = line.rstrip("\n").partition(".pyc: ")
        if message.startswith(kind + ": ") or message.startswith("marshal: "):
            cpython_errors[path + ext] = message

none_item = re.compile(rb"frozenset\(\{(?:.*[ {])?None[,}]")


def set_order_only(want_lines, got_lines):
    """Before 3.12: every differing line shows a frozenset holding None and differs only in the order of characters."""
    if tuple(int(part) for part in version.split(".")) >= (3, 12) or len(want_lines) != len(got_lines):
        return False
    for w, g in zip(want_lines, got_lines):
        if w != g and not (none_item.search(w) and sorted(w) == sorted(g)):
            return False
    return True


set_order = []
expected = walk(exp_dir)
actual = walk(act_dir)
identical = 0
differ = []
missing = []
for rel in sorted(expected, key=key):
    with open(os.path.join(exp_dir, rel), "rb") as f:
        want = f.read()
    act_path = os.path.join(act_dir, rel)
    if rel not in actual:
        missing.append((rel, pyc_errors.get(rel, "no output and no error line from pyc")))
        continue
    with open(act_path, "rb") as f:
        raw = f.read()
    got = address.sub(b" at 0xADDR", raw)
    if got != raw:
        with open(act_path, "wb") as f:
            f.write(got)
    if got == want:
        identical += 1
        continue
    want_lines = want.split(b"\n")
    got_lines = got.split(b"\n")
    n = 0
    while n < len(want_lines) and n < len(got_lines) and want_lines[n] == got_lines[n]:
        n += 1
    differ.append((rel, n + 1,
                   want_lines[n] if n < len(want_lines) else None,
                   got_lines[n] if n < len(got_lines) else None))
    if set_order_only(want_lines, got_lines):
        set_order.append(rel)
extra = sorted(actual - expected, key=key)
extra_cpython_failed = [rel for rel in extra if rel in cpython_errors]

label = version if kind == "dis" else version + " " + kind
print("%s: %d files, %d identical, %d differ, %d missing"
      % (label, len(expected), identical, len(differ), len(missing)))
for rel, line_no, want_line, got_line in differ[:examples]:
    print("  differ   %s:%d" % (rel, line_no))
    print("    expected: %s" % show(want_line))
    print("    actual:   %s" % show(got_line))
for rel, message in missing[:examples]:
    print("  missing  %s: %s" % (rel, message))
notes = []
if set_order:
    notes.append("%d of the differing files differ only in the order of a frozenset holding None, which before 3.12"
                 " follows hash(None), the address of None in the interpreter" % len(set_order))
if cpython_errors:
    notes.append("%d files CPython's %s could not do (%d of them done by pyc)"
                 % (len(cpython_errors), kind, len(extra_cpython_failed)))
if len(extra) > len(extra_cpython_failed):
    notes.append("%d other files done by pyc only (other magic numbers)"
                 % (len(extra) - len(extra_cpython_failed)))
if differ or missing or notes:
    notes.append("full list: %s" % os.path.relpath(report_path))
    print("  (" + "; ".join(notes) + ")")

os.makedirs(os.path.dirname(report_path), exist_ok=True)
with open(report_path, "w", encoding="utf-8") as f:
    f.write("%s: %d files, %d identical, %d differ, %d missing\n"
            % (label, len(expected), identical, len(differ), len(missing)))
    for rel, line_no, want_line, got_line in differ:
        f.write("differ\t%s:%d%s\n\texpected: %s\n\tactual:   %s\n"
                % (rel, line_no, "\t(frozenset order only)" if rel in set_order else "",
                   show(want_line), show(got_line)))
    for rel, message in missing:
        f.write("missing\t%s\t%s\n" % (rel, message))
    for rel in extra:
        f.write("extra\t%s\t%s\n" % (rel, cpython_errors.get(rel, "other magic number")))
sys.exit(0 if not differ and not missing else 1)
PY
  done
done
exit $status
