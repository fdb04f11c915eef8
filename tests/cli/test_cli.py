"""The `coopgraph` command line, run as a user runs it (a subprocess)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from conftest import REPO

EXAMPLES = Path(__file__).resolve().parents[1] / "shapes" / "examples"


def coopgraph(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coopgraph.cli", *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def small_data(tmp_path_factory) -> dict:
    """Only the reference data, so that checking an example file does not re-validate every treaty."""
    data = tmp_path_factory.mktemp("small-data")
    shutil.copytree(REPO / "data" / "reference", data / "reference")
    return {"COOPGRAPH_DATA_DIR": str(data)}


def test_validate_the_repository_graph_conforms():
    result = coopgraph("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("conforms:")


def test_validate_wrong_date_order_exits_1_naming_file_line_and_node(small_data):
    bad = EXAMPLES / "invalid" / "participation-signature-after-consent.ttl"
    result = coopgraph("validate", str(bad), env=small_data)
    assert result.returncode == 1
    assert f"{bad}:" in result.stderr
    assert "<https://w3id.org/coopgraph/instrument/example-treaty/party/UKR>" in result.stderr
    assert "coop:signatureDate" in result.stderr and "not after consent" in result.stderr


def test_validate_provision_without_instrument_exits_1_naming_file_and_node(small_data):
    bad = EXAMPLES / "invalid" / "provision-without-instrument.ttl"
    result = coopgraph("validate", str(bad), "--output", "json", env=small_data)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["conforms"] is False
    problem = next(p for p in report["problems"] if p["path"] == "coop:instrument")
    assert problem["file"] == str(bad) and problem["line"] > 1
    assert problem["focus_node"] == "https://w3id.org/coopgraph/instrument/example-treaty/art/4"


def test_validate_reports_turtle_syntax_errors_with_line(tmp_path, small_data):
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix ex: <https://example.org/> .\n\nex:a ex:b ex:c\nex:d ex:e .\n", encoding="utf-8")
    result = coopgraph("validate", str(broken), env=small_data)
    assert result.returncode == 1
    assert f"{broken}:" in result.stderr and "syntax error" in result.stderr


def test_validate_a_missing_file_names_it(tmp_path):
    result = coopgraph("validate", str(tmp_path / "nowhere.ttl"))
    assert result.returncode == 1 and "nowhere.ttl" in result.stderr and "not found" in result.stderr


def test_query_table_json_and_csv():
    query = ("SELECT ?code WHERE { <https://w3id.org/coopgraph/state/UKR> "
             "<https://w3id.org/coopgraph/ontology#iso3166Alpha2> ?code }")
    table = coopgraph("query", query)
    assert table.returncode == 0 and "UA" in table.stdout and "(1 row)" in table.stdout
    as_json = json.loads(coopgraph("query", query, "--format", "json").stdout)
    assert as_json["results"]["bindings"][0]["code"]["value"] == "UA"
    as_csv = coopgraph("query", query, "--format", "csv").stdout.split()
    assert as_csv == ["code", "UA"]


def test_query_with_syntax_error_exits_2_with_message():
    result = coopgraph("query", "SELECT WHERE")
    assert result.returncode == 2 and "cannot be run" in result.stderr


def test_build_writes_turtle_ntriples_and_jsonld_with_the_same_triples(tmp_path):
    result = coopgraph("build", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    sizes = {name: len(Graph().parse(tmp_path / name)) for name in ("graph.ttl", "graph.nt", "graph.jsonld")}
    assert len(set(sizes.values())) == 1 and sizes["graph.nt"] > 1000


def test_validation_verdict_is_cached_for_identical_sources_only(tmp_path):
    from coopgraph.loading import LoadError, load_graph
    from coopgraph.settings import Settings

    data = tmp_path / "data"
    (data / "reference").mkdir(parents=True)
    for name in ("states.ttl", "organisations.ttl"):
        (data / "reference" / name).write_bytes((REPO / "data" / "reference" / name).read_bytes())
    settings = Settings(data_dir=data, cache_dir=tmp_path / "cache")
    assert load_graph(settings).triples  # validated: parsed
    assert load_graph(settings).triples is None  # same bytes: verdict reused, nothing parsed
    treaty = data / "treaty.ttl"
    treaty.write_text((EXAMPLES / "invalid" / "instrument-without-source.ttl").read_text(encoding="utf-8"))
    try:
        load_graph(settings)
        raise AssertionError("a changed source must be validated again")
    except LoadError as error:
        assert any(p.file == treaty for p in error.problems)


def test_reckon_check_says_the_repository_derived_file_is_current():
    result = coopgraph("reckon", "--check")
    assert result.returncode == 0, result.stderr
    assert "entry-into-force.ttl is up to date" in result.stdout


def test_reckon_check_fails_on_a_stale_derived_file_and_reckon_repairs_it(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    derived = data / "derived" / "entry-into-force.ttl"
    derived.write_text("\n".join(derived.read_text(encoding="utf-8").splitlines()[:-2]) + "\n", encoding="utf-8")
    env = {"COOPGRAPH_DATA_DIR": str(data)}

    stale = coopgraph("reckon", "--check", env=env)
    assert stale.returncode == 1
    assert f"{derived} is out of date: run `coopgraph reckon`" in stale.stderr

    repaired = coopgraph("reckon", env=env)
    assert repaired.returncode == 0, repaired.stderr
    assert "entry-into-force dates reckoned" in repaired.stdout
    assert derived.read_text(encoding="utf-8") == (REPO / "data" / "derived" / "entry-into-force.ttl").read_text(
        encoding="utf-8")
    assert coopgraph("reckon", "--check", env=env).returncode == 0
