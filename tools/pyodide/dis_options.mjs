// Runs tools/make_dis_option_fixtures.py under CPython 3.14 (the pinned pyodide) on tests/fixtures/3.14,
// which is mounted into the interpreter's file system so the script reads the .pyc and writes its output there.
//   cd tools/pyodide && npm ci && node dis_options.mjs
import { loadPyodide } from "pyodide";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const pyodide = await loadPyodide({
  env: { PYTHONHASHSEED: "0" },
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});
pyodide.FS.mkdirTree("/host/fixtures");
pyodide.mountNodeFS("/host/fixtures", path.join(repo, "tests", "fixtures"));
pyodide.FS.writeFile("/host/script.py", fs.readFileSync(path.join(repo, "tools", "make_dis_option_fixtures.py")));
pyodide.runPython(`
import runpy, sys
sys.argv = ["/host/script.py", "/host/fixtures"]
runpy.run_path(sys.argv[0], run_name="__main__")
`);
