"""CSV for the tabular endpoints, chosen by the Accept header (JSON stays the default)."""

from __future__ import annotations

import csv
import io

from fastapi import Request, Response

from coopgraph.store.formats import accepted_types


def preferred(request: Request, offered: tuple[str, ...] = ("application/json", "text/csv")) -> str | None:
    """The first offered media type the client accepts, in the client's order; None when it accepts none."""
    for media_type in accepted_types(request.headers.get("accept", "")):
        if media_type in offered or media_type == "*/*":
            return media_type
    return None


def csv_response(rows: list[dict], columns: list[str]) -> Response:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: " ".join(v) if isinstance(v, list) else ("" if v is None else v) for k, v in row.items()})
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8")
