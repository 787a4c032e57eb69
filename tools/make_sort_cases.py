"""Record what the running CPython says about the sort corpus program, and nothing else.

Usage (under each of 3.11, 3.12, 3.13):

    python3.X tools/make_sort_cases.py [NAME ...]        (default: sort_semantics)

tests/corpus/sort_semantics.py prints, case by case ("== name" lines), what list.sort and sorted do:
the results, the exact sequence of __lt__ calls (keys that log them), the list left by an exception from
__lt__ or the key function, mutation during the sort. This script runs tools/make_fixtures.py on a
temporary corpus holding just those programs, so their fixtures (NAME.pyc, .dis, .show, .out, .err, .exit)
come out exactly as a full make_fixtures.py run writes them, and copies them into tests/fixtures/X.Y/
without rewriting the rest of that directory. The VM's tests compare against them (RunTests, and
SortSemanticsTests case by case).
"""
import os
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUFFIXES = (".pyc", ".dis", ".show", ".out", ".err", ".exit")


def main():
    names = sys.argv[1:] or ["sort_semantics"]
    version = "%d.%d" % sys.version_info[:2]
    target = os.path.join(REPO, "tests", "fixtures", version)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        out = os.path.join(tmp, "fixtures")
        os.makedirs(corpus)
        for name in names:
            shutil.copy(os.path.join(REPO, "tests", "corpus", name + ".py"), corpus)
        subprocess.check_call([sys.executable, os.path.join(REPO, "tools", "make_fixtures.py"),
                               "--corpus", corpus, "--out", out])
        for name in names:
            for suffix in SUFFIXES:
                made = os.path.join(out, version, name + suffix)
                if os.path.exists(made):
                    shutil.copy(made, target)
                    print("wrote", os.path.relpath(os.path.join(target, name + suffix), REPO))


if __name__ == "__main__":
    main()
