// Runs tools/make_fixtures.py under CPython 3.14 as shipped by the pinned pyodide npm package,
// and copies the fixtures it writes back to the real disk.
//
//   cd tools/pyodide && npm ci && node make_fixtures.mjs [OUT_ROOT]
//
// OUT_ROOT defaults to <repo>/tests/fixtures; the script replaces the plain files in
// OUT_ROOT/<X.Y>/ (X.Y being pyodide's Python version) and touches nothing else.
// Works offline: the npm package ships the WebAssembly interpreter and its standard library.
import { loadPyodide } from "pyodide";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const corpusDir = path.join(repo, "tests", "corpus");
const scriptPath = path.join(repo, "tools", "make_fixtures.py");
const outRoot = path.resolve(process.argv[2] ?? path.join(repo, "tests", "fixtures"));

// PYTHONHASHSEED must be there when the interpreter starts: set order, and so reprs and
// marshal output, depend on it.
const pyodide = await loadPyodide({
  env: { PYTHONHASHSEED: "0", PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8" },
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});
const FS = pyodide.FS;

const work = "/work";
FS.mkdirTree(`${work}/tests/corpus`);
FS.mkdirTree(`${work}/tools`);
for (const entry of fs.readdirSync(corpusDir).sort()) {
  const full = path.join(corpusDir, entry);
  if (fs.statSync(full).isFile()) {
    FS.writeFile(`${work}/tests/corpus/${entry}`, fs.readFileSync(full));
  }
}
FS.writeFile(`${work}/tools/make_fixtures.py`, fs.readFileSync(scriptPath));

pyodide.globals.set("script_args", pyodide.toPy([
  `${work}/tools/make_fixtures.py`,
  "--corpus", `${work}/tests/corpus`,
  "--out", `${work}/tests/fixtures`,
]));
let status = 0;
try {
  pyodide.runPython(`
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
`);
  status = pyodide.globals.get("exit_status");
} catch (err) {
  console.error(String(err));
  status = 1;
}
if (status !== 0) {
  console.error(`make_fixtures.py failed with status ${status}`);
  process.exit(status);
}

const produced = FS.readdir(`${work}/tests/fixtures`).filter((d) => d !== "." && d !== "..");
for (const version of produced) {
  const src = `${work}/tests/fixtures/${version}`;
  const dest = path.join(outRoot, version);
  fs.mkdirSync(dest, { recursive: true });
  for (const entry of fs.readdirSync(dest)) {
    const full = path.join(dest, entry);
    if (fs.statSync(full).isFile()) fs.unlinkSync(full);
  }
  let count = 0;
  for (const entry of FS.readdir(src).sort()) {
    if (entry === "." || entry === "..") continue;
    const full = `${src}/${entry}`;
    if (!FS.isFile(FS.stat(full).mode)) continue;
    fs.writeFileSync(path.join(dest, entry), FS.readFile(full));
    count += 1;
  }
  console.log(`copied ${count} files to ${dest}`);
}
