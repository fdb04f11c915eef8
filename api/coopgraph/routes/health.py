"""GET /health: is the graph loaded, how big is it."""

from fastapi import APIRouter, Request

from coopgraph import __version__

router = APIRouter(tags=["service"])


@router.get("/health", summary="Service status and the size of the loaded graph")
def health(request: Request) -> dict:
    status = request.app.state.service.status
    return {
        "status": "ok" if status.loaded_at else "loading",
        "version": __version__,
        "triples": status.triples,
        "files": status.files,
        "loaded_at": status.loaded_at,
        "last_reload_error": status.last_error or None,
    }
