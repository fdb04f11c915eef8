"""Competency questions: each `<topic>/<name>.rq` runs on the loaded graph and must give `<name>.expected.json`.

The expected file holds {"question": "...", "match": "exact" | "includes", "ordered": false, "rows": [...]}.
Row values are plain JSON: IRIs and literals as strings, integers as numbers, booleans as true/false.
`exact` compares all rows (as a multiset unless `ordered`); `includes` requires the listed rows among them.
"""

import json
from collections import Counter
from pathlib import Path

import pytest

QUESTIONS = sorted(Path(__file__).parent.rglob("*.rq"))


def _key(row: dict) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def test_there_are_competency_questions():
    assert QUESTIONS


@pytest.mark.parametrize("query", QUESTIONS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_competency_question(service, query: Path):
    expected = json.loads(query.with_suffix(".expected.json").read_text(encoding="utf-8"))
    rows = service.store.select(query.read_text(encoding="utf-8"))
    wanted = expected["rows"]
    question = expected["question"]
    if expected.get("match", "exact") == "includes":
        missing = [row for row in wanted if _key(row) not in {_key(r) for r in rows}]
        assert not missing, f"{question}\nmissing rows: {missing}\ngot: {rows}"
    elif expected.get("ordered"):
        assert rows == wanted, question
    else:
        assert Counter(map(_key, rows)) == Counter(map(_key, wanted)), f"{question}\ngot: {rows}"
