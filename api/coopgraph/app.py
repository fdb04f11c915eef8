"""The FastAPI application factory."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from coopgraph import __version__
from coopgraph.errors import install_error_handlers
from coopgraph.routes import (
    actions,
    admin,
    authorities,
    health,
    instruments,
    legal_bases,
    linked_data,
    parties,
    sparql,
    statistics,
    web,
)
from coopgraph.service import GraphService
from coopgraph.settings import Settings, get_settings
from coopgraph.store import StoreUnavailable


def create_app(settings: Settings | None = None, service: GraphService | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if app.state.service.status.loaded_at is None:
            try:
                app.state.service.reload()  # a graph that does not validate stops start-up with its report
            except StoreUnavailable as error:  # a remote store that is down: serve 503s until it is back
                logging.getLogger("coopgraph").error("%s", error)
        yield
        app.state.service.close()

    app = FastAPI(
        title="Cooperation Graph",
        version=__version__,
        summary="Which legal instrument permits this procedural action between these parties, on this date?",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.service = service or GraphService(settings)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_credentials=False,
                           allow_methods=["GET", "POST"], allow_headers=["Accept", "Content-Type"],
                           expose_headers=["Coopgraph-Truncated", "Coopgraph-Row-Limit", "Retry-After"])
    install_error_handlers(app)
    for module in (health, sparql, actions, parties, legal_bases, authorities, instruments, statistics, linked_data,
                   admin, web):
        app.include_router(module.router)
    logging.getLogger("coopgraph").setLevel(logging.INFO)
    return app
