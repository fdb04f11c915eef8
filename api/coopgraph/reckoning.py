"""Entry into force reckoned from the treaty's own clause, for parties whose date no source read states.

A depositary chart often gives the day a state deposited its ratification but not the day the treaty began to
bind it; the treaty says how to get from one to the other (UNTOC art. 38(2): the thirtieth day after the
deposit). Without a date the participation counts as never in force, so `coopgraph reckon` writes the reckoned
dates to data/derived/entry-into-force.ttl, each marked `coop:entryIntoForceReckonedUnder` its rule. The same
reckoning is checked against every date a source does state (`disagreements`), which keeps the rules honest.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from coopgraph.loading import DERIVED_DIR, load_graph
from coopgraph.queries import QueryRunner
from coopgraph.settings import Settings
from coopgraph.store.embedded import EmbeddedStore

DERIVED_FILE = "entry-into-force.ttl"
_PERIOD = re.compile(r"^P(?:(\d+)M|(\d+)D)$")


class ReckoningError(ValueError):
    """The rules cannot be applied as written (e.g. two rules of one instrument cover the same consent)."""


@dataclass(frozen=True)
class Reckoned:
    participation: str
    consented: dt.date
    rule: str
    in_force: dt.date
    stated: dt.date | None  # the date a source states, when there is one


def entry_into_force(consented: dt.date, period: str, first_of_next_month: bool,
                     instrument_in_force: dt.date, day_after_period: bool = False) -> dt.date:
    """The day the instrument binds a party that consented on `consented`.

    `period` is P<n>M or P<n>D counted from the deposit ("the thirtieth day after the date of deposit" is P30D);
    with `first_of_next_month` the party is bound from the first day of the month after the period ends
    (Council of Europe: "the first day of the month following the expiration of a period of three months");
    with `day_after_period` from the day after it ends (the depositary's reading of ETS 73 art. 38(3), "three
    months after the date of the deposit": deposited 11 August 1988, in force 12 November 1988).
    Nobody is bound before the instrument itself is in force: a consent deposited before that binds from then.
    """
    match = _PERIOD.match(period)
    if match is None:
        raise ReckoningError(f"period {period!r}: expected P<n>M or P<n>D")
    months, days = match.groups()
    end = _add_months(consented, int(months)) if months else consented + dt.timedelta(days=int(days))
    if first_of_next_month:
        end = _add_months(end.replace(day=1), 1)
    elif day_after_period:
        end += dt.timedelta(days=1)
    return max(end, instrument_in_force)


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def reckon_all(settings: Settings) -> list[Reckoned]:
    """Every consent covered by a rule, reckoned; the graph read is the validated sources without data/derived/."""
    loaded = load_graph(settings, use_cache=False, derived=False)
    store = EmbeddedStore()
    store.replace(loaded)
    rows = QueryRunner(store, cache_size=0).run("reckoning/list-consents-under-rules")
    found: dict[str, Reckoned] = {}
    for row in rows:
        consented = dt.date.fromisoformat(row["consented"])
        reckoned = Reckoned(
            participation=row["participation"], consented=consented, rule=row["rule"],
            in_force=entry_into_force(consented, row["period"], bool(row.get("firstOfNextMonth")),
                                      dt.date.fromisoformat(row["instrumentInForce"]),
                                      day_after_period=bool(row.get("dayAfterPeriod"))),
            stated=dt.date.fromisoformat(row["stated"]) if "stated" in row else None)
        earlier = found.get(reckoned.participation)
        if earlier is not None and earlier.rule != reckoned.rule:
            raise ReckoningError(f"{reckoned.participation}: its consent is covered by two rules, "
                                 f"{earlier.rule} and {reckoned.rule}; a consent kind belongs to one rule")
        withdrawn = dt.date.fromisoformat(row["withdrawn"]) if "withdrawn" in row else None
        if reckoned.stated is None and withdrawn is not None and reckoned.in_force >= withdrawn:
            continue  # withdrawn before it would have bound: nothing to record
        found[reckoned.participation] = reckoned
    return sorted(found.values(), key=lambda r: r.participation)


def disagreements(reckonings: list[Reckoned]) -> list[Reckoned]:
    """Participations whose stated entry into force is not what their rule gives (a typo, or a special case)."""
    return [r for r in reckonings if r.stated is not None and r.stated != r.in_force]


def derived_path(settings: Settings) -> Path:
    return settings.data_dir / DERIVED_DIR / DERIVED_FILE


def render(reckonings: list[Reckoned]) -> str:
    """The derived file: one line per participation whose date no source states, in IRI order."""
    lines = [
        "# Generated by `coopgraph reckon`: do not edit. Entry into force reckoned under each instrument's own",
        "# clause (coop:entryIntoForceRule) from the consent date its depositary gives, for participations whose",
        "# sources state no entry-into-force date. A date read later in a source goes into data/parties/, and the",
        "# next `coopgraph reckon` drops the reckoned one.",
        "@prefix coop: <https://w3id.org/coopgraph/ontology#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "",
    ]
    for r in reckonings:
        if r.stated is None:
            lines.append(f'<{r.participation}> coop:entryIntoForceDate "{r.in_force.isoformat()}"^^xsd:date ;\n'
                         f"    coop:entryIntoForceReckonedUnder <{r.rule}> .")
    return "\n".join(lines) + "\n"
