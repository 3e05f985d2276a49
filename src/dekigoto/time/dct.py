"""Infer the article date (DCT) when the caller gives none.

Clues, strongest first:

1. the trailing list of cited sources: the latest date among them (a report
   is written on or just after the day of its newest source);
2. a dateline: a full date (年月日) at the very start of the body;
3. reasoning over the body: "12日付けの…" gives the day; "2019年4月以来、4年ぶり"
   gives the year (2019 + 4); months named as this year's past ("ことし7月",
   a bare "7月") put the article later than them, one month more when the
   article also says "先月" for another month.

When the clues do not fix a full date, no date is inferred (rather than guessed).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dekigoto.models import Block
from dekigoto.time.normalise import is_future
from dekigoto.time.numerals import DIGITS, to_int
from dekigoto.time.recognise import recognise

_N = f"[{DIGITS}]+"
_FULL_DATE = re.compile(rf"(?<![{DIGITS}])(?P<y>{_N})年(?P<m>{_N})月(?P<d>{_N})日")
_MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_MONTH_RE = "|".join(m.capitalize() for m in _MONTHS)
_EN_DATE = re.compile(
    rf"(?:(?P<mon>{_MONTH_RE})\s*(?P<d>\d{{1,2}})\s*(?:st|nd|rd|th)?\s*,?\s*(?P<y>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s*(?P<mon2>{_MONTH_RE})\s*,?\s*(?P<y2>\d{{4}}))"
)
#: After a date: an access date (2006年8月12日時点) or a related-article line (2016年8月16日(火):).
_NOT_SOURCE_DATE = re.compile(r"^(?:時点|現在|[（(][月火水木金土日][）)]\s*[:：])")
#: "『見出し』。新聞社、2006年2月20日。": a source cited inline.
_INLINE_SOURCE = re.compile(
    rf"[』\"][。.]?[^。『』]{{1,40}}?[、,]\s*(?P<date>(?:{_N})年(?:{_N})月(?:{_N})日)(?!時点|[（(][月火水木金土日])"
)
#: '"Headline".BBC,October 15,2005': a source cited inline in English.
_INLINE_SOURCE_EN = re.compile(
    r'["”]\s*[.。]?\s*[^"”。『』]{1,40}?[、,]\s*(?P<date>'
    + _EN_DATE.pattern.replace("(?P<", "(?P<x_")
    + ")"
)
_ISO_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})(?!\d)")
_DATED_BY = re.compile(rf"(?<![{DIGITS}])(?P<d>{_N})日付(?:け)?")
_SINCE_N_YEARS = re.compile(
    rf"(?<![{DIGITS}])(?P<y>{_N})年(?:{_N}月)?(?:{_N}日)?(?:以来|以降|の[^。、]{{1,12}}以来)[、，]?"
    rf"(?:[^。]{{0,12}}?)(?P<n>{_N})年(?P<half>半)?ぶり"
)
_THIS_YEAR_MONTH = re.compile(rf"(?:ことし|今年|本年)の?(?P<m>{_N})月")
_LAST_MONTH = re.compile("先月")


@dataclass(frozen=True)
class Inference:
    """An inferred article date and the text that gave it."""

    date: dt.date | None
    evidence: str | None
    clue: str  # citations, dateline, reasoning, none


def _date(y: int | None, m: int | None, d: int | None) -> dt.date | None:
    try:
        return dt.date(y, m, d) if y and m and d else None
    except ValueError:
        return None


def full_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Every full date written in ``text`` (Japanese, English or ISO): (date, start, end)."""
    out: list[tuple[dt.date, int, int]] = []
    for m in _FULL_DATE.finditer(text):
        date = _date(to_int(m["y"]), to_int(m["m"]), to_int(m["d"]))
        if date and len(m["y"]) == 4:
            out.append((date, m.start(), m.end()))
    for m in _EN_DATE.finditer(text):
        mon = (m["mon"] or m["mon2"]).lower()
        date = _date(int(m["y"] or m["y2"]), _MONTHS.index(mon) + 1, int(m["d"] or m["d2"]))
        if date:
            out.append((date, m.start(), m.end()))
    for m in _ISO_DATE.finditer(text):
        date = _date(int(m["y"]), int(m["m"]), int(m["d"]))
        if date:
            out.append((date, m.start(), m.end()))
    return sorted(out, key=lambda x: x[1])


def _source_date(text: str, s: int, e: int) -> bool:
    """A date of a cited source, not an access date (…時点) nor a related-article line (…(火):)."""
    after = text[e : e + 6]
    return not _NOT_SOURCE_DATE.match(after)


def from_citations(text: str, blocks: Sequence[Block]) -> Inference | None:
    """The latest date of the cited sources, if the article has a cited-source list.

    Without a ``citations`` block, sources written inline in the Wikinews way
    ("『見出し』。新聞社、2006年2月20日。") count as well.
    """
    best: tuple[dt.date, int, int] | None = None
    spans = [(b.start, b.end) for b in blocks if b.kind == "citations"]
    if spans:
        for start, end in spans:
            for date, s, e in full_dates(text[start:end]):
                if _source_date(text, start + s, start + e) and (best is None or date > best[0]):
                    best = (date, start + s, start + e)
    else:
        inline = [*_INLINE_SOURCE.finditer(text), *_INLINE_SOURCE_EN.finditer(text)]
        for m in inline:
            found = full_dates(m.group("date"))
            if found and (best is None or found[0][0] > best[0]):
                best = (found[0][0], m.start("date"), m.start("date") + found[0][2])
    if best is None:
        return None
    date, s, e = best
    lead = text.rfind("。", 0, s)
    lead = max(lead + 1, s - 30)
    return Inference(date, text[lead:e].strip(), "citations")


def from_dateline(text: str, blocks: Sequence[Block]) -> Inference | None:
    """A full date at the very start of the first body paragraph (a dateline)."""
    for block in blocks:
        if block.kind != "paragraph":
            continue
        head = text[block.start : block.start + 20]
        for date, s, e in full_dates(head):
            if s <= 3:
                return Inference(date, head[s:e], "dateline")
        return None
    return None


def year_from_interval(text: str) -> tuple[int, str] | None:
    """The year of writing from "2019年4月以来、4年ぶり" (2019 + 4 = 2023), with its text."""
    for m in _SINCE_N_YEARS.finditer(text):
        y, n = to_int(m["y"]), to_int(m["n"])
        if y and n and len(m["y"]) == 4:
            return y + n + (1 if m["half"] else 0), m.group(0)
    return None


def from_reasoning(text: str, blocks: Sequence[Block]) -> Inference | None:
    """Combine day, year and month clues from the body (see the module docstring)."""
    body = "\n".join(text[b.start : b.end] for b in blocks if b.kind != "citations")
    evidence: list[str] = []
    # the year
    year: int | None = None
    since = year_from_interval(body)
    if since is not None:
        year = since[0]
        evidence.append(since[1])
    dated = [(date, s, e) for date, s, e in full_dates(body)]
    if year is None and dated:
        year = max(d for d, _, _ in dated).year
        evidence.append(body[dated[-1][1] : dated[-1][2]])
    if year is None:
        return None
    # the day
    day: int | None = None
    by = _DATED_BY.search(body)
    if by:
        day = to_int(by["d"])
        evidence.append(by.group(0))
    # the month: later than every month this year named as past, and than 先月's
    month: int | None = None
    named: list[int] = []
    for c in recognise(body):
        if is_future(body[c.end : c.end + 80]):
            continue
        if c.pattern == "date" and "month" in c.parts and "year" not in c.parts:
            rel = c.entries.get("rel_year")
            if rel is None or (rel.offset == 0 and rel.anchor == "dct"):
                named.append(to_int(c.parts["month"]) or 0)
        full = c.pattern == "date" and "year" in c.parts and "month" in c.parts
        if full and to_int(c.parts["year"]) == year:
            named.append(to_int(c.parts["month"]) or 0)
    if named:
        month = max(named) + 1
        evidence.append(f"{max(named)}月")
        if _LAST_MONTH.search(body):
            month += 1
            evidence.append("先月")
    if day is None or month is None or month > 12:
        return None
    date = _date(year, month, day)
    if date is None:
        return None
    return Inference(date, "; ".join(evidence), "reasoning")


def infer(text: str, blocks: Sequence[Block]) -> Inference:
    """The article date from ``text`` and its blocks; ``date=None`` when the text does not say."""
    for rule in (from_citations, from_dateline, from_reasoning):
        found = rule(text, blocks)
        if found is not None:
            return found
    return Inference(None, None, "none")
