"""The time vocabulary (``data/time.yaml``), loaded once and indexed by kind."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from dekigoto.lexicon import load

Kind = Literal[
    "relative", "prefix", "part_of_day", "timezone", "era", "season", "coarse", "suffix",
    "span_word", "duration_unit", "vague", "clause_link", "content_noun", "frame_lead",
    "light_verb", "event_anchor", "occurrence_verb", "background_mark", "report_verb",
    "view_noun", "event_synonym",
]  # fmt: skip


class TimeWord(BaseModel):
    """One entry of ``time.yaml``."""

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: Kind
    words: list[str]
    unit: Literal["year", "month", "week", "day"] | None = None
    offset: int = 0
    anchor: Literal["dct", "previous"] = "dct"
    value: str | None = None
    pod: str | None = None
    start_year: int | None = None
    bound: bool = False
    not_after: str | None = None
    not_before: str | None = None
    example: str | None = None


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """The entries of ``time.yaml`` by kind, and word → entry maps."""

    entries: tuple[TimeWord, ...]

    def of(self, kind: str) -> list[TimeWord]:
        """Entries of one kind."""
        return [e for e in self.entries if e.kind == kind]

    def word_map(self, kind: str, *, bound: bool | None = None) -> dict[str, TimeWord]:
        """``word → entry`` for one kind (``bound``: only entries with that flag)."""
        out: dict[str, TimeWord] = {}
        for e in self.of(kind):
            if bound is not None and e.bound != bound:
                continue
            for w in e.words:
                out.setdefault(w, e)
        return out

    def alternation(self, kind: str, *, bound: bool | None = None) -> str:
        """A regex alternation of the words of one kind, longest first."""
        words = sorted(self.word_map(kind, bound=bound), key=lambda w: (-len(w), w))
        return "|".join(re.escape(w) for w in words) or "(?!)"


@functools.cache
def vocabulary(extra: tuple[Path, ...] = ()) -> Vocabulary:
    """The bundled time vocabulary merged with user lexicon files (``time`` section)."""
    return Vocabulary(tuple(load("time.yaml", TimeWord, extra, section="time")))
