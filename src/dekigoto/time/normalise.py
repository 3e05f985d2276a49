"""Turn recognised candidates into TimeML-like values (FORMAT.md) against the article date.

Dates resolve against the article date (``dct``) or, for anaphoric words
(同日, 翌13日, 同年11月, この日), against the last date mentioned. A bare month or
day takes the year or month that makes sense with the tense of its clause: a
past "7月に…行った" in a September article is this July, a future "12月に訪問する"
is this December, a past "30日に…" written on the 2nd is last month's 30th.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dekigoto.time.numerals import to_int
from dekigoto.time.recognise import Candidate

#: Markers of a past or present predicate / of a future one, searched after the expression.
_PAST = re.compile(
    r"ていた|ている|ていま|てい[。、]|てきた|ました|でした|だった|った|した|れた|えた|いた|けた|めた|じた"
    r"|[ただ](?=[。、」]|と(?:発表|述べ|語|伝|報|明らか|見ら|され|い))"
)
_FUTURE = re.compile(
    r"予定|見通し|見込み|方針|計画|意向|だろう|でしょう|へ[。、]|ます(?=[。、」])"
    r"|する(?=[。、」]|予定|方針|見通し|計画|こと|考え|意向|と(?:発表|述べ|明らか))"
    r"|[るう](?=[。、」]|予定|方針|見通し|計画|こと|考え|意向|と(?:発表|述べ|明らか|見られ|みられ))"
)
#: "…まで…している": the end of a period that is still going on.
_UNTIL_ONGOING = re.compile(r"^まで[^。、]{0,30}?(?:ている|ています|ておる|中)")


@dataclass(frozen=True)
class Day:
    """A calendar date at some precision: year, year-month or year-month-day."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def of(cls, day: dt.date) -> Day:
        """A day-precision :class:`Day` from a date."""
        return cls(day.year, day.month, day.day)

    @classmethod
    def parse(cls, value: str) -> Day | None:
        """The date part of a value (``2023-09-12TNI`` → 2023-09-12); None for non-dates."""
        m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T|$)", value)
        if not m:
            return None
        y, mo, d = m.groups()
        return cls(int(y), int(mo) if mo else None, int(d) if d else None)

    def as_date(self) -> dt.date | None:
        """The ``datetime.date`` when the day is known."""
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)


@dataclass(frozen=True)
class Resolved:
    """The value of one expression and what it was resolved against."""

    value: str | None
    kind: str  # date, time, duration, vague
    anchor: str | None = None  # dct, previous, none
    timezone: str | None = None
    day: Day | None = None


@dataclass
class Context:
    """What resolution needs: the article date and the last dates mentioned."""

    dct: dt.date | None
    previous: Day | None = None  # last date mentioned, any precision
    previous_day: Day | None = None  # last date mentioned with a day

    def remember(self, day: Day | None) -> None:
        """Record a newly mentioned date as the anchor of later anaphoric expressions."""
        if day is None:
            return
        self.previous = day
        if day.day is not None:
            self.previous_day = day


def tense(after: str) -> str | None:
    """``"past"``, ``"future"`` or None: the first predicate marker after an expression.

    An end point of something still going on ("11月30日まで…募集している") is not past.
    """
    clause = after.split("。", 1)[0]
    if _UNTIL_ONGOING.match(clause):
        return None
    past = _PAST.search(clause)
    future = _FUTURE.search(clause)
    if future is None:
        return "past" if past else None
    return "future" if past is None or future.start() < past.start() else "past"


def is_future(after: str) -> bool:
    """Whether the clause after an expression reads as future."""
    return tense(after) == "future"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``n`` months."""
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _shift_day(day: Day, n: int) -> Day:
    date = day.as_date()
    if date is None:
        return day
    return Day.of(date + dt.timedelta(days=n))


def _two_digit_year(n: int, dct: dt.date | None) -> int:
    ref = dct.year if dct else 2000
    year = (ref // 100) * 100 + n
    return year - 100 if year > ref + 10 else year


def _pod_suffix(c: Candidate) -> str:
    p = c.parts
    if "hour" in p:
        hour = to_int(p["hour"]) or 0
        if p.get("ampm") == "午後" and hour < 12:
            hour += 12
        minute = 30 if "half" in p else to_int(p.get("minute", "0")) or 0
        return f"T{hour:02d}:{minute:02d}"
    if "pod" in p:
        return str(c.entries["pod"].value)
    return ""


def _date_part(c: Candidate, ctx: Context, after: str) -> tuple[Day | None, str]:
    """The date a date-pattern candidate names, and what it was anchored on."""
    p, e = c.parts, c.entries
    dct = ctx.dct
    anchor = "none"
    year: int | None = None
    if "era" in p:
        year = (e["era"].start_year or 0) + (to_int(p["era_year"]) or 1) - 1
    elif "year" in p:
        n = to_int(p["year"]) or 0
        year = n if len(p["year"]) == 4 else _two_digit_year(n, dct)
    elif "rel_year" in p:
        word = e["rel_year"]
        base = _base(word.anchor, ctx, need_day=False)
        if base is None:
            return None, word.anchor
        year, anchor = base.year + word.offset, word.anchor
    month: int | None = to_int(p["month"]) if "month" in p else None
    if "rel_month" in p:
        word = e["rel_month"]
        base = _base(word.anchor, ctx, need_day=False)
        if base is None or base.month is None:
            return None, word.anchor
        year, month = add_months(base.year, base.month, word.offset)
        anchor = word.anchor
    if "rel_week" in p and "day" in p and dct is not None:
        # "先週24日": the day of the month nearest to that week
        week = dct + dt.timedelta(weeks=e["rel_week"].offset)
        n = to_int(p["day"]) or 1
        options = []
        for k in (-1, 0, 1):
            y, m = add_months(week.year, week.month, k)
            if n <= calendar.monthrange(y, m)[1]:
                options.append(dt.date(y, m, n))
        if options:
            return Day.of(min(options, key=lambda d: abs((d - week).days))), "dct"
    if "rel_week" in p:
        if dct is None:
            return None, "dct"
        day = Day.of(dct + dt.timedelta(weeks=e["rel_week"].offset))
        return day, "dct"
    if "rel_day" in p:
        word = e["rel_day"]
        base = _base(word.anchor, ctx, need_day=True)
        if base is None:
            return None, word.anchor
        return _shift_day(base, word.offset), word.anchor
    day: int | None = to_int(p["day"]) if "day" in p else None
    if year is None and month is not None:
        # a bare month: this year, or the nearest one the tense allows
        if dct is None:
            return None, "dct"
        year, anchor = dct.year, "dct"
        when = tense(after)
        gap = month - dct.month
        if gap > 0 and (when == "past" or (when is None and gap > 6)):
            year -= 1
        elif gap < 0 and ((when == "future" and gap < -2) or (when is None and gap < -6)):
            year += 1
    if year is None and month is None and day is not None:
        prefix = e.get("day_prefix")
        if prefix is not None:
            base = _base(prefix.anchor, ctx, need_day=False)
            if base is None or base.month is None:
                return None, prefix.anchor
            year, month, anchor = base.year, base.month, prefix.anchor
            if prefix.offset > 0 and base.day is not None and day < base.day:
                year, month = add_months(year, month, 1)
        else:
            if dct is None:
                return None, "dct"
            year, month, anchor = dct.year, dct.month, "dct"
            when = tense(after)
            gap = day - dct.day
            # the day after the article date told in the past is a time-zone or
            # dating slip more often than last month's day
            if gap > 1 and (when == "past" or (when is None and gap > 15)):
                year, month = add_months(year, month, -1)
            elif gap < 0 and ((when == "future" and gap < -10) or (when is None and gap < -15)):
                year, month = add_months(year, month, 1)
    if year is None:
        if "hour" in p or "pod" in p:
            base = _base("previous", ctx, need_day=True)
            return base, "previous" if ctx.previous_day else "dct"
        return None, anchor
    if month is not None and day is not None:
        day = min(day, calendar.monthrange(year, month)[1])
    if anchor == "none":
        anchor = "text"
    return Day(year, month, day if month is not None else None), anchor


def _base(anchor: str, ctx: Context, *, need_day: bool) -> Day | None:
    if anchor == "previous":
        prev = ctx.previous_day if need_day else ctx.previous
        if prev is not None:
            return prev
    return Day.of(ctx.dct) if ctx.dct else None


def _duration(c: Candidate) -> str | None:
    p, e = c.parts, c.entries
    parts: dict[str, float] = {}
    n1 = 0.5 if p["n1"] == "半" else to_int(p["n1"])
    if n1 is None:
        return None
    unit = str(e["u1"].value)
    parts[unit] = n1 + (0.5 if "half" in p else 0)
    if "n2" in p and "u2" in e:
        parts[str(e["u2"].value)] = parts.get(str(e["u2"].value), 0) + (to_int(p["n2"]) or 0)
    # carry halves into the next unit down: 3年半 → P3Y6M, 半年 → P6M
    down = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60)}
    for u in ("Y", "M", "W", "D", "H"):
        v = parts.get(u)
        if v is not None and v != int(v):
            parts[u] = int(v)
            lower, k = down[u]
            parts[lower] = parts.get(lower, 0) + round((v - int(v)) * k)
    date = "".join(f"{int(parts[u])}{u}" for u in ("Y", "M", "W", "D") if parts.get(u))
    time = "".join(
        f"{int(parts[u])}{'M' if u == 'MIN' else u}" for u in ("H", "MIN", "S") if parts.get(u)
    )
    if not date and not time:
        return None
    return "P" + date + ("T" + time if time else "")


def _ago(c: Candidate, ctx: Context) -> tuple[Day | None, str]:
    if ctx.dct is None:
        return None, "dct"
    n = to_int(c.parts["n"]) or 0
    sign = -1 if c.parts["dir"] == "前" else 1
    unit = str(c.entries["unit"].value)
    dct = ctx.dct
    if unit == "Y":
        return Day(dct.year + sign * n), "dct"
    if unit == "M":
        y, m = add_months(dct.year, dct.month, sign * n)
        return Day(y, m), "dct"
    if unit in ("W", "D"):
        days = n * (7 if unit == "W" else 1)
        return Day.of(dct + dt.timedelta(days=sign * days)), "dct"
    return None, "dct"


def normalise(c: Candidate, ctx: Context, after: str = "") -> Resolved:
    """The value of candidate ``c``; ``after`` is the text that follows it (for tense)."""
    if c.pattern == "vague":
        return Resolved(c.entries["vague"].value, "vague", "none")
    if c.pattern == "duration":
        return Resolved(_duration(c), "duration", "none")
    if c.pattern == "ago":
        day, anchor = _ago(c, ctx)
        return Resolved(day.iso() if day else None, "date", anchor, day=day)
    if c.pattern in ("span", "season"):
        word = c.entries.get("span") or c.entries.get("season_prefix")
        if ctx.dct is None or word is None:
            return Resolved(None, "date", "dct")
        if c.pattern == "season":
            day = Day(ctx.dct.year + word.offset)
            return Resolved(f"{day.iso()}-{c.entries['season'].value}", "date", "dct", day=day)
        span = c.entries.get("span", word)
        day = (
            Day(ctx.dct.year + span.offset)
            if span.unit == "year"
            else Day(ctx.dct.year, ctx.dct.month)
        )
        return Resolved(day.iso(), "date", "dct", day=day)
    timezone = str(c.entries["tz"].value) if "tz" in c.entries else None
    day, anchor = _date_part(c, ctx, after)
    if day is None:
        return Resolved(None, "date", anchor, timezone)
    if "decade" in c.parts:
        return Resolved(f"{day.year // 10:03d}", "date", anchor, timezone, day=Day(day.year))
    if "season" in c.parts and day.month is None:
        return Resolved(f"{day.iso()}-{c.entries['season'].value}", "date", anchor, timezone, day)
    suffix = _pod_suffix(c)
    if suffix and day.day is None:
        suffix = ""
    rel_day = c.entries.get("rel_day")
    if not suffix and rel_day is not None and rel_day.pod:
        suffix = rel_day.pod
    if "rel_week" in c.parts and "day" not in c.parts:
        date = day.as_date()
        value = f"{date.isocalendar()[0]}-W{date.isocalendar()[1]:02d}" if date else None
        return Resolved(value, "date", anchor, timezone, Day(day.year, day.month))
    return Resolved(day.iso() + suffix, "time" if suffix else "date", anchor, timezone, day)
