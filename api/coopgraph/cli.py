"""The `coopgraph` command line: serve, validate, query, build."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from coopgraph.loading import LoadError, load_graph
from coopgraph.settings import get_settings

app = typer.Typer(help="Cooperation Graph: international cooperation in criminal matters as a knowledge graph.",
                  no_args_is_help=True, add_completion=False)


class QueryFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def serve(host: str = typer.Option("127.0.0.1", help="Interface to listen on"),
          port: int = typer.Option(8000, help="TCP port")) -> None:
    """Run the service (embedded store unless COOPGRAPH_SPARQL_ENDPOINT is set)."""
    import uvicorn

    from coopgraph.app import create_app
    from coopgraph.service import GraphService
    from coopgraph.store import StoreUnavailable

    settings = get_settings()
    service = GraphService(settings)
    try:
        status = service.reload()
        where = f"{settings.sparql_endpoint} (graph {service.store.current_graph})" if service.remote else \
            f"{status.files} files"
        typer.echo(f"graph loaded: {status.triples} triples from {where}", err=True)
    except LoadError as error:
        _report(error)
        raise typer.Exit(1) from None
    except StoreUnavailable as error:
        typer.echo(f"warning: {error}; answering 503 until it is back", err=True)
    uvicorn.run(create_app(settings, service), host=host, port=port, log_level="info")


@app.command()
def validate(paths: list[Path] = typer.Argument(None, help="Turtle files or folders to check on top of the graph"),
             output: str = typer.Option("text", "--output", help="text or json")) -> None:
    """Validate the repository's graph (and the given files on top of it) against shapes/. Exit 1 if it fails."""
    try:
        loaded = load_graph(get_settings(), [p.resolve() for p in paths or []], use_cache=False)
    except LoadError as error:
        if output == "json":
            typer.echo(json.dumps({"conforms": False, "problems": [p.as_dict() for p in error.problems]}, indent=2))
        else:
            _report(error)
        raise typer.Exit(1) from None
    triples = loaded.triples
    if output == "json":
        typer.echo(json.dumps({"conforms": True, "triples": triples, "files": len(loaded.files)}))
    else:
        typer.echo(f"conforms: {triples} triples from {len(loaded.files)} files")


@app.command()
def query(sparql: str = typer.Argument(..., help="A SPARQL 1.1 query, or @FILE to read it from a file"),
          fmt: QueryFormat = typer.Option(QueryFormat.table, "--format", help="table, json or csv")) -> None:
    """Run one read-only query against the validated graph."""
    from coopgraph.store import ProtocolRequest, QueryFailed

    text = Path(sparql[1:]).read_text(encoding="utf-8") if sparql.startswith("@") else sparql
    service = _loaded_service()
    accept = {"json": "application/sparql-results+json, application/ld+json;q=0.9",
              "csv": "text/csv, application/n-triples;q=0.9",
              "table": "application/sparql-results+json, text/turtle;q=0.9"}[fmt.value]
    try:
        result = service.store.protocol_query(ProtocolRequest(text, accept, max_rows=get_settings().max_rows))
    except QueryFailed as error:
        typer.echo(f"error: the query cannot be run: {error}", err=True)
        raise typer.Exit(2) from None
    if fmt is QueryFormat.table and result.media_type == "application/sparql-results+json":
        typer.echo(_table(json.loads(result.body)))
    else:
        sys.stdout.write(result.body.decode("utf-8"))
    if result.truncated:
        typer.echo(f"warning: only the first {result.limit} results are shown (COOPGRAPH_MAX_ROWS)", err=True)


@app.command()
def load(endpoint: str = typer.Option(..., "--endpoint", help="SPARQL query endpoint, e.g. http://host:7878/query"),
         graph_store: str = typer.Option(..., "--graph-store", help="Graph Store Protocol endpoint, e.g. …/store"),
         graph: str = typer.Option(None, "--graph", help="Base name of the named graph (COOPGRAPH_REMOTE_GRAPH)"),
         ) -> None:
    """Validate the graph, then push it into a remote store atomically (new named graph, then switch)."""
    from coopgraph.store import StoreUnavailable
    from coopgraph.store.remote import RemoteStore
    from coopgraph.store.remote_load import LoadFailed, push_graph

    settings = get_settings()
    try:
        loaded = load_graph(settings, use_cache=False)
    except LoadError as error:
        _report(error)
        raise typer.Exit(1) from None
    remote = RemoteStore(endpoint, graph or settings.remote_graph, settings.query_timeout_s,
                         settings.remote_user, settings.remote_password)
    auth = (settings.remote_user, settings.remote_password) if settings.remote_user else None
    try:
        pushed = push_graph(loaded, remote, graph_store, auth)
    except (LoadFailed, StoreUnavailable) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"loaded {pushed.triples} triples into <{pushed.graph}> (previous: "
               f"{f'<{pushed.previous}>' if pushed.previous else 'none'}; dropped {len(pushed.dropped)} older)")


@app.command()
def reckon(check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 if the derived file is stale")
           ) -> None:
    """Reckon entry into force under each instrument's own clause where no source states it (data/derived/)."""
    from coopgraph.reckoning import ReckoningError, derived_path, disagreements, reckon_all, render

    settings = get_settings()
    try:
        reckonings = reckon_all(settings)
    except LoadError as error:
        _report(error)
        raise typer.Exit(1) from None
    except ReckoningError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    for r in disagreements(reckonings):
        typer.echo(f"warning: <{r.participation}> states entry into force {r.stated}, but <{r.rule}> gives "
                   f"{r.in_force} from the consent of {r.consented}", err=True)
    text, path = render(reckonings), derived_path(settings)
    reckoned = sum(r.stated is None for r in reckonings)
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if check:
        if current != text:
            typer.echo(f"{path} is out of date: run `coopgraph reckon`", err=True)
            raise typer.Exit(1)
        typer.echo(f"{path} is up to date ({reckoned} reckoned)")
        return
    if current != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {path}: {reckoned} entry-into-force dates reckoned; "
               f"{len(reckonings) - reckoned} stated dates checked, {len(disagreements(reckonings))} disagree")


@app.command()
def build(out: Path = typer.Option(..., "--out", help="Folder for graph.ttl, graph.nt and graph.jsonld")) -> None:
    """Write the validated graph as Turtle, N-Triples and JSON-LD."""
    from pyoxigraph import RdfFormat

    service = _loaded_service()
    out.mkdir(parents=True, exist_ok=True)
    prefixes = _prefixes()
    for name, fmt in (("graph.ttl", RdfFormat.TURTLE), ("graph.nt", RdfFormat.N_TRIPLES),
                      ("graph.jsonld", RdfFormat.JSON_LD)):
        service.store.dump(out / name, fmt, prefixes)
        typer.echo(f"wrote {out / name}")


def _loaded_service():
    from coopgraph.service import GraphService

    # One-shot commands evaluate in this process: no query workers to start.
    service = GraphService(get_settings().model_copy(update={"sparql_workers": 0}))
    try:
        service.reload()
    except LoadError as error:
        _report(error)
        raise typer.Exit(1) from None
    return service


def _prefixes() -> dict[str, str]:
    base = get_settings().base_iri
    return {"coop": "https://w3id.org/coopgraph/ontology#", "skos": "http://www.w3.org/2004/02/skos/core#",
            "dcterms": "http://purl.org/dc/terms/", "eli": "http://data.europa.eu/eli/ontology#",
            "xsd": "http://www.w3.org/2001/XMLSchema#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "instrument": base + "instrument/", "action": base + "action/", "state": base + "state/",
            "org": base + "org/", "condition": base + "condition/", "ground": base + "ground/"}


def _report(error: LoadError) -> None:
    typer.echo(f"the graph does not validate ({len(error.problems)} problem(s)):", err=True)
    for problem in error.problems:
        typer.echo("  " + problem.describe(), err=True)


def _table(results: dict) -> str:
    if "boolean" in results:
        return "true" if results["boolean"] else "false"
    names = results["head"]["vars"]
    rows = [[b.get(n, {}).get("value", "") for n in names] for b in results["results"]["bindings"]]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    line = lambda cells: " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))  # noqa: E731
    out = [line(names), "-+-".join("-" * w for w in widths)] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
