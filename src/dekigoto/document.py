"""The working state of one article as it flows through the stages.

Each stage reads the layers that earlier stages left (its ``REQUIRES``) and
fills its own (its ``ASSIGNS``); ``tests/test_pipeline.py`` checks that no
stage reads a layer made later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dekigoto.models import Actor, Block, Event, Mention, Quote, Timex
from dekigoto.nlp import Parse


@dataclass
class Document:
    """One article in the pipeline.

    ``text`` is the extraction text (``title + "\\n" + body`` when a title is
    given); every offset points into it.
    """

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None  # given by the caller
    # structure
    blocks: list[Block] = field(default_factory=list)
    # nlp
    parse: Parse | None = None
    # time
    dct: dt.date | None = None  # the document creation time used for resolution
    published_inferred: bool = False
    published_evidence: str | None = None
    timexes: list[Timex] = field(default_factory=list)
    # actors
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    # quotes
    quotes: list[Quote] = field(default_factory=list)
    # events
    events: list[Event] = field(default_factory=list)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Actor mentions that lie inside ``[start, end)``, in text order."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def actor_by_id(self, actor_id: str | None) -> Actor | None:
        """The actor with id ``actor_id``, if any."""
        return next((a for a in self.actors if a.id == actor_id), None)

    @property
    def body_start(self) -> int:
        """Offset where the body starts (after the headline line, if any)."""
        return len(self.title) + 1 if self.title is not None else 0
