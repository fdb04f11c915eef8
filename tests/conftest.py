"""Shared fixtures: the repository's settings, a loaded graph, and real services on loopback ports."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from coopgraph.service import GraphService
from coopgraph.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def pytest_configure(config):
    # One validation cache per test run, shared with the servers the tests start, never the user's.
    if "COOPGRAPH_CACHE_DIR" not in os.environ:
        os.environ["COOPGRAPH_CACHE_DIR"] = tempfile.mkdtemp(prefix="coopgraph-test-cache-")


@pytest.fixture(scope="session")
def settings() -> Settings:
    # In-process tests query the store directly; the public endpoint's worker processes are not needed.
    return Settings(sparql_workers=0)


BACKENDS = ["embedded", "remote"]


@dataclass
class OxigraphServer:
    """A real `oxigraph serve` on a free loopback port, holding the repository's graph (via `coopgraph load`)."""

    port: int
    location: Path
    process: subprocess.Popen | None = None

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    @property
    def store_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/store"

    def start(self) -> None:
        binary = Path(sys.executable).with_name("oxigraph")
        self.process = subprocess.Popen(
            [str(binary if binary.exists() else shutil.which("oxigraph")), "serve", "--location",
             str(self.location), "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(self.query_url, params={"query": "ASK {}"}, timeout=1)
                return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("oxigraph serve did not start")

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def environment(self) -> dict[str, str]:
        return {"COOPGRAPH_SPARQL_ENDPOINT": self.query_url, "COOPGRAPH_GRAPH_STORE_ENDPOINT": self.store_url}


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory) -> Iterator[OxigraphServer]:
    server = OxigraphServer(port=free_port(), location=tmp_path_factory.mktemp("oxigraph"))
    server.start()
    loaded = subprocess.run([sys.executable, "-m", "coopgraph.cli", "load", "--endpoint", server.query_url,
                             "--graph-store", server.store_url], capture_output=True, text=True, timeout=300)
    assert loaded.returncode == 0, loaded.stderr
    yield server
    server.stop()


@pytest.fixture(scope="session", params=BACKENDS)
def service(request, settings: Settings) -> GraphService:
    """The repository's graph, validated and loaded: in an embedded store, and in a real Oxigraph server."""
    if request.param == "remote":
        oxigraph = request.getfixturevalue("oxigraph")
        settings = Settings(sparql_endpoint=oxigraph.query_url, graph_store_endpoint=oxigraph.store_url)
    graph = GraphService(settings)
    graph.reload()
    return graph


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen
    log: Path

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30)


def start_server(tmp: Path, env: dict[str, str] | None = None) -> LiveServer:
    """`coopgraph serve` in a subprocess, as a user would run it; waits until /health answers."""
    port = free_port()
    log = tmp / f"server-{port}.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "coopgraph.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=log.open("w"), stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return LiveServer(url, process, log)
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"server did not start within 60 s:\n{log.read_text()}")


def stop_server(server: LiveServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="session", params=BACKENDS)
def live_server(request, tmp_path_factory) -> Iterator[LiveServer]:
    """`coopgraph serve` on the embedded store, and on a real Oxigraph server: the API suite runs on both."""
    env = request.getfixturevalue("oxigraph").environment() if request.param == "remote" else {}
    server = start_server(tmp_path_factory.mktemp("live"), env)
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def http(live_server: LiveServer) -> Iterator[httpx.Client]:
    with live_server.client() as client:
        yield client


@pytest.fixture(scope="session")
def reference_settings(tmp_path_factory) -> Settings:
    """The ontology and the reference data (states, organisations) without any instrument: a small base for
    tests that bring their own instruments."""
    data = tmp_path_factory.mktemp("reference-data")
    shutil.copytree(REPO / "data" / "reference", data / "reference")
    return Settings(data_dir=data)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ for tests that break it on purpose."""
    target = tmp_path / "data"
    shutil.copytree(REPO / "data", target)
    return target
