"""GET /health: is the graph loaded, how big is it, and (remote backend) is the endpoint answering."""

from fastapi import APIRouter, Request

from coopgraph import __version__
from coopgraph.errors import ApiError
from coopgraph.store import StoreUnavailable

router = APIRouter(tags=["service"])


@router.get("/health", summary="Service status and the size of the loaded graph")
def health(request: Request) -> dict:
    service = request.app.state.service
    status = service.status
    answer = {
        "status": "ok" if status.loaded_at else "loading",
        "version": __version__,
        "backend": "remote" if service.remote else "embedded",
        "triples": status.triples,
        "files": status.files,
        "loaded_at": status.loaded_at,
        "last_reload_error": status.last_error or None,
    }
    if service.remote:
        try:
            answer["graph"] = service.store.current_graph
        except StoreUnavailable as error:
            raise ApiError(503, str(error), headers={"Retry-After": "5"}) from error
    return answer
