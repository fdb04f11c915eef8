"""Where the graph's sources are: the repository checkout, or the copy bundled into an installed wheel."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
QUERIES_DIR = PACKAGE_DIR / "queries"
_REPOSITORY_ROOT = PACKAGE_DIR.parents[1]  # api/coopgraph -> repository root
_BUNDLED_ROOT = PACKAGE_DIR / "bundled"


def source_dir(name: str) -> Path:
    """`ontology`, `shapes` or `data`: the checkout's folder when running from one, else the bundled copy."""
    for root in (_REPOSITORY_ROOT, _BUNDLED_ROOT):
        candidate = root / name
        if candidate.is_dir() and (root != _REPOSITORY_ROOT or (root / "pyproject.toml").is_file()):
            return candidate
    raise FileNotFoundError(f"cannot find the {name}/ folder in {_REPOSITORY_ROOT} or {_BUNDLED_ROOT}")
