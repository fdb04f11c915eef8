"""One JSON shape for every error: {"error": {"status", "title", "message", "parameter"?, "problems"?}}."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from coopgraph.queries import InvalidParameter
from coopgraph.store import QueryFailed, QueryRefused, StoreUnavailable
from coopgraph.store.formats import NotAcceptable

log = logging.getLogger(__name__)

TITLES = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
          406: "Not Acceptable", 413: "Payload Too Large", 415: "Unsupported Media Type",
          422: "Unprocessable Content", 429: "Too Many Requests", 500: "Internal Server Error",
          503: "Service Unavailable"}


class ApiError(Exception):
    def __init__(self, status: int, message: str, parameter: str | None = None, headers: dict | None = None,
                 **extra):
        self.status, self.message, self.parameter, self.extra = status, message, parameter, extra
        self.headers = headers
        super().__init__(message)


def error_response(status: int, message: str, parameter: str | None = None, headers=None, **extra) -> JSONResponse:
    body = {"status": status, "title": TITLES.get(status, "Error"), "message": message}
    if parameter:
        body["parameter"] = parameter
    body.update(extra)
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, error: ApiError):
        return error_response(error.status, error.message, error.parameter, headers=error.headers, **error.extra)

    @app.exception_handler(InvalidParameter)
    async def invalid_parameter(_: Request, error: InvalidParameter):
        return error_response(422, str(error), error.name)

    @app.exception_handler(QueryFailed)
    async def query_failed(_: Request, error: QueryFailed):
        return error_response(400, f"the query cannot be run: {error}", "query")

    @app.exception_handler(QueryRefused)
    async def query_refused(_: Request, error: QueryRefused):
        return error_response(403, str(error), "query")

    @app.exception_handler(NotAcceptable)
    async def not_acceptable(_: Request, error: NotAcceptable):
        return error_response(406, str(error), "Accept")

    @app.exception_handler(StoreUnavailable)
    async def unavailable(_: Request, error: StoreUnavailable):
        return error_response(503, str(error), headers={"Retry-After": "5"})

    @app.exception_handler(RequestValidationError)
    async def request_invalid(_: Request, error: RequestValidationError):
        first = error.errors()[0] if error.errors() else {}
        location = [str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body")]
        name = ".".join(location) or None
        return error_response(422, f"parameter '{name}': {first.get('msg', 'invalid')}", name)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, error: StarletteHTTPException):
        return error_response(error.status_code, str(error.detail), headers=getattr(error, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(_: Request, error: Exception):
        log.exception("unexpected error")
        return error_response(500, "internal error; the incident was logged")
