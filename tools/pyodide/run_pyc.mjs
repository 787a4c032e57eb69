// Runs .pyc files under CPython 3.14 (the pinned pyodide) as `python FILE.pyc` would, and prints what they print.
//
//   cd tools/pyodide && npm ci && node run_pyc.mjs FILE.pyc [FILE.pyc ...]
//
// Each file's code object (marshal data after the 16-byte header) runs in a fresh __main__ namespace; its stdout
// and stderr go to ours. An uncaught exception prints its traceback and makes the exit status 1.
import { loadPyodide } from "pyodide";
import fs from "node:fs";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node run_pyc.mjs FILE.pyc [FILE.pyc ...]");
  process.exit(2);
}
const pyodide = await loadPyodide({
  env: { PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" },
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
let status = 0;
for (const file of files) {
  pyodide.FS.writeFile("/tmp/run.pyc", fs.readFileSync(file));
  const ok = pyodide.runPython(`
import marshal, sys, traceback
with open("/tmp/run.pyc", "rb") as f:
    data = f.read()
try:
    exec(marshal.loads(data[16:]), {"__name__": "__main__", "__builtins__": __builtins__})
    ok = True
except BaseException:
    traceback.print_exc()
    ok = False
sys.stdout.flush()
ok
`);
  if (!ok) status = 1;
}
process.exit(status);
