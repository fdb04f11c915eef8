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
    return Settings()


@pytest.fixture(scope="session")
def service(settings: Settings) -> GraphService:
    """The repository's graph, validated and loaded into an embedded store."""
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


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[LiveServer]:
    server = start_server(tmp_path_factory.mktemp("live"))
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
