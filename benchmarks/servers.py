"""The servers under test, each started as its user would start it, on a free loopback port, and stopped after.

`coopgraph serve` (embedded store), `oxigraph serve` on a store built with `oxigraph load`, and
`rdflib-endpoint serve`. Each reports how long it took to answer its first request and its peak memory.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from benchmarks.loopback_http import HttpSession

BIN = Path(sys.executable).parent
HOST = "127.0.0.1"


class ServerFailed(RuntimeError):
    pass


class MemoryWatch:
    """Samples the resident memory of a process and all its children (a server may keep worker processes,
    each with its own copy of the graph) and keeps the highest total seen."""

    def __init__(self, pid: int, interval_s: float = 0.2):
        self.peak_bytes = 0
        self._process = psutil.Process(pid)
        self._interval_s = interval_s
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stopped.is_set():
            try:
                tree = [self._process, *self._process.children(recursive=True)]
                total = 0
                for member in tree:
                    try:
                        total += member.memory_info().rss
                    except psutil.Error:
                        pass  # a worker that just exited
                self.peak_bytes = max(self.peak_bytes, total)
            except psutil.Error:
                return  # the server itself is gone
            self._stopped.wait(self._interval_s)

    @property
    def peak_mib(self) -> float:
        return self.peak_bytes / 2**20

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=5)


@dataclass
class RunningServer:
    name: str
    url: str
    process: subprocess.Popen
    log: Path
    started_in_s: float  # from launch to the first good answer
    memory: MemoryWatch

    def peak_memory_mib(self) -> float:
        """Highest resident memory of the server and its child processes together, since launch."""
        return self.memory.peak_mib

    def stop(self) -> None:
        self.memory.stop()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(name: str, command: list[str], ready_path: str, port: int, log_dir: Path,
                 timeout_s: float, env: dict[str, str] | None = None) -> RunningServer:
    """Launch, then poll `ready_path` until it answers 200; the wait is the start-up time."""
    log = log_dir / f"{name}-{port}.log"
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=log.open("w"), stderr=subprocess.STDOUT,
                               env={**os.environ, **(env or {})})
    memory = MemoryWatch(process.pid)
    url = f"http://{HOST}:{port}"
    deadline = started + timeout_s
    try:
        with HttpSession(url, timeout=5) as session:
            while time.perf_counter() < deadline:
                if process.poll() is not None:
                    raise ServerFailed(f"{name} exited with {process.returncode}:\n{_tail(log)}")
                try:
                    status, _ = session.get(ready_path)
                    if status == 200:
                        return RunningServer(name, url, process, log, time.perf_counter() - started, memory)
                except OSError:
                    pass
                time.sleep(0.05)
        raise ServerFailed(f"{name} did not answer within {timeout_s:.0f} s:\n{_tail(log)}")
    except BaseException:  # never leave a server behind, whatever stopped the wait
        memory.stop()
        process.kill()
        process.wait()
        raise


# What the service remembers between requests: named-query rows and rendered answers.
NO_ANSWER_CACHES = {"COOPGRAPH_QUERY_CACHE_SIZE": "0", "COOPGRAPH_RESPONSE_CACHE_MB": "0"}


def start_coopgraph(data_dir: Path, cache_dir: Path, log_dir: Path, timeout_s: float,
                    extra_env: dict[str, str] | None = None) -> RunningServer:
    """`coopgraph serve` on the embedded store; an empty cache_dir means a cold start (parse + SHACL + load)."""
    port = free_port()
    command = [sys.executable, "-m", "coopgraph.cli", "serve", "--host", HOST, "--port", str(port)]
    env = {"COOPGRAPH_DATA_DIR": str(data_dir), "COOPGRAPH_CACHE_DIR": str(cache_dir), **(extra_env or {})}
    return start_server("coopgraph", command, "/health", port, log_dir, timeout_s, env)


def load_oxigraph(store_dir: Path, files: list[Path], log_dir: Path) -> float:
    """`oxigraph load` every file into an on-disk store; returns the seconds it took."""
    started = time.perf_counter()
    with (log_dir / "oxigraph-load.log").open("w") as log:
        subprocess.run([str(BIN / "oxigraph"), "load", "--location", str(store_dir), "--file", *map(str, files)],
                       stdout=log, stderr=subprocess.STDOUT, check=True)
    return time.perf_counter() - started


def start_oxigraph(store_dir: Path, log_dir: Path, timeout_s: float) -> RunningServer:
    port = free_port()
    command = [str(BIN / "oxigraph"), "serve", "--location", str(store_dir), "--bind", f"{HOST}:{port}"]
    return start_server("oxigraph", command, "/query?query=ASK%7B%7D", port, log_dir, timeout_s)


def start_rdflib_endpoint(files: list[Path], log_dir: Path, timeout_s: float) -> RunningServer:
    """rdflib-endpoint parses every file into an rdflib Dataset before it listens: its start-up is its load."""
    port = free_port()
    command = [str(BIN / "rdflib-endpoint"), "serve", "--host", HOST, "--port", str(port), *map(str, files)]
    return start_server("rdflib-endpoint", command, "/?query=ASK%7B%7D", port, log_dir, timeout_s)


def _tail(log: Path, lines: int = 30) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""
