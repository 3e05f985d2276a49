"""Event stage: PLOVER events with actor, recipient, status, attribution, date and evidence.

Reads: text, blocks, parse, dct, timexes, mentions, actors, quotes. Writes:
events (the record stage links each quote to the events inside it).

Find first, then write: :func:`find_events` returns the events of a document;
:func:`run` stores them. Language knowledge lives in ``data/triggers.yaml``,
``data/cues.yaml`` and ``data/plover.yaml``.
"""

from __future__ import annotations

from dekigoto.document import Document
from dekigoto.events.builder import build_events
from dekigoto.events.entries import load_lexicon
from dekigoto.events.merge import merge_events
from dekigoto.events.render import score_and_quad, summary
from dekigoto.models import Event
from dekigoto.options import Options

REQUIRES: tuple[str, ...] = (
    "text",
    "blocks",
    "parse",
    "dct",
    "timexes",
    "mentions",
    "actors",
    "quotes",
)
ASSIGNS: tuple[str, ...] = ("events",)

__all__ = ["ASSIGNS", "REQUIRES", "find_events", "run"]


def find_events(doc: Document, options: Options) -> list[Event]:
    """The merged, rendered events of a document whose earlier layers are filled."""
    if doc.parse is None:
        return []
    lex = load_lexicon(tuple(options.lexicons))
    keys: dict[str, tuple[int, str]] = {}
    mentions = build_events(doc, doc.parse, lex, keys=keys)
    headline_end = doc.body_start if doc.title is not None else 0
    events = merge_events(mentions, headline_end=headline_end, key_of=lambda e: keys.get(e.id))
    out = []
    for ev in events:
        score, quad = score_and_quad(ev, lex)
        ev = ev.model_copy(update={"score": score, "quad": quad})
        out.append(ev.model_copy(update={"summary": summary(doc, ev)}))
    return out


def run(doc: Document, options: Options) -> None:
    """Fill ``doc.events``."""
    doc.events = find_events(doc, options)
