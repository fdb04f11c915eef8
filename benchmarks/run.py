"""The one bench command: every figure and every target in a single run on this machine.

    python -m benchmarks.run [--sizes 100k,1m] [--quick] [--json FILE] [--work-dir DIR --keep]
    make bench BENCH_ARGS="--sizes 100k --quick"

Measures the repository's data/ and a synthetic world per size (benchmarks/world.py), and prints Markdown
tables: absolute figures, then the targets with their ratios and PASS / FAIL. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from benchmarks import report
from benchmarks.measure import DataSet, Plan, measure
from benchmarks.questions import REAL_DATA_REQUESTS
from benchmarks.world import REPO, generate_world


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100k,1m", help="synthetic world sizes in triples, comma-separated "
                                                           "(e.g. 100k,1m); empty for the real data only")
    parser.add_argument("--quick", action="store_true", help="fewer requests and shorter load: a smoke run")
    parser.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    parser.add_argument("--work-dir", type=Path, help="where worlds, stores and server logs go (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the work dir afterwards")
    args = parser.parse_args(argv)

    # A terminated run unwinds like Ctrl-C, so every server it started is stopped on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    plan = Plan.quick() if args.quick else Plan.full()
    work_dir = args.work_dir or Path(tempfile.mkdtemp(prefix="coopgraph-bench-"))
    work_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        data_sets = [DataSet(report.REAL_DATA, REPO / "data", REAL_DATA_REQUESTS)]
        for size in filter(None, (s.strip() for s in args.sizes.split(","))):
            _progress(f"generating the {size} world")
            world = generate_world(work_dir / f"world-{size}", size)
            data_sets.append(DataSet(size, world.data_dir, world.requests))
        figures = []
        for data_set in data_sets:
            set_dir = work_dir / f"run-{data_set.name.replace(' ', '-')}"
            set_dir.mkdir(exist_ok=True)
            figures.append(measure(data_set, plan, set_dir, log=_progress))
    finally:
        if not args.keep:
            shutil.rmtree(work_dir, ignore_errors=True)
        else:
            _progress(f"work dir kept: {work_dir}")
    command = "python -m benchmarks.run " + shlex.join(argv if argv is not None else sys.argv[1:])
    print(report.render(figures, plan, command.strip()))
    _progress(f"done in {time.perf_counter() - started:.0f} s")
    if args.json:
        args.json.write_text(json.dumps([asdict(f) for f in figures], indent=2, default=str), encoding="utf-8")
    return 0


def _progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
