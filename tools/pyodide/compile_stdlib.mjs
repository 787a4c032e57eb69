// Compiles the standard library that the pinned pyodide (CPython 3.14) ships, and copies every
// resulting .pyc file to a directory on the real disk, keeping the package layout
// (e.g. OUT/json/__pycache__/decoder.cpython-314.pyc).
//
//   cd tools/pyodide && npm ci && node compile_stdlib.mjs [OUT]
//
// OUT defaults to <repo>/.cache/pyodide-stdlib (git-ignored; never commit it). pyodide ships
// the standard library as .py sources in python_stdlib.zip (mounted as /lib/python314.zip), so
// the archive is extracted inside the interpreter's in-memory file system, each file's mtime is
// set from the archive entry (so the .pyc headers do not depend on when this runs), and
// compileall compiles the tree with timestamp-based .pyc files. A file that does not compile is
// reported and skipped. Any existing OUT directory is replaced.
import { loadPyodide } from "pyodide";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const outDir = path.resolve(process.argv[2] ?? path.join(repo, ".cache", "pyodide-stdlib"));

const pyodide = await loadPyodide({
  env: { PYTHONHASHSEED: "0", PYTHONDONTWRITEBYTECODE: "1" },
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});
const FS = pyodide.FS;
const root = "/tmp/stdlib";

const summary = pyodide.runPython(`
import compileall, os, sys, time, zipfile
root = ${JSON.stringify(root)}
archive = next(p for p in sys.path if p.endswith(".zip"))
with zipfile.ZipFile(archive) as z:
    z.extractall(root)
    for info in z.infolist():
        if not info.is_dir():
            stamp = time.mktime(info.date_time + (0, 0, -1))
            os.utime(os.path.join(root, info.filename), (stamp, stamp))
sources = sum(name.endswith(".py") for _, _, names in os.walk(root) for name in names)
ok = compileall.compile_dir(root, quiet=1, workers=1)
"%s: %d .py files, compileall %s" % (archive, sources, "succeeded" if ok else "reported errors")
`);
console.log(summary);

fs.rmSync(outDir, { recursive: true, force: true });
let count = 0;
function copyPycs(dir, rel) {
  for (const entry of FS.readdir(dir).sort()) {
    if (entry === "." || entry === "..") continue;
    const full = `${dir}/${entry}`;
    const mode = FS.stat(full).mode;
    const relPath = rel ? `${rel}/${entry}` : entry;
    if (FS.isDir(mode)) {
      copyPycs(full, relPath);
    } else if (entry.endsWith(".pyc")) {
      const dest = path.join(outDir, ...relPath.split("/"));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, FS.readFile(full));
      count += 1;
    }
  }
}
copyPycs(root, "");
console.log(`copied ${count} .pyc files to ${outDir}`);
