"""POST /api/v1/admin/reload: validate the sources again and swap them in, or keep the old graph serving."""

import hmac

from fastapi import APIRouter, Header, Request

from coopgraph.errors import ApiError
from coopgraph.loading import LoadError

router = APIRouter(prefix="/api/v1/admin", tags=["admin"])


@router.post("/reload", summary="Reload ontology and data; a graph that fails validation is refused")
def reload(request: Request, authorization: str | None = Header(default=None)) -> dict:
    token = request.app.state.settings.admin_token
    if not token:
        raise ApiError(404, "reloading over HTTP is disabled; set COOPGRAPH_ADMIN_TOKEN to enable it")
    if not authorization or not hmac.compare_digest(authorization, f"Bearer {token}"):
        raise ApiError(401, "send the admin token as 'Authorization: Bearer <token>'")
    try:
        status = request.app.state.service.reload()
    except LoadError as error:
        raise ApiError(422, "the new graph does not validate; the previous graph is still serving",
                       problems=[p.as_dict() for p in error.problems]) from error
    return {"status": "reloaded", "triples": status.triples, "files": status.files}
