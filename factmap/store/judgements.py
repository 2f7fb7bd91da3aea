"""Human judgements on names, kept the way nomenklatura (OpenSanctions) keeps them.

A judgement says two resolution keys name the same actor (positive), different actors
(negative), or that a reviewer could not tell (unsure), with who decided and when. They
live in the store's ``judgements`` table, written and read by nomenklatura's
``Resolver``: append-only rows (a changed decision supersedes the older row), positive
decisions transitive (connected keys share a canonical ``NK-`` id), and any negative
decision between two clusters blocks them: A≠B and B=C imply A≠C, so that pair is
never asked again. Every resolution run replays them.
"""

from __future__ import annotations

from dataclasses import dataclass

from nomenklatura.db import Session
from nomenklatura.judgement import Judgement
from nomenklatura.resolver import Resolver
from sqlalchemy import Engine

__all__ = ["Decision", "Judgement", "JudgementLog"]

TABLE = "judgements"


@dataclass(frozen=True, slots=True)
class Decision:
    a: str
    b: str
    judgement: str
    user: str
    created_at: str


class JudgementLog:
    """The judgements table of one store (open, use, ``close()``)."""

    def __init__(self, engine: Engine) -> None:
        self._session = Session(engine)
        self.resolver: Resolver = Resolver(self._session, create=True, table_name=TABLE)
        self._session.commit()
        self.resolver.load_into_memory()

    def decide(self, a: str, b: str, judgement: Judgement, user: str) -> None:
        self.resolver.decide(a, b, judgement, user=user)
        self._session.commit()

    def judgement(self, a: str, b: str) -> Judgement:
        """The standing decision between two keys, with transitive reasoning."""
        return self.resolver.get_judgement(a, b)

    def undecided(self, a: str, b: str) -> bool:
        return self.resolver.check_candidate(a, b)

    def decisions(self) -> list[Decision]:
        """Every standing decision (positive, negative, unsure), newest first."""
        return [
            Decision(e.source.id, e.target.id, e.judgement.value, e.user or "", e.created_at or "")
            for e in self.resolver.get_judgements()
        ]

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> JudgementLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
