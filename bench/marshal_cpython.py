"""CPython's side of the marshal benchmark (see README.md): time marshal.loads on every .pyc body under a folder.

Run it with CPython 3.11 (~/.pyenv/versions/3.11.7/bin/python3.11): only files with the magic number of the running
interpreter are read (the same set PycSharp.Bench keeps: CPython 3.11's release magic, 3495), so under another
version the set, and the parsing, differ.

    python3.11 bench/marshal_cpython.py [DIR] [--repeat N] [--warmup N] [--keep]

GC policy, the same as PycSharp.Bench's: the cycle collector is disabled while a round is timed (reference counting,
which frees every result, stays on and is timed); between rounds, untimed, gc.collect() runs. By default each result
is dropped (freed) as soon as it is parsed; with --keep, a round's results stay alive until its clock stops and are
freed afterwards, untimed.
"""

import argparse
import gc
import importlib.util
import marshal
import os
import statistics
import sys
import time

HEADER_SIZE = 16  # PEP 552 header, 3.7+


def collect(root):
    paths = []
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            if name.endswith(".pyc"):
                paths.append(os.path.join(dirpath, name))
    # Ordinal order, as the .NET side sorts: compare the UTF-8 bytes of the paths.
    paths.sort(key=os.fsencode)
    return paths


def main():
    default_dir = os.environ.get("PYCSHARP_BENCH_DIR") or os.path.expanduser("~/.pyenv/versions/3.11.7/lib/python3.11")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", default=default_dir)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    if not os.path.isdir(args.dir):
        sys.exit(f"no such directory: {args.dir}")

    magic = importlib.util.MAGIC_NUMBER
    bodies = []
    names = []
    skipped = 0
    for path in collect(args.dir):
        with open(path, "rb") as f:
            data = f.read()
        if len(data) < HEADER_SIZE or data[:4] != magic:
            skipped += 1
            continue
        # A bytes object of the body only, so the timed loop does no slicing (the .NET side passes a span).
        bodies.append(data[HEADER_SIZE:])
        names.append(path)
    total = sum(len(b) for b in bodies)

    loads = marshal.loads
    failures = 0
    times = []
    kept = [None] * len(bodies) if args.keep else None
    for rnd in range(args.warmup + args.repeat):
        gc.collect()
        gc.disable()
        round_failures = 0
        t0 = time.perf_counter()
        if kept is None:
            for i, body in enumerate(bodies):
                try:
                    loads(body)
                except Exception as e:  # noqa: BLE001 -- counted and reported, like the .NET side
                    round_failures += 1
                    if rnd == 0 and round_failures <= 10:
                        print(f"failure: {names[i]}: {e!r}", file=sys.stderr)
        else:
            for i, body in enumerate(bodies):
                try:
                    kept[i] = loads(body)
                except Exception as e:  # noqa: BLE001
                    round_failures += 1
                    if rnd == 0 and round_failures <= 10:
                        print(f"failure: {names[i]}: {e!r}", file=sys.stderr)
        t1 = time.perf_counter()
        if kept is not None:
            kept = [None] * len(bodies)  # frees the round's results, untimed
        gc.enable()
        if rnd == 0:
            failures = round_failures
        if rnd >= args.warmup:
            times.append((t1 - t0) * 1000.0)

    best = min(times)
    median = statistics.median(times)
    mode = "keep" if args.keep else "drop"
    print(f"cpython files={len(bodies)} bytes={total} skipped={skipped} failures={failures} rounds={args.repeat} "
          f"mode={mode} best_ms={best:.1f} median_ms={median:.1f}")
    print(f"cpython rounds_ms={','.join(f'{t:.1f}' for t in times)} version={sys.version.split()[0]}", file=sys.stderr)
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
