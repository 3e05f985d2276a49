"""Time stage: recognise and normalise time expressions, infer the article date, date events.

Reads: text, blocks, parse, published. Writes: dct, published_inferred,
published_evidence, timexes. ``date_for`` is the API the event stage uses.
"""

from __future__ import annotations

from dataclasses import dataclass

REQUIRES: tuple[str, ...] = ("text", "blocks", "parse", "published")
ASSIGNS: tuple[str, ...] = ("dct", "published_inferred", "published_evidence", "timexes")


@dataclass(frozen=True)
class EventDate:
    """The date of an event and the time expression that gave it."""

    value: str  # YYYY, YYYY-MM or YYYY-MM-DD
    timex_id: str | None
    rule: str  # clause, sentence, context…


def run(doc, options) -> None:  # noqa: ANN001
    """Placeholder until the stage lands."""


def date_for(doc, start: int, end: int, head: int | None = None) -> EventDate | None:  # noqa: ANN001
    """The date of the event stated by ``doc.text[start:end]`` whose predicate is token ``head``."""
    return None
