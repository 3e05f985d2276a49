"""Properties of the time arithmetic: N年ぶり, Japanese eras, month shifts."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from dekigoto.time import annotate
from dekigoto.time.dct import year_from_interval
from dekigoto.time.normalise import add_months
from dekigoto.time.vocab import vocabulary

ERAS = sorted(((e.start_year or 0, e.words[0]) for e in vocabulary().of("era")), reverse=True)
KANJI = "〇一二三四五六七八九"


def to_era(year: int) -> tuple[str, int]:
    """The era name and era year of a Gregorian year."""
    start, name = next((s, n) for s, n in ERAS if s <= year)
    return name, year - start + 1


def values(text: str, dct: dt.date) -> list[str | None]:
    return [r.value for _, r in annotate(text, dct)]


@given(st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)), st.integers(1, 60))
def test_n_years_since_round_trips(day: dt.date, n: int) -> None:
    since = day.year - n
    text = f"{since}年{day.month}月以来、{n}年ぶりの訪問となった。"
    found = year_from_interval(text)
    assert found is not None and found[0] == day.year
    assert f"P{n}Y" in values(text, day)
    assert f"{since}-{day.month:02d}" in values(text, day)


@given(st.integers(1869, 2100))
def test_era_year_to_gregorian(year: int) -> None:
    name, n = to_era(year)
    era_text = f"{name}{'元' if n == 1 else n}年に施行された。"
    assert values(era_text, dt.date(2100, 1, 1)) == [str(year)]


@given(st.sampled_from([n for _, n in ERAS]), st.integers(1, 30))
def test_gregorian_to_era_and_back(name: str, n: int) -> None:
    start = next(s for s, e in ERAS if e == name)
    year = start + n - 1
    assert values(f"{name}{n}年", dt.date(2100, 1, 1)) == [str(year)]
    later = [s for s, _ in ERAS if s > start]
    if not later or year < min(later):
        assert to_era(year) == (name, n)


@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_kanji_and_arabic_dates_agree(day: dt.date) -> None:
    kanji_year = "".join(KANJI[int(c)] for c in str(day.year))
    text = f"{kanji_year}年{day.month}月{day.day}日に"
    assert values(text, dt.date(2101, 1, 1)) == [day.isoformat()]


@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(-400, 400))
def test_month_shift_inverts(year: int, month: int, n: int) -> None:
    y, m = add_months(year, month, n)
    assert 1 <= m <= 12
    assert add_months(y, m, -n) == (year, month)


@given(st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)), st.integers(1, 60))
def test_years_ago_is_dct_year_minus_n(day: dt.date, n: int) -> None:
    assert values(f"{n}年前の事件", day) == [str(day.year - n)]
