"""How figures are taken: one client asking in turn (latency), many clients at once (throughput), and an
in-process engine under a hard time cap. Every loop is bounded in count and in time."""

from __future__ import annotations

import itertools
import multiprocessing
import statistics
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from benchmarks.loopback_http import HttpSession
from benchmarks.questions import LegalBasesRequest


@dataclass
class Latencies:
    samples_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # A request still unanswered at the cap counts as taking the cap: the figures are then lower bounds.
    capped: int = 0
    stopped_early: bool = False  # the time budget ran out before the planned count
    first_answer_rows: int | None = None  # what `ask` returned for the first question: engines should agree

    @property
    def count(self) -> int:
        return len(self.samples_ms)

    def percentile(self, p: float) -> float | None:
        if not self.samples_ms:
            return None
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]

    @property
    def p50(self) -> float | None:
        return statistics.median(self.samples_ms) if self.samples_ms else None

    @property
    def p99(self) -> float | None:
        return self.percentile(99)

    @property
    def is_lower_bound(self) -> bool:
        return self.capped > 0


@dataclass(frozen=True)
class Budget:
    requests: int  # timed requests
    seconds: float  # stop asking when this is spent, whatever the count
    request_timeout_s: float
    warm_up: int = 0  # untimed requests first (connections, caches, parsed-query caches)


def sequential(ask: Callable[[LegalBasesRequest], int], questions: Sequence[LegalBasesRequest],
               budget: Budget) -> Latencies:
    """One client, one request at a time, cycling through the questions; stops at the first request that
    reaches the timeout (the engine would still be busy with it, so later figures would be wrong)."""
    result = Latencies()
    warm_up = Latencies()
    warm_up_ends = time.perf_counter() + budget.seconds / 4
    for question in itertools.islice(itertools.cycle(questions), budget.warm_up):
        if time.perf_counter() >= warm_up_ends:
            break
        _timed(ask, question, warm_up, budget.request_timeout_s, question is questions[0])
        if warm_up.capped:
            result.samples_ms, result.capped, result.stopped_early = warm_up.samples_ms[-1:], 1, True
            return result
    result.first_answer_rows = warm_up.first_answer_rows
    deadline = time.perf_counter() + budget.seconds
    for question in itertools.islice(itertools.cycle(questions), budget.requests):
        if time.perf_counter() >= deadline or result.capped:
            result.stopped_early = True
            break
        _timed(ask, question, result, budget.request_timeout_s, question is questions[0])
    return result


def _timed(ask, question, result: Latencies, timeout_s: float, is_first: bool) -> None:
    started = time.perf_counter()
    try:
        rows = ask(question)
    except TimeoutError:
        result.samples_ms.append(timeout_s * 1000)
        result.capped += 1
        return
    except Exception as error:  # noqa: BLE001 - a failing engine is a figure to report, not a crash
        result.errors.append(f"{type(error).__name__}: {error}"[:300])
        return
    result.samples_ms.append((time.perf_counter() - started) * 1000)
    if is_first and result.first_answer_rows is None:
        result.first_answer_rows = rows


def sequential_in_child(ask: Callable[[LegalBasesRequest], int], questions: Sequence[LegalBasesRequest],
                        budget: Budget) -> Latencies:
    """`sequential` in a forked child that is killed when the budget is spent: an in-process engine (rdflib)
    cannot be interrupted mid-query, and on a large graph one query may take minutes. The child shares the
    parent's loaded graph (fork), and sends each time as it completes."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        for question in itertools.islice(itertools.cycle(questions), budget.requests):
            started = time.perf_counter()
            try:
                rows = ask(question)
            except Exception as error:  # noqa: BLE001
                sender.send(("error", f"{type(error).__name__}: {error}"[:300]))
                continue
            sender.send(("ms", ((time.perf_counter() - started) * 1000, rows if question is questions[0] else None)))
        sender.send(("done", None))

    process = context.Process(target=child, daemon=True)
    process.start()
    sender.close()
    result = Latencies()
    deadline = time.perf_counter() + budget.seconds
    last = time.perf_counter()
    while True:
        remaining = deadline - time.perf_counter()
        if remaining <= 0 or not receiver.poll(min(remaining, 1.0)):
            if remaining <= 0:
                result.stopped_early = True
                pending_ms = (time.perf_counter() - last) * 1000
                if pending_ms > 1000 or not result.samples_ms:  # a query was under way: it took at least this
                    result.samples_ms.append(pending_ms)
                    result.capped += 1
                break
            if not process.is_alive() and not receiver.poll():
                result.errors.append(f"in-process engine died (exit code {process.exitcode})")
                break
            continue
        try:
            kind, value = receiver.recv()
        except EOFError:
            break
        last = time.perf_counter()
        if kind == "done":
            break
        if kind == "ms":
            milliseconds, rows = value
            result.samples_ms.append(milliseconds)
            if rows is not None and result.first_answer_rows is None:
                result.first_answer_rows = rows
        else:
            result.errors.append(value)
    process.kill()
    process.join()
    receiver.close()
    return result


@dataclass
class Throughput:
    clients: int
    seconds: float
    latencies: Latencies
    statuses: dict[int, int]

    @property
    def requests_per_s(self) -> float:
        return self.latencies.count / self.seconds if self.seconds else 0.0

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)


def concurrent(url: str, path: str, questions: Sequence[LegalBasesRequest], clients: int,
               seconds: float, request_timeout_s: float) -> Throughput:
    """`clients` threads, each with its own keep-alive connection, asking GET path?question for `seconds`;
    a request still in flight at the end is waited for (up to its timeout) and counted."""
    lock = threading.Lock()
    samples: list[float] = []
    statuses: dict[int, int] = {}
    errors: list[str] = []
    deadline = time.perf_counter() + seconds

    def client(offset: int) -> None:
        mine: list[float] = []
        seen: dict[int, int] = {}
        with HttpSession(url, timeout=request_timeout_s) as session:
            for question in itertools.islice(itertools.cycle(questions), offset, None):
                if time.perf_counter() >= deadline:
                    break
                started = time.perf_counter()
                try:
                    status, _ = session.get(path, question.api_params())
                except OSError as error:
                    with lock:
                        errors.append(f"{type(error).__name__}: {error}")
                    continue
                mine.append((time.perf_counter() - started) * 1000)
                seen[status] = seen.get(status, 0) + 1
        with lock:
            samples.extend(mine)
            for status, n in seen.items():
                statuses[status] = statuses.get(status, 0) + n

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + request_timeout_s + 5)
    elapsed = time.perf_counter() - started
    return Throughput(clients, elapsed, Latencies(samples_ms=samples, errors=errors), statuses)
