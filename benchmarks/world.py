"""A synthetic world graph: the real ontology and reference states, plus as many fictitious bilateral treaties
as it takes to reach a size (counted in triples, ontology and reference data included).

    python -m benchmarks.world --size 100k --out /tmp/world-100k

writes OUT/data/ (point COOPGRAPH_DATA_DIR at it: data/reference/ copied, data/synthetic/*.ttl generated) and
OUT/world.json (its size and the sample requests the benchmark asks). It conforms to shapes/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from pyoxigraph import RdfFormat, parse

from benchmarks.questions import BENCH_DATE, LegalBasesRequest
from benchmarks.treaties import Provision, Treaty, TreatyPlanner
from benchmarks.turtle_writer import TurtleWriter, boolean, date, integer, iri, string, text
from benchmarks.vocabulary import read_vocabulary

REPO = Path(__file__).resolve().parents[1]
BASE = "https://w3id.org/coopgraph/"
TREATIES_PER_FILE = 250
SAMPLE_REQUESTS = 24
HEADER = "Synthetic world for benchmarks (benchmarks/world.py): fictitious treaties, not legal facts."


@dataclass
class World:
    root: Path
    size: str
    triples: int
    treaties: int
    requests: list[LegalBasesRequest]

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def source_files(self, ontology_dir: Path = REPO / "ontology") -> list[Path]:
        """The files the service loads for this world, in the loader's order."""
        return sorted(ontology_dir.rglob("*.ttl")) + sorted(self.data_dir.rglob("*.ttl"))

    def save(self) -> None:
        manifest = {"size": self.size, "triples": self.triples, "treaties": self.treaties,
                    "requests": [asdict(r) for r in self.requests]}
        (self.root / "world.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def parse_size(size: str) -> int:
    """`100k` → 100000, `1m` → 1000000, `250000` → 250000."""
    size = size.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(size[-1:], 1)
    return int(float(size.rstrip("km")) * factor)


def generate_world(out: Path, size: str, seed: int = 11) -> World:
    target = parse_size(size)
    reference = REPO / "data" / "reference"
    vocabulary = read_vocabulary(REPO / "ontology", reference)
    if out.exists():
        shutil.rmtree(out)
    synthetic = out / "data" / "synthetic"
    synthetic.mkdir(parents=True)
    shutil.copytree(reference, out / "data" / "reference")
    triples = _count_triples(sorted((REPO / "ontology").rglob("*.ttl")) + sorted(reference.rglob("*.ttl")))
    planner = TreatyPlanner(vocabulary, seed)
    candidates: list[LegalBasesRequest] = []
    treaties, part = 0, 0
    while triples < target:
        part += 1
        with (synthetic / f"treaties-{part:04d}.ttl").open("w", encoding="utf-8") as out_file:
            writer = TurtleWriter(out_file, HEADER)
            for _ in range(TREATIES_PER_FILE):
                if triples + writer.triples >= target:
                    break
                treaty = planner.next_treaty()
                write_treaty(writer, treaty)
                treaties += 1
                candidates += _requests_answered_by(treaty)
            triples += writer.triples
    candidates = list(dict.fromkeys(candidates))  # two treaties between the same pair ask the same question
    requests = random.Random(seed).sample(candidates, min(SAMPLE_REQUESTS, len(candidates)))
    world = World(root=out, size=size, triples=triples, treaties=treaties, requests=requests)
    world.save()
    return world


def load_world(root: Path) -> World:
    manifest = json.loads((root / "world.json").read_text(encoding="utf-8"))
    return World(root=root, size=manifest["size"], triples=manifest["triples"], treaties=manifest["treaties"],
                 requests=[LegalBasesRequest(**r) for r in manifest["requests"]])


def _requests_answered_by(treaty: Treaty) -> list[LegalBasesRequest]:
    """Questions this treaty answers on the benchmark date: between its parties, in both directions."""
    if not treaty.in_force_on(dt.date.fromisoformat(BENCH_DATE)) or not treaty.permitted_actions():
        return []
    first, second = (p.state.code for p in treaty.parties)
    action = treaty.permitted_actions()[0]
    return [LegalBasesRequest(action, first, second), LegalBasesRequest(action, second, first)]


def _count_triples(paths: list[Path]) -> int:
    return sum(sum(1 for _ in parse(path=str(p), format=RdfFormat.TURTLE)) for p in paths)


def write_treaty(writer: TurtleWriter, treaty: Treaty) -> None:
    instrument = f"instrument:{treaty.id}"
    source = iri(f"https://example.org/synthetic/{treaty.id}")
    names = " and ".join(p.state.name for p in treaty.parties)
    facts = [("a", "coop:Instrument"), ("dcterms:identifier", string(treaty.id)),
             ("coop:instrumentKind", "kind:bilateral"),
             ("dcterms:title", text(f"Fictitious {treaty.kind.replace('-', ' ')} treaty between {names}")),
             ("dcterms:abstract", text("A generated treaty for benchmarks; it states nothing true.")),
             ("eli:date_document", date(treaty.signed)), ("eli:first_date_entry_in_force", date(treaty.in_force)),
             ("eli:id_local", string(f"SYN {treaty.serial}")), ("dcterms:source", source)]
    if treaty.ended:
        facts.append(("eli:date_no_longer_in_force", date(treaty.ended)))
    writer.subject(instrument, *facts)
    for party in treaty.parties:
        subject = iri(f"{BASE}instrument/{treaty.id}/party/{party.state.code}")
        facts = [("a", "coop:Participation"), ("coop:instrument", instrument),
                 ("coop:party", f"state:{party.state.code}"), ("coop:signatureDate", date(treaty.signed)),
                 ("coop:consentKind", "consent:ratification"), ("coop:consentDate", date(party.consented)),
                 ("coop:entryIntoForceDate", date(treaty.in_force)), ("dcterms:source", source)]
        if party.withdrawal_effective:
            facts += [("coop:withdrawalNotificationDate", date(party.withdrawal_notified)),
                      ("coop:withdrawalEffectiveDate", date(party.withdrawal_effective))]
        writer.subject(subject, *facts)
        if party.reservation:
            reservation = party.reservation
            writer.subject(
                iri(f"{BASE}instrument/{treaty.id}/party/{party.state.code}/reservation/1"),
                ("a", "coop:Reservation"), ("coop:madeBy", f"state:{party.state.code}"),
                ("coop:instrument", instrument),
                ("coop:concernsProvision", iri(f"{BASE}instrument/{treaty.id}/{reservation.provision.path}")),
                ("coop:effect", "effect:adds-condition"), ("coop:addsCondition", f"condition:{reservation.condition}"),
                ("coop:affectsAction", f"action:{reservation.action}"),
                ("coop:statementDate", date(party.consented)), ("coop:validFrom", date(treaty.in_force)),
                ("dcterms:abstract", text("A generated reservation: it adds a condition to one article.")),
                ("dcterms:source", source))
    for provision in treaty.provisions:
        _write_provision(writer, treaty, provision, instrument, source)


def _write_provision(writer: TurtleWriter, treaty: Treaty, provision: Provision, instrument: str, source: str) -> None:
    subject = f"{BASE}instrument/{treaty.id}/{provision.path}"
    parent = iri(f"{BASE}instrument/{treaty.id}/{provision.parent_path}") if provision.parent_path else instrument
    level = "level:article" if provision.is_article else "level:paragraph"
    label = f"Article {provision.citation}"
    facts = [("a", "coop:Provision"), ("coop:instrument", instrument), ("eli:is_part_of", parent),
             ("coop:level", level), ("eli:number", string(provision.number)),
             ("coop:citation", string(provision.citation)), ("coop:position", integer(provision.position)),
             ("rdfs:label", text(label)), ("rdfs:label", text(label.replace("Article", "Стаття"), "uk")),
             ("dcterms:source", source)]
    if provision.heading:
        facts.append(("dcterms:title", text(provision.heading)))
    writer.subject(iri(subject), *facts)
    for rule in provision.rules:
        rule_class = "GroundForRefusal" if rule.kind == "refusal" else rule.kind.capitalize()
        facts = [("a", f"coop:{rule_class}"), ("coop:provision", iri(subject)), ("coop:instrument", instrument),
                 ("dcterms:source", source)]
        if rule.kind == "refusal":
            facts += [("coop:refusalGround", f"ground:{rule.slug}"), ("coop:refusalMandatory", boolean(rule.mandatory))]
        else:
            facts += [("coop:action", f"action:{rule.slug}"), ("coop:requestingRole", "role:party"),
                      ("coop:executingRole", "role:party")]
            facts += [("coop:condition", f"condition:{c}") for c in rule.conditions]
            facts += [("coop:conditionNotRequired", f"condition:{c}") for c in rule.not_required]
            if rule.residual:
                facts.append(("coop:isResidual", "true"))
            if rule.slug == "expedited-preservation-of-stored-data":
                facts.append(("coop:minimumDuration", '"P60D"^^xsd:duration'))
        writer.subject(iri(f"{subject}/{rule.kind}/{rule.slug}"), *facts)


def main() -> None:
    parser = argparse.ArgumentParser(description="Generate a synthetic world graph for benchmarks.")
    parser.add_argument("--size", default="100k", help="triples, e.g. 100k or 1m")
    parser.add_argument("--out", type=Path, required=True, help="folder to (re)create")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    world = generate_world(args.out, args.size, args.seed)
    print(f"{world.triples} triples, {world.treaties} treaties in {world.data_dir}")


if __name__ == "__main__":
    main()
