"""Where SHACL validation spends its time, on a synthetic world (cProfile around the loader's own steps).

    python -m benchmarks.profile_validation --size 100k [--top 25]

Prints the phases (rdflib parse, pySHACL validation) and, inside validation, the cumulative time of each
kind of constraint evaluation and the functions that cost the most themselves. cProfile slows Python down
about 2-3×: read the shares, not the absolute seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

from benchmarks.world import generate_world
from coopgraph.loading import read_turtle, shape_files, source_files
from coopgraph.settings import Settings
from coopgraph.validation import validate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="100k")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coopgraph-profile-") as work:
        world = generate_world(Path(work) / "world", args.size)
        started = time.perf_counter()
        graph, _ = read_turtle(source_files(Settings(data_dir=world.data_dir)))
        shapes, _ = read_turtle(shape_files(Settings()))
        print(f"parse (rdflib): {time.perf_counter() - started:.1f} s for {len(graph):,} triples")
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.runcall(validate, graph, shapes)
        print(f"validation (pySHACL, under cProfile): {time.perf_counter() - started:.1f} s")
    stats = pstats.Stats(profiler)
    print("\nConstraint evaluation, cumulative (nested shapes count inside their parent):")
    stats.sort_stats("cumulative").print_stats(r"pyshacl/(constraints/.*evaluate|shape.py.*validate|.*clone)",
                                               args.top)
    print("\nFunctions by their own time:")
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
