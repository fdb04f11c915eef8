"""The one loader: read every Turtle file, validate their union against the shapes, and only then hand it over.

Nothing here touches a running store: `load_graph()` returns a validated `LoadedGraph` or raises `LoadError`,
so a caller that keeps serving the old graph on failure loses nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib import Graph, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from coopgraph import __version__
from coopgraph.settings import Settings
from coopgraph.validation import Problem, engine_version, resolve_engine, validate


class LoadError(Exception):
    """The sources could not be loaded: they do not parse, or they break the shapes."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s):\n" + "\n".join(p.describe() for p in problems))


@dataclass
class LoadedGraph:
    """Validated sources, as parsed for validation: an rdflib `graph` (pySHACL) or a pyoxigraph `store` (turbo),
    which the embedded store then adopts instead of parsing the files again. Both are None when a cached verdict
    spared parsing."""

    graph: Graph | None
    files: list[Path]
    store: pyoxigraph.Store | None = field(repr=False, default=None)

    @property
    def triples(self) -> int | None:
        if self.store is not None:
            return len(self.store)
        return len(self.graph) if self.graph is not None else None


# Facts computed from the others (`coopgraph reckon`), kept as files so every store and every reader sees them.
DERIVED_DIR = "derived"


def source_files(settings: Settings, extra: list[Path] | None = None, derived: bool = True) -> list[Path]:
    """Every Turtle file of the ontology and the data (with data/derived/ unless derived=False), in a stable
    order, then any extra files given."""
    excluded = {"examples"} if derived else {"examples", DERIVED_DIR}
    files = sorted(settings.ontology_dir.rglob("*.ttl")) + sorted(
        p for p in settings.data_dir.rglob("*.ttl") if not excluded & set(p.relative_to(settings.data_dir).parts)
    )
    for path in extra or []:
        if path.is_dir():
            files.extend(sorted(path.rglob("*.ttl")))
        else:
            files.append(path)
    return files


def shape_files(settings: Settings) -> list[Path]:
    return sorted(settings.shapes_dir.rglob("*.ttl"))


def read_turtle(paths: list[Path]) -> tuple[Graph, list[Problem]]:
    """Parse each file on its own (so a syntax error names its file and line), then take the union (rdflib)."""
    union = Graph()
    problems: list[Problem] = []
    for path in paths:
        graph = Graph()
        try:
            graph.parse(path, format="turtle")
        except FileNotFoundError:
            problems.append(Problem(file=path, message="file not found"))
            continue
        except (BadSyntax, SyntaxError, ValueError) as error:
            message = f"syntax error: {_short(error)}"
            problems.append(Problem(file=path, line=_syntax_error_line(error), message=message))
            continue
        for prefix, namespace in graph.namespaces():
            union.bind(prefix, namespace, override=False)
        union += graph
    return union, problems


def read_into_store(paths: list[Path]) -> tuple[pyoxigraph.Store, list[Problem]]:
    """Parse every file into one pyoxigraph store (Rust: ~15x faster than rdflib); syntax errors name file and line."""
    store = pyoxigraph.Store()
    problems: list[Problem] = []
    for path in paths:
        try:
            store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
        except FileNotFoundError:
            problems.append(Problem(file=path, message="file not found"))
        except (SyntaxError, ValueError, OSError) as error:
            line = getattr(error, "lineno", None)
            message = getattr(error, "msg", None) or str(error)
            problems.append(Problem(file=path, line=line, message=f"syntax error: {message}"))
    return store, problems


def load_graph(settings: Settings, extra: list[Path] | None = None, use_cache: bool = True,
               derived: bool = True) -> LoadedGraph:
    """Read, validate, and return the graph; raise LoadError naming file, line, node, path and message.

    Validation is a pure function of the sources, the shapes and the validator: when these exact bytes passed
    before (a marker named by their digest in the cache folder), the verdict is reused and nothing is parsed here.
    """
    files = source_files(settings, extra, derived)
    shape_paths = shape_files(settings)
    engine = resolve_engine(settings.shacl_engine)
    marker = (_verdict_marker(settings, engine, files + shape_paths)
              if use_cache and settings.validation_cache else None)
    if marker is not None and marker.exists():
        return LoadedGraph(graph=None, files=files)
    shapes, shape_problems = read_turtle(shape_paths)
    if shape_problems:
        raise LoadError(shape_problems)
    if engine == "turbo":
        data, problems = read_into_store(files)
        if problems:
            raise LoadError(problems)
        loaded = LoadedGraph(graph=None, files=files, store=data)
    else:
        data, problems = read_turtle(files)
        if problems:
            raise LoadError(problems)
        loaded = LoadedGraph(graph=data, files=files)
    problems = validate(data, shapes, engine)
    if problems:
        subjects = _subjects_by_file(files)
        raise LoadError([_locate(problem, subjects) for problem in problems])
    if marker is not None:
        _remember(marker)
    return loaded


def _subjects_by_file(paths: list[Path]) -> dict[Path, set[URIRef]]:
    """Which file states which subject (asked only when validation failed, to name the file of each problem)."""
    subjects: dict[Path, set[URIRef]] = {}
    for path in paths:
        try:
            quads = pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
            subjects[path] = {URIRef(q.subject.value) for q in quads if isinstance(q.subject, pyoxigraph.NamedNode)}
        except (SyntaxError, OSError):
            continue  # naming the file is best effort: rdflib (the pySHACL path) accepts a little more than Oxigraph
    return subjects


def _verdict_marker(settings: Settings, engine: str, paths: list[Path]) -> Path | None:
    digest = hashlib.sha256(f"coopgraph {__version__} {engine_version(engine)}\n".encode())
    for path in paths:
        try:
            content = path.read_bytes()
        except OSError:
            return None  # a missing file is reported by the full load
        # Only the bytes matter: the same sources copied elsewhere are the same graph with the same verdict.
        digest.update(f"{len(content)}\0".encode())
        digest.update(content)
    return settings.cache_dir / "verdicts" / digest.hexdigest()


def _remember(marker: Path) -> None:
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        pass  # an unwritable cache only costs time


def _locate(problem: Problem, subjects: dict[Path, set[URIRef]]) -> Problem:
    """Name the file (and line) that states the focus node; a node described in several files names the last."""
    if problem.focus_node is None:
        return problem
    node = URIRef(problem.focus_node)
    owners = [path for path, nodes in subjects.items() if node in nodes]
    if not owners:
        return problem
    path = owners[-1]
    problem.file = path
    problem.line = _line_of(path, node)
    return problem


PREFIX_DECLARATION = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)


def _line_of(path: Path, node: URIRef) -> int | None:
    """The first line where the node is written as a subject (full IRI or prefixed name)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    spellings = [f"<{node}>"]
    for line in lines:
        declared = PREFIX_DECLARATION.match(line)
        if declared and declared.group(1) and str(node).startswith(declared.group(2)):
            local = str(node)[len(declared.group(2)):]
            if re.fullmatch(r"[A-Za-z0-9_\-.]*", local):
                spellings.append(f"{declared.group(1)}:{local}")
    pattern = re.compile(r"^\s*(" + "|".join(re.escape(s) for s in spellings) + r")(\s|$)")
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            return number
    return None


def _syntax_error_line(error: Exception) -> int | None:
    line = getattr(error, "lines", None)
    if isinstance(line, int):
        return line + 1  # BadSyntax counts lines from zero
    match = re.search(r"line (\d+)", str(error))
    return int(match.group(1)) if match else None


def _short(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[-1] if text else type(error).__name__
