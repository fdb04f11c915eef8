"""Shape tests in the style of the W3C SHACL suite: each invalid example states its expected violation.

An invalid file's header says `# expect: <focus node> | <path or -> | <constraint component>`. The file is
validated on top of the ontology and the reference data; the expected result must be reported, and nothing about any
other node (so each file exercises one rule).
"""

from pathlib import Path

import pytest

from coopgraph.loading import LoadError, load_graph

EXAMPLES = Path(__file__).parent / "examples"
VALID = sorted((EXAMPLES / "valid").glob("*.ttl"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.ttl"))


def expected_result(path: Path) -> tuple[str, str | None, str]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect:"):
            focus, result_path, component = (part.strip() for part in line[len("# expect:"):].split("|"))
            return focus, None if result_path == "-" else result_path, component
    raise AssertionError(f"{path.name} has no '# expect:' line")


@pytest.mark.parametrize("example", VALID, ids=lambda p: p.stem)
def test_valid_example_conforms(reference_settings, example: Path):
    loaded = load_graph(reference_settings, [example], use_cache=False)
    assert example in loaded.files


@pytest.mark.parametrize("example", INVALID, ids=lambda p: p.stem)
def test_invalid_example_reports_expected_violation(reference_settings, example: Path):
    focus, result_path, component = expected_result(example)
    with pytest.raises(LoadError) as failure:
        load_graph(reference_settings, [example], use_cache=False)
    found = {(p.focus_node, p.path, p.component) for p in failure.value.problems}
    assert (focus, result_path, component) in found, f"expected {component} on {focus} {result_path}; got {found}"
    assert {p.focus_node for p in failure.value.problems} == {focus}, "the example breaks more than one node"
    located = [p for p in failure.value.problems if p.component == component]
    assert all(p.file == example and p.line for p in located), "the report must name the file and line"
    assert all(p.message for p in located)
