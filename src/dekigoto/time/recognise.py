"""Find time expressions in a string: patterns built from the vocabulary → candidates.

Recognition only: each candidate keeps the parts it was made of (numbers,
vocabulary entries); :mod:`dekigoto.time.normalise` turns them into values.
Overlaps are settled longest first, then leftmost.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from dekigoto.time.numerals import DIGITS, NUMBER, to_int
from dekigoto.time.vocab import TimeWord, Vocabulary, vocabulary

N = NUMBER
_KANJI = re.compile("[〇○零一二三四五六七八九十百千]")
#: Characters that may not come right before a number (so "023年" is not found in "2023年").
_NOT_AFTER_DIGIT = f"(?<![{DIGITS}.．,，])"
#: Suffixes that make "N年" / "N日" a duration rather than a date.
_DURATION_TAIL = (
    "間|ぶり|振り|以内|以上|余り|あまり|足らず|近く|半(?!ば)|連続|ごと|程度|前|後|目|生|分"
)


@dataclass
class Candidate:
    """A recognised time expression before normalisation."""

    start: int
    end: int
    text: str
    pattern: str  # which pattern found it: date, duration, ago, vague, span
    parts: dict[str, str] = field(default_factory=dict)
    entries: dict[str, TimeWord] = field(default_factory=dict)

    @property
    def rule(self) -> str:
        """The pattern and vocabulary entries that made this candidate."""
        ids = sorted({e.id for e in self.entries.values()})
        return "+".join([self.pattern, *ids])


@dataclass(frozen=True)
class Patterns:
    """Compiled patterns and word maps for one vocabulary."""

    date: re.Pattern[str]
    duration: re.Pattern[str]
    ago: re.Pattern[str]
    vague: re.Pattern[str]
    span: re.Pattern[str]
    season: re.Pattern[str]
    words: dict[str, dict[str, TimeWord]]


def _build(vocab: Vocabulary) -> Patterns:
    alt = vocab.alternation
    rel = {
        u: [e for e in vocab.of("relative") if e.unit == u]
        for u in ("year", "month", "week", "day")
    }

    def words(entries: list[TimeWord]) -> str:
        ws = sorted({w for e in entries for w in e.words}, key=lambda w: (-len(w), w))
        return "|".join(re.escape(w) for w in ws) or "(?!)"

    day_prefix = [e for e in vocab.of("prefix") if e.unit is None]
    season_prefix = [e for e in vocab.of("prefix") if e.unit == "year"]
    pods = vocab.alternation("part_of_day")
    year = (
        rf"(?:(?P<era>{alt('era')})(?P<era_year>元|{N})年(?:度)?"
        rf"|{_NOT_AFTER_DIGIT}(?P<year>{N})年(?P<decade>代)?(?:度)?(?!{_DURATION_TAIL})"
        rf"|(?P<rel_year>{words(rel['year'])}))"
    )
    month = rf"(?:{_NOT_AFTER_DIGIT}(?P<month>{N})月(?!間|分)|(?P<rel_month>{words(rel['month'])}))"
    week = rf"(?P<rel_week>{words(rel['week'])})"
    day = (
        rf"(?:(?P<day_prefix>{words(day_prefix)})?{_NOT_AFTER_DIGIT}(?P<day>{N})日"
        rf"(?!間|本|系|程度|分|前|後|連続|ぶり|目|以内|以上|ごと|当たり|あたり|おき)"
        rf"|(?P<rel_day>{words(rel['day'])})(?![本系]))"
    )
    clock = (
        rf"(?P<ampm>午前|午後)?(?:{_NOT_AFTER_DIGIT}(?P<hour>{N})時(?!間|代|点)"
        rf"(?:(?P<minute>{N})分|(?P<half>半))?(?:(?P<second>{N})秒)?"
        rf"|(?<=午前|午後)(?P<c_hour>[0-9０-９]{{1,2}})[:：](?P<c_minute>[0-9０-９]{{2}})(?![0-9０-９]))"
    )
    date = re.compile(
        rf"(?:(?P<tz>{alt('timezone')})の?)?"
        rf"(?:{year}の?)?(?:{month}の?)?(?:{week})?(?:{day})?"
        rf"(?P<coarse>{alt('coarse')})?"
        rf"(?:の?(?P<season>{alt('season')}))?"
        rf"(?:の?(?:{clock}|(?P<pod>{pods})))?"
        rf"(?P<about>ごろ|頃)?"
        rf"(?P<suffix>{alt('suffix')})?"
    )
    unit = alt("duration_unit")
    duration = re.compile(
        rf"(?P<pre>約|およそ|ほぼ|過去|この|ここ|最近の|わずか|実に|計|合計|足かけ|丸)?"
        rf"{_NOT_AFTER_DIGIT}(?P<n1>{N}|半)(?P<u1>{unit})(?P<half>半)?"
        rf"(?:(?P<n2>{N})(?P<u2>{unit}))?"
        rf"(?:(?P<tail>間|ぶり|振り|以内|以上|余り|あまり|足らず|弱)"
        rf"|(?=(?P<ahead>にわた|に亘|の間|の歳月|が経|が過ぎ|にも及|の長き)))?"
    )
    ago = re.compile(
        rf"{_NOT_AFTER_DIGIT}(?P<n>{N})(?P<unit>{unit})(?:ほど|余り|あまり)?(?P<dir>前|後)(?![半期者])"
    )
    vague = re.compile(alt("vague"))
    span = re.compile(alt("span_word"))
    season = re.compile(rf"(?P<season_prefix>{words(season_prefix)})(?P<season>{alt('season')})")
    maps = {
        kind: vocab.word_map(kind)
        for kind in (
            "relative", "part_of_day", "timezone", "era", "season", "coarse", "suffix",
            "span_word", "duration_unit", "vague",
        )
    }  # fmt: skip
    maps["day_prefix"] = {w: e for e in day_prefix for w in e.words}
    maps["season_prefix"] = {w: e for e in season_prefix for w in e.words}
    return Patterns(date, duration, ago, vague, span, season, maps)


@functools.cache
def patterns(vocab: Vocabulary | None = None) -> Patterns:
    """The compiled patterns for ``vocab`` (the bundled vocabulary by default)."""
    return _build(vocab or vocabulary())


_GROUP_KIND = {
    "tz": "timezone", "era": "era", "rel_year": "relative", "rel_month": "relative",
    "rel_week": "relative", "rel_day": "relative", "day_prefix": "day_prefix",
    "coarse": "coarse", "season": "season", "pod": "part_of_day", "suffix": "suffix",
    "season_prefix": "season_prefix", "unit": "duration_unit", "u1": "duration_unit",
    "u2": "duration_unit",
}  # fmt: skip


def _candidate(m: re.Match[str], pattern: str, pats: Patterns, offset: int) -> Candidate:
    parts = {k: v for k, v in m.groupdict().items() if v}
    entries = {}
    for group, value in parts.items():
        kind = _GROUP_KIND.get(group)
        if kind and value in pats.words[kind]:
            entries[group] = pats.words[kind][value]
    return Candidate(m.start() + offset, m.end() + offset, m.group(0), pattern, parts, entries)


def _valid_date(c: Candidate) -> bool:
    p = c.parts
    if "c_hour" in p:
        p["hour"], p["minute"] = p.pop("c_hour"), p.pop("c_minute")  # 午前8:30
    core = ("era", "year", "month", "day", "rel_year", "rel_month", "rel_week", "rel_day", "hour")
    has_date = any(k in p for k in core if k != "hour")
    if not any(k in p for k in core) and "pod" not in p:
        return False
    if "pod" in p and not has_date and "hour" not in p and c.entries["pod"].bound:
        return False
    if "season" in p and not any(k in p for k in ("era", "year", "rel_year")):
        return False
    if "month" in p and not 1 <= (to_int(p["month"]) or 0) <= 12:
        return False
    if "day" in p and not 1 <= (to_int(p["day"]) or 0) <= 31:
        return False
    if "day" in p and p["day"] == "一" and "month" not in p:
        return False  # 一日 is "one day" far more often than "the 1st"
    hour = to_int(p["hour"]) if "hour" in p else 0
    if hour is None or not 0 <= hour <= 24:
        return False
    if "hour" in p and not has_date and "ampm" not in p and _KANJI.search(p["hour"]):
        return False  # "一時" is "for a while"; clock times alone are written in digits
    if "year" in p:
        n = to_int(p["year"])
        digits = len(p["year"])
        if n is None:
            return False
        if digits < 4 and not ("month" in p or "decade" in p):
            return False  # "70年" alone is a count of years, not a year
        if digits == 4 and not 1000 <= n <= 2999:
            return False
    if "era_year" in p and to_int(p["era_year"]) is None:
        return False
    return not ("tz" in p and not has_date and "hour" not in p)


def _trim(c: Candidate) -> Candidate:
    """Drop a の that joins nothing: "2014年の政界引退", "同時刻の8時15分"."""
    while c.text.startswith("の"):
        c.text, c.start = c.text[1:], c.start + 1
    while c.text.endswith("の"):
        c.text, c.end = c.text[:-1], c.end - 1
    return c


def _valid_duration(c: Candidate) -> bool:
    p = c.parts
    unit = c.entries["u1"].value
    if "n2" in p and "u2" not in p:
        return False
    # "2006年" is a year and "12日" a day; "ほぼ1年にわたる" is a duration
    return unit not in ("Y", "D", "MIN", "S") or any(k in p for k in ("tail", "pre", "ahead"))


def _allowed_vague(entry: TimeWord, text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 1) : start], text[end : end + 1]
    if entry.not_after and re.search(entry.not_after, before):
        return False
    return not (entry.not_before and re.search(entry.not_before, after))


def recognise(text: str, *, offset: int = 0, vocab: Vocabulary | None = None) -> list[Candidate]:
    """Every time expression in ``text``, non-overlapping, in text order.

    ``offset`` is added to every span (for blocks of a larger text).
    """
    pats = patterns(vocab)
    found: list[Candidate] = []
    for m in pats.date.finditer(text):
        if m.end() > m.start():
            c = _candidate(m, "date", pats, offset)
            if _valid_date(c):
                found.append(_trim(c))
    for m in pats.duration.finditer(text):
        c = _candidate(m, "duration", pats, offset)
        if _valid_duration(c):
            found.append(c)
    for m in pats.ago.finditer(text):
        found.append(_candidate(m, "ago", pats, offset))
    for m in pats.span.finditer(text):
        c = _candidate(m, "span", pats, offset)
        c.entries["span"] = pats.words["span_word"][m.group(0)]
        found.append(c)
    for m in pats.season.finditer(text):
        found.append(_candidate(m, "season", pats, offset))
    for m in pats.vague.finditer(text):
        entry = pats.words["vague"][m.group(0)]
        if _allowed_vague(entry, text, m.start(), m.end()):
            c = _candidate(m, "vague", pats, offset)
            c.entries["vague"] = entry
            found.append(c)
    return select(found)


def select(found: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates (then the leftmost); text order."""
    kept: list[Candidate] = []
    for c in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)
