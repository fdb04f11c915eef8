"""A plain (non-editable) install carries the ontology, shapes and data, and `coopgraph` works from it."""

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_wheel_bundles_the_graph_and_the_installed_cli_validates_it(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path / "dist"), str(REPO)], check=True, capture_output=True, timeout=300)
    wheel = next((tmp_path / "dist").glob("coopgraph-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("coopgraph/bundled/ontology/coop.ttl", "coopgraph/bundled/shapes/instruments.shapes.ttl",
                     "coopgraph/bundled/data/instruments/rome-statute.ttl",
                     "coopgraph/queries/actions/list-actions.rq", "coopgraph/routes/service-description.ttl"):
        assert required in names, f"{required} missing from {wheel.name}"

    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, timeout=300)
    # Run from an empty folder so nothing can come from the checkout.
    probe = ("import coopgraph.resources as r, sys; print(r.source_dir('data'));"
             "sys.argv=['coopgraph','validate']; from coopgraph.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                            cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    data_dir, verdict = result.stdout.splitlines()[:2]
    assert data_dir.startswith(str(target)) and verdict.startswith("conforms:")
