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
from dekigoto.time.normalise import Context, Day, Resolved, add_months, normalise
from dekigoto.time.recognise import Candidate, recognise
from dekigoto.time.vocab import Vocabulary, vocabulary

if TYPE_CHECKING:
    from dekigoto.document import Document
    from dekigoto.options import Options

__all__ = ["ASSIGNS", "REQUIRES", "EventDate", "annotate", "date_for", "run", "timexes_of"]

REQUIRES: tuple[str, ...] = ("text", "blocks", "parse", "published")
ASSIGNS: tuple[str, ...] = ("dct", "published_inferred", "published_evidence", "timexes")

#: What joins the two ends of a range: 1月10日から2月8日, 3日～20日.
_RANGE = frozenset({"から", "より", "〜", "～", "~", "-", "－", "ー", "—"})
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
        if out:
            between = text[out[-1][0].end - offset : c.start - offset]
            r = _range_end(out[-1][0], out[-1][1], c, r, between)
            out[-1] = (out[-1][0], _glossed(out[-1][0], out[-1][1], c, r, between))
        out.append((c, r))
        if r.value is not None and r.kind in ("date", "time"):
            ctx.remember(r.day)
    return out


def _range_end(
    first: Candidate, start: Resolved, c: Candidate, r: Resolved, between: str
) -> Resolved:
    """ "1月10日から2月8日": the guessed end of a range does not come before its start."""
    if (
        between not in _RANGE
        or r.anchor != "dct"
        or start.day is None
        or r.day is None
        or "year" in c.parts
        or "rel_year" in c.parts
    ):
        return r
    a, b = start.day, r.day
    if (
        b.month is None
        or a.month is None
        or (b.year, b.month, b.day or 0)
        >= (
            a.year,
            a.month,
            a.day or 0,
        )
    ):
        return r
    if "month" in c.parts:
        moved = Day(b.year + 1, b.month, b.day)
    elif b.day is not None:
        y, m = add_months(b.year, b.month, 1)
        moved = Day(y, m, b.day)
    else:
        return r
    if (moved.year, moved.month, moved.day or 0) < (a.year, a.month, a.day or 0):
        return r
    return _with_day(r, moved)


def _glossed(word: Candidate, r: Resolved, gloss: Candidate, g: Resolved, between: str) -> Resolved:
    """ "今日(22日)": a relative day word glossed with a date in brackets takes that date."""
    if "rel_day" not in word.parts or between not in ("(", "（"):
        return r
    if g.day is None or g.day.day is None:
        return r
    return _with_day(r, g.day)


def _with_day(r: Resolved, day: Day) -> Resolved:
    old = r.day.iso() if r.day else ""
    value = day.iso() + (r.value[len(old) :] if r.value and old else "")
    return Resolved(value, r.kind, r.anchor, r.timezone, day)


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
