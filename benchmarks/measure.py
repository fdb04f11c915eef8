"""Every figure for one data set, taken in one go on this machine: validation in process, then each server
started in turn (never two at once, so each has both cores), asked the same questions, and stopped."""

from __future__ import annotations

import gc
import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from benchmarks import servers, timing
from benchmarks.loopback_http import HttpSession
from benchmarks.questions import LegalBasesRequest
from benchmarks.timing import Budget, Latencies, Throughput
from coopgraph.loading import read_into_store, read_turtle, shape_files, source_files
from coopgraph.settings import Settings
from coopgraph.validation import validate

LEGAL_BASES = "/api/v1/legal-bases"


@dataclass(frozen=True)
class Plan:
    """How long each engine may be asked; the slow baselines get a handful of requests under a hard cap."""

    fast: Budget  # coopgraph and Oxigraph
    slow: Budget  # rdflib in process and rdflib-endpoint
    clients: int
    load_seconds: float
    start_timeout_s: float

    @classmethod
    def full(cls) -> Plan:
        return cls(fast=Budget(requests=300, seconds=90, request_timeout_s=120, warm_up=24),
                   slow=Budget(requests=12, seconds=120, request_timeout_s=120, warm_up=1),
                   clients=8, load_seconds=10, start_timeout_s=1800)

    @classmethod
    def quick(cls) -> Plan:
        return cls(fast=Budget(requests=60, seconds=15, request_timeout_s=30, warm_up=5),
                   slow=Budget(requests=3, seconds=30, request_timeout_s=30, warm_up=0),
                   clients=8, load_seconds=3, start_timeout_s=1800)


@dataclass
class DataSet:
    name: str
    data_dir: Path
    questions: list[LegalBasesRequest]

    def files(self) -> list[Path]:
        return source_files(Settings(data_dir=self.data_dir))


@dataclass
class Figures:
    name: str
    load_average: tuple[float, float, float] | None = None  # the machine's, when this data set began (shared?)
    files: int = 0
    triples: int = 0
    parse_s: float | None = None  # rdflib, for pySHACL (the reference engine)
    shacl_s: float | None = None  # pySHACL
    store_parse_s: float | None = None  # pyoxigraph, the service's path
    turbo_shacl_s: float | None = None  # pyshacl-turbo on that store, the service's default engine
    cold_start_s: float | None = None  # `coopgraph serve` to its first answer, nothing cached
    warm_start_s: float | None = None  # the same with the verdict cached (restart on unchanged sources)
    cold_start_peak_mib: float | None = None
    serving_peak_mib: float | None = None
    service: Latencies | None = None  # answer caches off: every request runs both queries
    service_cached: Latencies | None = None  # the same questions again, answers remembered (the default)
    oxigraph: Latencies | None = None
    rdflib_memory: Latencies | None = None
    rdflib_endpoint: Latencies | None = None
    oxigraph_load_s: float | None = None
    oxigraph_peak_mib: float | None = None
    rdflib_endpoint_start_s: float | None = None
    rdflib_endpoint_peak_mib: float | None = None
    throughput: Throughput | None = None  # answer caches on (the default), questions repeating
    throughput_uncached: Throughput | None = None  # answer caches off
    answer_rows: dict[str, int] = field(default_factory=dict)  # rows each raw engine returns for the first question
    first_question_legal_bases: int | None = None  # what the service answers to it
    notes: list[str] = field(default_factory=list)


def measure(data_set: DataSet, plan: Plan, work_dir: Path, log: Callable[[str], None] = print) -> Figures:
    figures = Figures(data_set.name, load_average=os.getloadavg() if hasattr(os, "getloadavg") else None)
    files = data_set.files()
    figures.files = len(files)
    questions = list(dict.fromkeys(data_set.questions))
    log(f"[{data_set.name}] parsing and validating in process ({len(files)} files)")
    _validate_and_ask_rdflib(figures, files, questions, plan)
    log(f"[{data_set.name}] coopgraph serve: cold start, then warm start, latency and throughput")
    _coopgraph(figures, data_set, plan, work_dir)
    log(f"[{data_set.name}] oxigraph load + serve")
    _oxigraph(figures, files, questions, plan, work_dir)
    log(f"[{data_set.name}] rdflib-endpoint serve (bounded)")
    _rdflib_endpoint(figures, files, questions, plan, work_dir)
    if len(set(figures.answer_rows.values())) > 1:
        figures.notes.append(f"engines disagree on the first question's row count: {figures.answer_rows}")
    return figures


def _validate_and_ask_rdflib(figures: Figures, files: list[Path], questions: list[LegalBasesRequest],
                             plan: Plan) -> None:
    store, figures.store_parse_s, figures.turbo_shacl_s = _parse_and_validate(
        figures.name, lambda: read_into_store(files), "turbo")
    del store
    gc.collect()
    graph, figures.parse_s, figures.shacl_s = _parse_and_validate(
        figures.name, lambda: read_turtle(files), "pyshacl")
    figures.triples = len(graph)
    figures.rdflib_memory = timing.sequential_in_child(partial(_ask_rdflib, graph), questions, plan.slow)
    _note_rows(figures, "rdflib", figures.rdflib_memory)
    del graph
    gc.collect()


def _parse_and_validate(name: str, parse: Callable, engine: str) -> tuple[object, float, float]:
    """The loader's own steps for one engine: (data, parse seconds, validation seconds)."""
    started = time.perf_counter()
    data, problems = parse()
    parse_s = time.perf_counter() - started
    shapes, shape_problems = read_turtle(shape_files(Settings()))
    if problems or shape_problems:
        raise RuntimeError(f"{name}: sources do not parse: {(problems + shape_problems)[:3]}")
    started = time.perf_counter()
    violations = validate(data, shapes, engine)
    shacl_s = time.perf_counter() - started
    if violations:
        raise RuntimeError(f"{name}: does not conform ({engine}): {violations[0].describe()}")
    return data, parse_s, shacl_s


def _ask_rdflib(graph, question: LegalBasesRequest) -> int:
    def select(query: str) -> list[dict[str, str]]:
        result = graph.query(query)
        names = [str(v) for v in result.vars]
        return [{n: str(row[n]) for n in names if row[n] is not None} for row in result]

    return question.ask(select)


def _coopgraph(figures: Figures, data_set: DataSet, plan: Plan, work_dir: Path) -> None:
    cache = Path(tempfile.mkdtemp(prefix="verdicts-", dir=work_dir))
    with servers.start_coopgraph(data_set.data_dir, cache, work_dir, plan.start_timeout_s) as cold:
        figures.cold_start_s = cold.started_in_s
        figures.cold_start_peak_mib = cold.peak_memory_mib()
    with servers.start_coopgraph(data_set.data_dir, cache, work_dir, plan.start_timeout_s) as warm:
        figures.warm_start_s = warm.started_in_s
        figures.service_cached = _ask_service(warm, data_set.questions, plan)
        figures.throughput = timing.concurrent(warm.url, LEGAL_BASES, data_set.questions, plan.clients,
                                               plan.load_seconds, plan.fast.request_timeout_s)
        figures.serving_peak_mib = warm.peak_memory_mib()
    # The engine comparison needs every request to run the queries: the same server, nothing remembered.
    with servers.start_coopgraph(data_set.data_dir, cache, work_dir, plan.start_timeout_s,
                                 servers.NO_ANSWER_CACHES) as uncached:
        figures.service = _ask_service(uncached, data_set.questions, plan)
        figures.first_question_legal_bases = figures.service.first_answer_rows
        figures.throughput_uncached = timing.concurrent(uncached.url, LEGAL_BASES, data_set.questions,
                                                        plan.clients, plan.load_seconds,
                                                        plan.fast.request_timeout_s)


def _ask_service(server: servers.RunningServer, questions: list[LegalBasesRequest], plan: Plan) -> Latencies:
    with HttpSession(server.url, plan.fast.request_timeout_s) as session:
        def ask(question: LegalBasesRequest) -> int:
            status, body = session.get(LEGAL_BASES, question.api_params())
            if status != 200:
                raise RuntimeError(f"HTTP {status}: {body[:200]!r}")
            return len(json.loads(body)["legal_bases"])

        return timing.sequential(ask, questions, plan.fast)


def _oxigraph(figures: Figures, files: list[Path], questions: list[LegalBasesRequest], plan: Plan,
              work_dir: Path) -> None:
    store = Path(tempfile.mkdtemp(prefix="oxigraph-", dir=work_dir))
    figures.oxigraph_load_s = servers.load_oxigraph(store, files, work_dir)
    with servers.start_oxigraph(store, work_dir, plan.start_timeout_s) as server:
        figures.oxigraph = _ask_sparql(server, "/query", questions, plan.fast)
        _note_rows(figures, "oxigraph", figures.oxigraph)
        figures.oxigraph_peak_mib = server.peak_memory_mib()


def _rdflib_endpoint(figures: Figures, files: list[Path], questions: list[LegalBasesRequest], plan: Plan,
                     work_dir: Path) -> None:
    try:
        server = servers.start_rdflib_endpoint(files, work_dir, plan.start_timeout_s)
    except servers.ServerFailed as error:
        figures.notes.append(f"rdflib-endpoint did not start: {str(error).splitlines()[0]}")
        return
    with server:
        figures.rdflib_endpoint_start_s = server.started_in_s
        figures.rdflib_endpoint = _ask_sparql(server, "/", questions, plan.slow)
        _note_rows(figures, "rdflib-endpoint", figures.rdflib_endpoint)
        figures.rdflib_endpoint_peak_mib = server.peak_memory_mib()


def _ask_sparql(server: servers.RunningServer, path: str, questions: list[LegalBasesRequest],
                budget: Budget) -> Latencies:
    """Latencies of the service's two legal-bases queries, sent as they are over the SPARQL 1.1 Protocol."""
    with HttpSession(server.url, budget.request_timeout_s) as session:
        def select(query: str) -> list[dict[str, str]]:
            status, body = session.post_query(path, query)
            if status != 200:
                raise RuntimeError(f"HTTP {status}: {body[:200]!r}")
            bindings = json.loads(body)["results"]["bindings"]
            return [{name: term["value"] for name, term in row.items()} for row in bindings]

        return timing.sequential(lambda question: question.ask(select), questions, budget)


def _note_rows(figures: Figures, engine: str, latencies: Latencies) -> None:
    if latencies.first_answer_rows is not None:
        figures.answer_rows[engine] = latencies.first_answer_rows
