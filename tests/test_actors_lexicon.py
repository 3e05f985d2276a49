"""The actor lexicons load, validate and do not contradict each other."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from dekigoto.actors.lexicon import get_lexicon

LEX = get_lexicon()
_JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff々]")


def _coded_names() -> dict[str, set[str]]:
    """Japanese surface → the codes it can stand for (countries, IGOs, organisations)."""
    out: dict[str, set[str]] = defaultdict(set)
    for c in LEX.countries:
        for n in c.names_ja:
            out[n].add(c.code)
    for g in LEX.igos:
        for n in g.names_ja:
            out[n].add(g.code)
    for o in LEX.organisations:
        for n in o.names_ja:
            out[n].add(o.country or "-")
    return out


@pytest.mark.parametrize("entries", ["countries", "igos", "organisations", "patterns"])
def test_ids_are_unique(entries: str) -> None:
    ids = [e.id for e in getattr(LEX, entries)]
    assert len(ids) == len(set(ids))


def test_no_name_maps_to_two_codes() -> None:
    clashes = {n: codes for n, codes in _coded_names().items() if len(codes) > 1}
    assert clashes == {}


def test_igo_codes_unique_among_top_level_bodies() -> None:
    codes = [g.code for g in LEX.igos if g.parent is None]
    assert len(codes) == len(set(codes))


def test_every_country_code_exists() -> None:
    known = set(LEX.by_code) | set(LEX.igo_by_code)
    used = {o.country for o in LEX.organisations if o.country}
    used |= {g.parent for g in LEX.igos if g.parent}
    used |= {p.country for p in LEX.people if p.country}
    assert used - known == set()


def test_every_country_has_a_japanese_name() -> None:
    assert all(
        c.names_ja and all(_JA.search(n) or n.isupper() for n in c.names_ja) for c in LEX.countries
    )


def test_titles_are_unique() -> None:
    seen: dict[str, str] = {}
    for p in LEX.patterns:
        if p.kind in ("title", "body", "group", "anaphor"):
            for form in p.ja:
                assert seen.setdefault(form, p.id) == p.id, form


# fmt: off
PRESS_FORMS = [
    ("米国", "USA"), ("アメリカ", "USA"), ("北朝鮮", "PRK"), ("韓国", "KOR"), ("中国", "CHN"),
    ("ロシア", "RUS"), ("イギリス", "GBR"), ("英国", "GBR"), ("日本", "JPN"), ("ウクライナ", "UKR"),
    ("朝鮮民主主義人民共和国", "PRK"), ("安保理", "UNSC"), ("国際原子力機関", "IAEA"),
    ("ワグネル", "RUS"), ("朝鮮中央通信", "PRK"), ("ホワイトハウス", "USA"), ("クレムリン", "RUS"),
]
# fmt: on


@pytest.mark.parametrize(("surface", "code"), PRESS_FORMS)
def test_press_forms(surface: str, code: str) -> None:
    assert code in _coded_names()[surface]


@pytest.mark.parametrize(
    ("abbrev", "code"), [("米", "USA"), ("露", "RUS"), ("豪", "AUS"), ("中", "CHN")]
)
def test_abbreviations(abbrev: str, code: str) -> None:
    assert LEX.abbrevs[abbrev].code == code
