// Runs tools/dis_stdlib_expected.py under CPython 3.14 (the pinned pyodide) on a directory of
// .pyc files, writing its output directly to the real disk.
//
//   cd tools/pyodide && npm ci && node dis_stdlib.mjs LIBDIR OUTDIR [--show]
//
// LIBDIR is typically <repo>/.cache/pyodide-stdlib (written by compile_stdlib.mjs). Both
// directories are mounted into the interpreter's file system with NODEFS, so the script reads
// and writes the host files itself; OUTDIR is created if needed. Any further arguments are
// passed to the script. The exit status is the script's.
import { loadPyodide } from "pyodide";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const scriptPath = path.resolve(here, "..", "dis_stdlib_expected.py");
const [libArg, outArg, ...rest] = process.argv.slice(2);
if (!libArg || !outArg) {
  console.error("usage: node dis_stdlib.mjs LIBDIR OUTDIR [--show]");
  process.exit(2);
}
const libDir = path.resolve(libArg);
const outDir = path.resolve(outArg);
if (!fs.existsSync(libDir) || !fs.statSync(libDir).isDirectory()) {
  console.error(`dis_stdlib.mjs: no such directory: ${libDir}`);
  process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });

// PYTHONHASHSEED must be there when the interpreter starts: frozenset constants print in set
// order, which depends on it.
const pyodide = await loadPyodide({
  env: { PYTHONHASHSEED: "0", PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8" },
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});
const FS = pyodide.FS;
FS.mkdirTree("/host/lib");
FS.mkdirTree("/host/out");
FS.mkdirTree("/host/tools");
pyodide.mountNodeFS("/host/lib", libDir);
pyodide.mountNodeFS("/host/out", outDir);
FS.writeFile("/host/tools/dis_stdlib_expected.py", fs.readFileSync(scriptPath));

pyodide.globals.set("script_args", pyodide.toPy([
  "/host/tools/dis_stdlib_expected.py", "/host/lib", "/host/out", ...rest,
]));
const status = pyodide.runPython(`
import runpy, sys
sys.argv = list(script_args)
del script_args
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
    exit_status = 0
except SystemExit as e:
    if e.code is None or isinstance(e.code, int):
        exit_status = e.code or 0
    else:
        print(e.code, file=sys.stderr)
        exit_status = 1
sys.stdout.flush()
exit_status
`);
process.exit(status);
