"""The notebooks in notebooks/ run from top to bottom against a live service (COOPGRAPH_URL) and show what they
promise; they are kept in the repository without outputs."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
# What each notebook must have printed or drawn: (texts in its outputs, number of figures).
EXPECTED = {
    "01-explore.ipynb": (["budapest-convention", "Article 29", "expedited preservation of stored computer data",
                          "exact     Convention on Cybercrime, Article 29",
                          "court-proceedings        Ministry of Justice of Ukraine (CPC art. 574)",
                          "UKR  deposited 2009-12-02  bound from 2010-01-01  (reckoned under art. 68(2))",
                          "AUT  deposited 2006-01-11  bound from 2006-02-10  (read in the source)",
                          "16(14)     discrimination                         governs art. 16"], 1),
    "02-extend.ipynb": (["sh:LessThanOrEqualsConstraintComponent", "conforms:",
                         "exact — Example treaty between Ukraine and Iceland"], 0),
    "03-statistics.ipynb": (["2021", "484", "2025-H1", "225", "outgoing"], 1),
}
# One backend is enough: the notebooks ask the API and /sparql, whose backends are compared elsewhere.
EMBEDDED_ONLY = pytest.mark.parametrize("live_server", ["embedded"], indirect=True)


def outputs(notebook) -> tuple[str, int]:
    texts, figures = [], 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                texts.append(output.text)
            elif output.output_type in ("display_data", "execute_result"):
                texts.append(output.data.get("text/plain", ""))
                figures += "image/png" in output.data
    return "\n".join(texts), figures


def test_every_notebook_is_checked():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_notebook_is_saved_without_outputs(name):
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{name}: clear the outputs before saving"


@pytest.mark.slow
@EMBEDDED_ONLY
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_notebook_runs_against_the_live_service(name, live_server, tmp_path, monkeypatch):
    monkeypatch.setenv("COOPGRAPH_URL", live_server.url)
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    # A failing cell raises CellExecutionError with the cell's traceback, which pytest shows.
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    text, figures = outputs(notebook)
    expected_texts, expected_figures = EXPECTED[name]
    for expected in expected_texts:
        assert expected in text, f"{name} did not show {expected!r}"
    assert figures == expected_figures, f"{name} drew {figures} figure(s), expected {expected_figures}"
