"""The one settings object, read from the environment (prefix COOPGRAPH_)."""

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from coopgraph import resources


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="COOPGRAPH_", extra="ignore")

    base_iri: str = "https://w3id.org/coopgraph/"
    ontology_dir: Path = Field(default_factory=lambda: resources.source_dir("ontology"))
    shapes_dir: Path = Field(default_factory=lambda: resources.source_dir("shapes"))
    data_dir: Path = Field(default_factory=lambda: resources.source_dir("data"))
    # Remote backend: a SPARQL 1.1 query endpoint (and its Graph Store Protocol endpoint for `coopgraph load`);
    # unset means the embedded pyoxigraph store.
    sparql_endpoint: str | None = None
    graph_store_endpoint: str | None = None
    remote_user: str | None = None
    remote_password: str | None = None
    remote_graph: str = "https://w3id.org/coopgraph/graph/main"
    # How long the remote store's current-graph pointer is trusted before it is asked again: a new
    # `coopgraph load` (or an outage) is noticed within this time; remembered answers are served until then.
    remote_pointer_ttl_s: float = 5.0
    query_timeout_s: float = 10.0
    max_rows: int = 10_000
    # Answers of named queries kept per graph version (0 = none).
    query_cache_size: int = 4096
    # Rendered legal-bases answers kept per graph version, in MiB (0 = none).
    response_cache_mb: int = 64
    # The public /sparql endpoint: worker processes (0 = evaluate in the server process, with no time limit),
    # how long a request may wait for a free worker, and what a query may be.
    sparql_workers: int = 2
    queue_wait_s: float = 5.0
    max_query_length: int = 20_000
    max_query_depth: int = 40
    max_body_bytes: int = 100_000
    max_concurrent_per_client: int = 4
    cors_origins: list[str] = []
    # Enables POST /api/v1/admin/reload when set; the caller must send it as a bearer token.
    admin_token: str | None = None
    # SHACL engine: auto (pyshacl-turbo when installed, else pySHACL), turbo or pyshacl (the reference).
    shacl_engine: str = "auto"
    # Reuse the SHACL verdict for byte-identical sources (see loading.load_graph).
    validation_cache: bool = True
    cache_dir: Path = Field(default_factory=lambda: Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
                            / "coopgraph")


@lru_cache
def get_settings() -> Settings:
    return Settings()
