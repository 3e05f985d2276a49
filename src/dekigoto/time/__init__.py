"""Time stage: recognise and normalise time expressions, infer the article date, date events.

Reads: text, blocks, parse, published. Writes: dct, published_inferred,
published_evidence, timexes. ``date_for`` is the API the event stage uses.

Modules: :mod:`.vocab` (``data/time.yaml``), :mod:`.numerals`, :mod:`.recognise`
(patterns → candidates), :mod:`.normalise` (values), :mod:`.dct` (article
date inference), :mod:`.anchor` (event dating).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from dekigoto.models import Timex
from dekigoto.time.anchor import EventDate, date_for
from dekigoto.time.dct import infer
from dekigoto.time.normalise import Context, Resolved, normalise
from dekigoto.time.recognise import Candidate, recognise
from dekigoto.time.vocab import Vocabulary, vocabulary

if TYPE_CHECKING:
    from dekigoto.document import Document
    from dekigoto.options import Options

__all__ = ["ASSIGNS", "REQUIRES", "EventDate", "annotate", "date_for", "run", "timexes_of"]

REQUIRES: tuple[str, ...] = ("text", "blocks", "parse", "published")
ASSIGNS: tuple[str, ...] = ("dct", "published_inferred", "published_evidence", "timexes")

#: "(UTC+7)", "(現地時間UTC+1。以下同様)", "(UTC±0)" right after an expression.
_UTC = re.compile(r"^[（(](?:現地時間)?\s*((?:UTC|GMT)\s*(?:[+\-−±]\s*\d{1,2}(?::\d\d)?)?)")


def annotate(
    text: str,
    dct: dt.date | None,
    *,
    ctx: Context | None = None,
    offset: int = 0,
    vocab: Vocabulary | None = None,
) -> list[tuple[Candidate, Resolved]]:
    """Recognise and normalise the time expressions of ``text`` against the article date ``dct``.

    ``ctx`` carries the last dates mentioned from one block to the next; spans
    are shifted by ``offset``.
    """
    ctx = ctx if ctx is not None else Context(dct)
    out: list[tuple[Candidate, Resolved]] = []
    for c in recognise(text, offset=offset, vocab=vocab):
        r = normalise(c, ctx, text[c.end - offset :])
        out.append((c, r))
        if r.value is not None and r.kind in ("date", "time"):
            ctx.remember(r.day)
    return out


def timexes_of(doc: Document, options: Options | None = None) -> list[Timex]:
    """The normalised time expressions of ``doc`` (body and headline, not cited sources)."""
    vocab = vocabulary(options.lexicons if options else ())
    ctx = Context(doc.dct)
    out: list[Timex] = []
    for block in doc.blocks:
        if block.kind == "citations":
            continue
        block_text = doc.text[block.start : block.end]
        for c, r in annotate(block_text, doc.dct, ctx=ctx, offset=block.start, vocab=vocab):
            after = doc.text[c.end : block.end]
            timezone = r.timezone
            utc = _UTC.match(after)
            if utc:
                timezone = re.sub(r"\s+", "", utc.group(1)).replace("−", "-")
            out.append(
                Timex(
                    id=f"t{len(out) + 1}",
                    text=c.text,
                    start=c.start,
                    end=c.end,
                    value=r.value,
                    kind=r.kind,  # type: ignore[arg-type]
                    anchor=r.anchor,
                    timezone=timezone,
                    rule=c.rule,
                )
            )
    return out


def run(doc: Document, options: Options) -> None:
    """Fill ``doc.dct`` (given or inferred) and ``doc.timexes``."""
    if doc.published is not None:
        doc.dct = doc.published
        doc.published_inferred = False
        doc.published_evidence = None
    elif options.infer_published:
        found = infer(doc.text, doc.blocks)
        doc.dct = found.date
        doc.published_inferred = found.date is not None
        doc.published_evidence = found.evidence if found.date else None
    doc.timexes = timexes_of(doc, options)
