"""Run the stages in order, as in DESIGN.md's diagram.

    ingest ─► structure ─► nlp ─► time ─► actors ─► quotes ─► events ─► record

Quotes run before events (DESIGN.md lists them after): an event asserted inside
someone's words is claimed by that speaker, so the event stage reads the quote
layer instead of a later stage reaching back into events.
"""

from __future__ import annotations

import datetime as dt
from types import ModuleType

from dekigoto import actors, events, quotes, record, structure
from dekigoto import time as time_stage
from dekigoto.document import Document
from dekigoto.models import Extraction
from dekigoto.nlp import parse_blocks
from dekigoto.options import DEFAULT_OPTIONS, Options


class _NlpStage:
    """The nlp stage: GiNZA over every block except the cited sources."""

    REQUIRES = ("text", "blocks")
    ASSIGNS = ("parse",)

    @staticmethod
    def run(doc: Document, options: Options) -> None:
        doc.parse = parse_blocks(doc.text, doc.blocks)


#: The stages in order. Each has REQUIRES, ASSIGNS and run(doc, options).
STAGES: tuple[ModuleType | type, ...] = (
    structure,
    _NlpStage,
    time_stage,
    actors,
    quotes,
    events,
)


def run_document(doc: Document, options: Options = DEFAULT_OPTIONS) -> Document:
    """Run every stage over ``doc`` and return it."""
    for stage in STAGES:
        stage.run(doc, options)
    return doc


def extract(
    text: str,
    title: str | None = None,
    published: str | dt.date | None = None,
    *,
    id: str = "article",
    options: Options = DEFAULT_OPTIONS,
) -> Extraction:
    """Extract events, time expressions, actors and quotes from one Japanese article.

    ``published`` (``YYYY-MM-DD`` or a date) is the article date; without it the
    date is inferred from the text when it can be. Returns an :class:`Extraction`.
    """
    from dekigoto.ingest import parse_published

    day = parse_published(published) if isinstance(published, str) else published
    full = text if title is None else f"{title}\n{text}"
    doc = Document(id=id, text=full, title=title, published=day)
    run_document(doc, options)
    return record.to_extraction(doc)
