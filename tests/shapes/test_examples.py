"""Shape tests in the style of the W3C SHACL suite: each invalid example states its expected violation.

An invalid file's header says `# expect: <focus node> | <path or -> | <constraint component>`. The file is
validated on top of the ontology and the reference data; the expected result must be reported, and nothing about any
other node (so each file exercises one rule).
"""

from pathlib import Path

import pytest

from coopgraph.loading import LoadError, load_graph
from coopgraph.settings import Settings

EXAMPLES = Path(__file__).parent / "examples"
VALID = sorted((EXAMPLES / "valid").glob("*.ttl"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.ttl"))


def expected_result(path: Path) -> tuple[str, str | None, str]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect:"):
            focus, result_path, component = (part.strip() for part in line[len("# expect:"):].split("|"))
            return focus, None if result_path == "-" else result_path, component
    raise AssertionError(f"{path.name} has no '# expect:' line")


# Every example runs on both engines: pyshacl-turbo (the default) must report what pySHACL, the reference, reports.
ENGINES = ["turbo", "pyshacl"]


@pytest.fixture(params=ENGINES)
def engine_settings(request, reference_settings) -> Settings:
    return reference_settings.model_copy(update={"shacl_engine": request.param})


@pytest.mark.parametrize("example", VALID, ids=lambda p: p.stem)
def test_valid_example_conforms(engine_settings, example: Path):
    loaded = load_graph(engine_settings, [example], use_cache=False)
    assert example in loaded.files


@pytest.mark.parametrize("example", INVALID, ids=lambda p: p.stem)
def test_invalid_example_reports_expected_violation(engine_settings, example: Path):
    focus, result_path, component = expected_result(example)
    with pytest.raises(LoadError) as failure:
        load_graph(engine_settings, [example], use_cache=False)
    found = {(p.focus_node, p.path, p.component) for p in failure.value.problems}
    assert (focus, result_path, component) in found, f"expected {component} on {focus} {result_path}; got {found}"
    assert {p.focus_node for p in failure.value.problems} == {focus}, "the example breaks more than one node"
    located = [p for p in failure.value.problems if p.component == component]
    assert all(p.file == example and p.line for p in located), "the report must name the file and line"
    assert all(p.message for p in located)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_repository_data_conforms_on_each_engine(engine):
    loaded = load_graph(Settings(shacl_engine=engine), use_cache=False)
    assert loaded.triples and loaded.triples > 10_000


def test_both_engines_report_the_same_problems_for_a_file_with_several(reference_settings, tmp_path):
    """A file with several faults gets the same problems, word for word, from both engines."""
    broken = tmp_path / "several.ttl"
    broken.write_text("\n".join((EXAMPLES / "invalid" / name).read_text(encoding="utf-8")
                                for name in ("participation-signature-after-consent.ttl",)), encoding="utf-8")
    extra = (EXAMPLES / "invalid" / "provision-without-instrument.ttl").read_text(encoding="utf-8")
    broken.write_text(broken.read_text(encoding="utf-8") + "\n" + extra.split("\n\n", 1)[1], encoding="utf-8")
    reports = {}
    for engine in ENGINES:
        with pytest.raises(LoadError) as failure:
            load_graph(reference_settings.model_copy(update={"shacl_engine": engine}), [broken], use_cache=False)
        reports[engine] = sorted(p.describe() for p in failure.value.problems)
    assert len(reports["pyshacl"]) >= 2
    assert reports["turbo"] == reports["pyshacl"]
