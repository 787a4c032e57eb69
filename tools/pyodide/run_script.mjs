// Runs one of our tools/*.py scripts under CPython 3.14 (the pinned pyodide) with an output directory,
// then copies what it wrote there back to the real disk.
//
//   cd tools/pyodide && npm ci && node run_script.mjs ../make_marshal_cases.py ../../tests/fixtures/marshal
//
// The script gets the in-pyodide output directory as its only argument (sys.argv[1]).
import { loadPyodide } from "pyodide";
import fs from "node:fs";
import path from "node:path";

const [scriptArg, outArg] = process.argv.slice(2);
if (!scriptArg || !outArg) {
  console.error("usage: node run_script.mjs SCRIPT.py OUT_DIR");
  process.exit(2);
}
const pyodide = await loadPyodide({
  env: { PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" },
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});
const FS = pyodide.FS;
FS.mkdirTree("/work/out");
FS.writeFile("/work/script.py", fs.readFileSync(scriptArg));
pyodide.runPython(`
import runpy, sys
sys.argv = ["/work/script.py", "/work/out"]
runpy.run_path(sys.argv[0], run_name="__main__")
`);
const outDir = path.resolve(outArg);
fs.mkdirSync(outDir, { recursive: true });
for (const name of FS.readdir("/work/out")) {
  if (name === "." || name === "..") continue;
  fs.writeFileSync(path.join(outDir, name), FS.readFile(`/work/out/${name}`));
  console.log(`copied ${name}`);
}
