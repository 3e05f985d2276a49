"""Record stage: turn the finished Document into the output record (FORMAT.md superset)."""

from __future__ import annotations

from dekigoto import __version__
from dekigoto.document import Document
from dekigoto.models import Event, Extraction, Quote


def link_quotes(quotes: list[Quote], events: list[Event]) -> list[Quote]:
    """Copies of ``quotes`` listing the ids of the events stated inside each one."""
    return [
        q.model_copy(
            update={
                "events": [
                    ev.id
                    for ev in events
                    if any(q.start <= m.start and m.end <= q.end for m in ev.mentions)
                ]
            }
        )
        for q in quotes
    ]


def to_extraction(doc: Document) -> Extraction:
    """The :class:`Extraction` of a fully processed document."""
    published = doc.published or (doc.dct if doc.published_inferred else None)
    return Extraction(
        id=doc.id,
        published=published.isoformat() if published else None,
        published_inferred=doc.published_inferred and doc.published is None,
        published_evidence=doc.published_evidence if doc.published is None else None,
        text_used="title+text" if doc.title is not None else "text",
        title=doc.title,
        text=doc.text,
        blocks=doc.blocks,
        timexes=doc.timexes,
        actors=doc.actors,
        events=doc.events,
        quotes=link_quotes(doc.quotes, doc.events),
        version=__version__,
    )


def to_json(extraction: Extraction, *, full: bool = True) -> dict:
    """JSON-ready dict of an extraction; ``full=False`` drops the text and blocks."""
    data = extraction.model_dump(mode="json")
    if not full:
        data.pop("blocks", None)
    return data
