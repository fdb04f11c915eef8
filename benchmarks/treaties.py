"""Plans of fictitious bilateral treaties: who signed what, when, and which article permits which action.

Only the choices live here (seeded, so a world is the same on every run); benchmarks/world.py writes them out.
The shape of a plan follows a real bilateral treaty of data/bilateral/: a scope article with a residual clause,
articles that permit (or oblige) one action each, some split into paragraphs, a refusal article, two
participations with ordered dates, now and then a withdrawal or a reservation.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from benchmarks.vocabulary import ActionType, State, Vocabulary

# Which branches of the action-type scheme each kind of treaty covers.
KIND_COVERS = {
    "mla": ("mutual-legal-assistance", "asset-recovery"),
    "extradition": ("surrender-and-extradition",),
    "legal-assistance": ("mutual-legal-assistance", "asset-recovery", "transfer-of-proceedings",
                         "surrender-and-extradition"),
}
RESIDUAL_ACTION = "mutual-legal-assistance"
PRESERVATION = "expedited-preservation-of-stored-data"
HUB_STATES = ("UKR", "POL", "USA", "DEU", "FRA", "GBR", "CAN", "LTU", "MDA", "CHN")


@dataclass
class Rule:
    kind: str  # permission | obligation | refusal
    slug: str  # the action's slug, or the refusal ground's
    conditions: list[str] = field(default_factory=list)
    not_required: list[str] = field(default_factory=list)
    residual: bool = False
    mandatory: bool = False


@dataclass
class Provision:
    path: str  # "art/3" or "art/3/para/2"
    number: str
    citation: str
    position: int
    heading: str | None = None
    rules: list[Rule] = field(default_factory=list)

    @property
    def is_article(self) -> bool:
        return "/para/" not in self.path

    @property
    def parent_path(self) -> str | None:
        return self.path.rsplit("/para/", 1)[0] if not self.is_article else None


@dataclass
class Reservation:
    provision: Provision
    action: str
    condition: str


@dataclass
class Participation:
    state: State
    consented: dt.date
    withdrawal_notified: dt.date | None = None
    withdrawal_effective: dt.date | None = None
    reservation: Reservation | None = None


@dataclass
class Treaty:
    id: str
    serial: int
    kind: str
    signed: dt.date
    in_force: dt.date
    ended: dt.date | None
    parties: list[Participation]
    provisions: list[Provision]

    def in_force_on(self, day: dt.date) -> bool:
        return self.in_force <= day and (self.ended is None or self.ended > day)

    def permitted_actions(self) -> list[str]:
        return [r.slug for p in self.provisions for r in p.rules if r.kind != "refusal" and not r.residual]


class TreatyPlanner:
    def __init__(self, vocabulary: Vocabulary, seed: int):
        self.vocabulary = vocabulary
        self.rng = random.Random(seed)
        self.serial = 0
        self.states_by_code = {s.code: s for s in vocabulary.states}
        self.hubs = [self.states_by_code[c] for c in HUB_STATES if c in self.states_by_code]
        # Narrow actions only: a treaty names "search and seizure", not the top concept "mutual legal assistance".
        self.actions = {kind: [a for a in vocabulary.actions_under(*tops) if a.slug not in KIND_COVERS[kind]]
                        for kind, tops in KIND_COVERS.items()}

    def next_treaty(self) -> Treaty:
        self.serial += 1
        rng = self.rng
        kind = rng.choice(list(KIND_COVERS))
        first, second = self._pair()
        signed = dt.date(rng.randint(1960, 2022), rng.randint(1, 12), rng.randint(1, 28))
        consents = [signed + dt.timedelta(days=rng.randint(30, 700)) for _ in range(2)]
        in_force = max(consents) + dt.timedelta(days=30)
        parties = [Participation(first, consents[0]), Participation(second, consents[1])]
        ended = None
        if rng.random() < 0.05:  # one party leaves: a bilateral treaty ends with it
            leaver = rng.choice(parties)
            leaver.withdrawal_notified = in_force + dt.timedelta(days=rng.randint(365, 20 * 365))
            leaver.withdrawal_effective = ended = leaver.withdrawal_notified + dt.timedelta(days=180)
        a2, b2 = sorted((first.alpha2.lower(), second.alpha2.lower()))
        treaty = Treaty(id=f"synthetic-{self.serial:05d}-{a2}-{b2}-{kind}", serial=self.serial, kind=kind,
                        signed=signed, in_force=in_force, ended=ended, parties=parties,
                        provisions=self._provisions(kind))
        for party in parties:
            if rng.random() < 0.1:
                party.reservation = self._reservation(treaty)
        return treaty

    def _pair(self) -> tuple[State, State]:
        states = self.vocabulary.states
        # Like the real world, a few states are party to many more treaties than the rest.
        first = self.rng.choice(self.hubs) if self.hubs and self.rng.random() < 0.3 else self.rng.choice(states)
        second = self.rng.choice(states)
        while second == first:
            second = self.rng.choice(states)
        return first, second

    def _provisions(self, kind: str) -> list[Provision]:
        rng = self.rng
        actions = self.actions[kind]
        count = rng.randint(6, 14)
        chosen = rng.sample(actions, min(len(actions), count))
        scope = Provision("art/1", "1", "1", 1, heading="Scope of application")
        if kind != "extradition":
            scope.rules.append(Rule("permission", RESIDUAL_ACTION, residual=True,
                                    not_required=["dual-criminality"] if rng.random() < 0.5 else []))
        scope.rules += [self._rule(a) for a in chosen[:2]]
        provisions = [scope]
        for number, action in enumerate(chosen[2:], start=2):
            article = Provision(f"art/{number}", str(number), str(number), number, heading=action.label.capitalize())
            provisions.append(article)
            if rng.random() < 0.3:  # paragraphs: the article's action and one more
                extra = rng.choice(actions)
                for para, para_action in enumerate({action.slug: action, extra.slug: extra}.values(), start=1):
                    provisions.append(Provision(f"{article.path}/para/{para}", str(para), f"{number}({para})", para,
                                                rules=[self._rule(para_action)]))
            else:
                article.rules.append(self._rule(action))
        number = 2 + len(chosen[2:])
        refusal = Provision(f"art/{number}", str(number), str(number), number, heading="Refusal of assistance")
        refusal.rules = [Rule("refusal", ground, mandatory=rng.random() < 0.4)
                         for ground in rng.sample(self.vocabulary.grounds, rng.randint(2, 4))]
        return provisions + [refusal]

    def _rule(self, action: ActionType) -> Rule:
        rng = self.rng
        conditions = rng.sample(self.vocabulary.conditions, rng.randint(0, 2))
        not_required = ["dual-criminality"] if "dual-criminality" not in conditions and rng.random() < 0.2 else []
        return Rule("obligation" if rng.random() < 0.1 else "permission", action.slug, conditions, not_required)

    def _reservation(self, treaty: Treaty) -> Reservation | None:
        ruled = [(p, r) for p in treaty.provisions for r in p.rules if r.kind != "refusal" and not r.residual]
        if not ruled:
            return None
        provision, rule = self.rng.choice(ruled)
        return Reservation(provision, rule.slug, self.rng.choice(self.vocabulary.conditions))
