"""The benchmark's output: Markdown tables of absolute figures, then each target with its ratio and verdict.

Targets live here and only here (never in timed unit tests): a figure is a ratio measured in one run on one
machine, and a verdict is PASS or FAIL as measured, or NOT MEASURED when the run did not cover it.
"""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from benchmarks.measure import Figures, Plan
from benchmarks.timing import Latencies

SERVICE_VS_OXIGRAPH_LIMIT = 2.0  # legal-bases p50 through the service, at most this × raw Oxigraph's
FASTER_THAN_RDFLIB_ENDPOINT = 50.0  # on the 1M world
LOAD_AND_VALIDATE_1M_S = 60.0
REAL_DATA_REQUESTS_PER_S = 500.0
REAL_DATA_P99_MS = 50.0
REAL_DATA = "real data"


@dataclass
class Verdict:
    target: str
    data_set: str
    measured: str
    ratio: str
    verdict: str


def render(figures: list[Figures], plan: Plan, command: str) -> str:
    return "\n".join([_header(plan, command), "", _figures_table(figures), "", _targets_table(figures), "",
                      *_notes(figures)]).rstrip() + "\n"


def _header(plan: Plan, command: str) -> str:
    packages = ", ".join(f"{name} {_version(name)}" for name in
                         ("pyoxigraph", "oxigraph", "rdflib", "pyshacl", "pyshacl-turbo", "rdflib-endpoint", "fastapi",
                          "uvicorn"))
    return (f"Reproduce: `{command}`\n\n"
            f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}; "
            f"{packages}. Latency: one client, keep-alive, {plan.fast.requests} requests (rdflib baselines: at most "
            f"{plan.slow.requests} requests / {plan.slow.seconds:.0f} s, {plan.slow.request_timeout_s:.0f} s per "
            f"request). Throughput: {plan.clients} clients × {plan.load_seconds:.0f} s on loopback, load generator "
            f"on the same 2 cores. ≥ marks a lower bound (a request hit the cap).")


def _figures_table(figures: list[Figures]) -> str:
    rows = [
        ("machine load average when it began (1/5/15 min)",
         lambda f: " / ".join(f"{x:.1f}" for x in f.load_average) if f.load_average else "—"),
        ("triples (files)", lambda f: f"{f.triples:,} ({f.files})"),
        ("parse, pyoxigraph: the service's path (s)", lambda f: _seconds(f.store_parse_s)),
        ("SHACL validation, pyshacl-turbo: the service's default (s)", lambda f: _seconds(f.turbo_shacl_s)),
        ("  pySHACL ÷ pyshacl-turbo, validation time", lambda f: f"{f.shacl_s / f.turbo_shacl_s:.1f}×"
         if f.shacl_s and f.turbo_shacl_s else "—"),
        ("parse, rdflib: for the reference engine (s)", lambda f: _seconds(f.parse_s)),
        ("SHACL validation, pySHACL: the reference engine (s)", lambda f: _seconds(f.shacl_s)),
        ("start-up, cold: parse + validate + load (s)", lambda f: _seconds(f.cold_start_s)),
        ("start-up, warm: verdict cached (s)", lambda f: _seconds(f.warm_start_s)),
        ("peak memory, cold start: server + workers (MiB)", lambda f: _mib(f.cold_start_peak_mib)),
        ("peak memory, warm start and serving (MiB)", lambda f: _mib(f.serving_peak_mib)),
        ("legal-bases p50 / p99, coopgraph service, answer caches off (ms)", lambda f: _latency(f.service)),
        ("legal-bases p50 / p99, coopgraph service, answers remembered (ms)",
         lambda f: _latency(f.service_cached)),
        ("same .rq p50 / p99, Oxigraph server (ms)", lambda f: _latency(f.oxigraph)),
        ("same .rq p50 / p99, rdflib in memory (ms)", lambda f: _latency(f.rdflib_memory)),
        ("same .rq p50 / p99, rdflib-endpoint (ms)", lambda f: _latency(f.rdflib_endpoint)),
        ("oxigraph load (s) / server peak memory (MiB)",
         lambda f: f"{_seconds(f.oxigraph_load_s)} / {_mib(f.oxigraph_peak_mib)}"),
        ("rdflib-endpoint start-up (s) / peak memory (MiB)",
         lambda f: f"{_seconds(f.rdflib_endpoint_start_s)} / {_mib(f.rdflib_endpoint_peak_mib)}"),
        ("throughput, service, answers remembered (requests/s)",
         lambda f: f"{f.throughput.requests_per_s:.0f}" if f.throughput else "—"),
        ("  under load p50 / p99 (ms)", lambda f: _latency(f.throughput.latencies) if f.throughput else "—"),
        ("  under load 5xx / client errors", lambda f: (f"{f.throughput.server_errors} / "
                                                        f"{len(f.throughput.latencies.errors)}")
         if f.throughput else "—"),
        ("throughput, service, answer caches off (requests/s)",
         lambda f: f"{f.throughput_uncached.requests_per_s:.0f}" if f.throughput_uncached else "—"),
        ("  under load p50 / p99 (ms)",
         lambda f: _latency(f.throughput_uncached.latencies) if f.throughput_uncached else "—"),
        ("first question: legal bases / rows (ox, rdflib, endpoint)", _first_answer),
    ]
    head = "| figure | " + " | ".join(f.name for f in figures) + " |"
    rule = "|---|" + "---:|" * len(figures)
    body = [f"| {label} | " + " | ".join(cell(f) for f in figures) + " |" for label, cell in rows]
    return "\n".join([head, rule, *body])


def _targets_table(figures: list[Figures]) -> str:
    verdicts = targets(figures)
    head = "| target | data set | measured | measured ÷ target | verdict |\n|---|---|---|---:|---|"
    return head + "\n" + "\n".join(f"| {v.target} | {v.data_set} | {v.measured} | {v.ratio} | {v.verdict} |"
                                   for v in verdicts)


def targets(figures: list[Figures]) -> list[Verdict]:
    by_name = {f.name: f for f in figures}
    verdicts = []
    for f in figures:
        service, oxigraph = _p50(f.service), _p50(f.oxigraph)
        if service is not None and oxigraph is not None:
            ratio = service / oxigraph
            verdicts.append(Verdict("legal-bases p50 via service ≤ 2× raw Oxigraph", f.name,
                                    f"{_ms(service)} vs {_ms(oxigraph)} ms", f"{ratio / SERVICE_VS_OXIGRAPH_LIMIT:.2f}",
                                    _pass(ratio <= SERVICE_VS_OXIGRAPH_LIMIT)))
    one_million = by_name.get("1m")
    speedup = _speedup(one_million) if one_million else None
    if speedup is None:
        verdicts.append(Verdict("≥ 50× faster than rdflib-endpoint", "1m", "—", "—", "NOT MEASURED"))
    else:
        factor, bound = speedup
        verdicts.append(Verdict("≥ 50× faster than rdflib-endpoint", "1m", f"{bound}{factor:.0f}×",
                                f"{bound}{factor / FASTER_THAN_RDFLIB_ENDPOINT:.2f}",
                                _pass(factor >= FASTER_THAN_RDFLIB_ENDPOINT)))
    if one_million and one_million.cold_start_s is not None:
        seconds = one_million.cold_start_s
        verdicts.append(Verdict("1M world loads and validates < 60 s", "1m", f"{seconds:.0f} s",
                                f"{seconds / LOAD_AND_VALIDATE_1M_S:.2f}", _pass(seconds < LOAD_AND_VALIDATE_1M_S)))
    else:
        verdicts.append(Verdict("1M world loads and validates < 60 s", "1m", "—", "—", "NOT MEASURED"))
    real = by_name.get(REAL_DATA)
    if real and real.throughput and real.throughput.latencies.count:
        rate, p99 = real.throughput.requests_per_s, real.throughput.latencies.p99
        ok = rate >= REAL_DATA_REQUESTS_PER_S and p99 < REAL_DATA_P99_MS and real.throughput.server_errors == 0
        verdicts.append(Verdict("≥ 500 requests/s, p99 < 50 ms, 2 cores", REAL_DATA,
                                f"{rate:.0f} req/s, p99 {_ms(p99)} ms",
                                f"{rate / REAL_DATA_REQUESTS_PER_S:.2f} (rate), {p99 / REAL_DATA_P99_MS:.2f} (p99)",
                                _pass(ok)))
    else:
        verdicts.append(Verdict("≥ 500 requests/s, p99 < 50 ms, 2 cores", REAL_DATA, "—", "—", "NOT MEASURED"))
    return verdicts


def _speedup(f: Figures) -> tuple[float, str] | None:
    service, endpoint = _p50(f.service), _p50(f.rdflib_endpoint)
    if service is None or endpoint is None:
        return None
    return endpoint / service, "≥ " if f.rdflib_endpoint.is_lower_bound else ""


def _notes(figures: list[Figures]) -> list[str]:
    lines = []
    for f in figures:
        for engine, latencies in (("service", f.service), ("Oxigraph", f.oxigraph),
                                  ("rdflib in memory", f.rdflib_memory), ("rdflib-endpoint", f.rdflib_endpoint)):
            if latencies is None:
                continue
            if latencies.stopped_early:
                lines.append(f"- {f.name}, {engine}: stopped by its time cap after {latencies.count} request(s)"
                             + (f", {latencies.capped} unanswered at the cap" if latencies.capped else ""))
            if latencies.errors:
                lines.append(f"- {f.name}, {engine}: {len(latencies.errors)} error(s), first: {latencies.errors[0]}")
        lines += [f"- {f.name}: {note}" for note in f.notes]
    return lines


def _first_answer(f: Figures) -> str:
    rows = ", ".join(str(f.answer_rows.get(engine, "—")) for engine in ("oxigraph", "rdflib", "rdflib-endpoint"))
    return f"{f.first_question_legal_bases if f.first_question_legal_bases is not None else '—'} / {rows}"


def _p50(latencies: Latencies | None) -> float | None:
    return latencies.p50 if latencies is not None and latencies.count else None


def _latency(latencies: Latencies | None) -> str:
    if latencies is None or not latencies.count:
        return "—"
    bound = "≥ " if latencies.is_lower_bound else ""
    return f"{bound}{_ms(latencies.p50)} / {bound}{_ms(latencies.p99)} (n={latencies.count})"


def _ms(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _mib(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def _pass(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "absent"
