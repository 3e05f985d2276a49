"""The actor lexicons: countries, IGOs, organisations, people and the actor patterns.

Each file is validated on load (``dekigoto.lexicon``); :func:`gazetteer` merges
them into one index from Japanese surface form to the entries it can name.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from dekigoto.lexicon import data_path, load, merge_by_id, read_entries

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CountryEntry(_Entry):
    """A state: ISO alpha-3 code, English name, Japanese names, abbreviations, capitals."""

    id: str
    code: str
    name_en: str
    names_ja: list[str]
    abbrev_ja: list[str] = []
    capitals_ja: list[str] = []
    wikidata: str | None = None


class IgoEntry(_Entry):
    """An intergovernmental organisation or organ, with its FORMAT.md code."""

    id: str
    code: str
    name_en: str
    names_ja: list[str]
    parent: str | None = None
    sector: str = "IGO"
    wikidata: str | None = None


#: Sectors whose bodies do not act for their state: their code is empty unless
#: the entry says ``state: true`` (state media, state companies).
NON_STATE_SECTORS = frozenset(
    {"media", "business", "NGO", "sports", "education", "religion", "culture"}
)


def acts_for_state(sector: str | None, state: bool | None = None) -> bool:
    """Whether a body of ``sector`` is coded with its country (FORMAT.md: the state and
    everyone acting for it; non-state armed groups under their base country)."""
    return state if state is not None else sector not in NON_STATE_SECTORS


class OrganisationEntry(_Entry):
    """A named body under the state it acts for (or is based in)."""

    id: str
    name_en: str
    names_ja: list[str]
    country: str | None = None
    sector: str
    kind: Literal["organisation", "group"] = "organisation"
    generic: bool = False  # the state comes from the text when one is named
    state: bool | None = None  # acts for its state (default: by sector, see acts_for_state)
    wikidata: str | None = None


class Role(_Entry):
    """A title a person held and its dates (ISO; ``end`` None = still in office)."""

    title_ja: str
    role: str
    sector: str | None = None
    start: str | None = None
    end: str | None = None
    country: str | None = None

    @field_validator("start", "end", mode="before")
    @classmethod
    def _iso(cls, value: object) -> object:
        if value is None:
            return None
        value = str(value)
        if not _DATE.match(value):
            raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
        return value

    def active(self, day: dt.date | None) -> bool:
        """Whether the role was held on ``day`` (always true when ``day`` is None)."""
        if day is None:
            return True
        text = day.isoformat()
        if self.start and text < self.start[: len(text)]:
            return False
        return not (self.end and text > _end_bound(self.end))


def _end_bound(end: str) -> str:
    """The last day an end date covers (``2012`` covers the whole year)."""
    return {4: end + "-12-31", 7: end + "-31"}.get(len(end), end)


class PersonEntry(_Entry):
    """A person who recurs in the news (``data/people.yaml``)."""

    id: str
    name_en: str
    names_ja: list[str]
    country: str | None = None
    wikidata: str | None = None
    roles: list[Role] = []
    note: str | None = None

    def roles_on(self, day: dt.date | None) -> list[Role]:
        """Roles held on ``day``."""
        return [r for r in self.roles if r.active(day)]


class PatternEntry(_Entry):
    """A title, honorific, generic body, population group, anaphor or abbreviation head."""

    id: str
    kind: Literal[
        "title",
        "honorific",
        "body",
        "group",
        "anaphor",
        "abbrev_head",
        "org_suffix",
        "place_suffix",
        "place_before",
        "place_after",
        "org_word",
        "title_suffix",
    ]
    ja: list[str]
    role_en: str | None = None
    sector: str | None = None
    ner: bool = False
    ner_type: str | None = None  # stockmark type of a name this suffix closes (default by sector)


EntryKind = Literal["country", "capital", "abbrev", "igo", "organisation", "person"]


@dataclass(frozen=True)
class Hit:
    """One lexicon entry a surface form can name."""

    kind: EntryKind
    entry: CountryEntry | IgoEntry | OrganisationEntry | PersonEntry

    @property
    def id(self) -> str:
        return self.entry.id


@dataclass
class Lexicon:
    """All actor lexicons of one run, indexed."""

    countries: list[CountryEntry]
    igos: list[IgoEntry]
    organisations: list[OrganisationEntry]
    people: list[PersonEntry]
    patterns: list[PatternEntry]
    surfaces: dict[str, list[Hit]] = field(default_factory=dict)
    abbrevs: dict[str, CountryEntry] = field(default_factory=dict)
    titles: dict[str, PatternEntry] = field(default_factory=dict)
    bodies: dict[str, PatternEntry] = field(default_factory=dict)
    groups: dict[str, PatternEntry] = field(default_factory=dict)
    honorifics: set[str] = field(default_factory=set)
    anaphors: dict[str, PatternEntry] = field(default_factory=dict)
    compound_heads: tuple[str, ...] = ()
    single_heads: tuple[str, ...] = ()
    org_suffixes: tuple[str, ...] = ()
    political_suffixes: tuple[str, ...] = ()
    suffix_entries: dict[str, PatternEntry] = field(default_factory=dict)
    org_words: tuple[str, ...] = ()
    title_suffixes: dict[str, PatternEntry] = field(default_factory=dict)
    place_suffixes: tuple[str, ...] = ()
    place_before: tuple[str, ...] = ()
    place_after: tuple[str, ...] = ()
    by_code: dict[str, CountryEntry] = field(default_factory=dict)
    igo_by_code: dict[str, IgoEntry] = field(default_factory=dict)
    person_parts: dict[str, list[PersonEntry]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        surfaces: dict[str, list[Hit]] = defaultdict(list)
        for c in self.countries:
            self.by_code[c.code] = c
            for name in c.names_ja:
                surfaces[name].append(Hit("country", c))
            for name in c.capitals_ja:
                surfaces[name].append(Hit("capital", c))
            for name in c.abbrev_ja:
                self.abbrevs[name] = c
        for g in self.igos:
            self.igo_by_code.setdefault(g.code, g)
            for name in g.names_ja:
                surfaces[name].append(Hit("igo", g))
        for o in self.organisations:
            for name in o.names_ja:
                surfaces[name].append(Hit("organisation", o))
        parts: dict[str, list[PersonEntry]] = defaultdict(list)
        for p in self.people:
            for name in p.names_ja:
                surfaces[name].append(Hit("person", p))
                for part in re.split(r"[・＝=]", name):
                    if len(part) >= 2 and p not in parts[part]:
                        parts[part].append(p)
        self.person_parts = dict(parts)
        self.surfaces = dict(surfaces)
        heads_c: list[str] = []
        heads_s: list[str] = []
        for pat in self.patterns:
            if pat.kind == "title_suffix":
                for form in pat.ja:
                    self.title_suffixes.setdefault(form, pat)
                continue
            if pat.kind == "org_word":
                self.org_words = tuple(sorted({*self.org_words, *pat.ja}, key=len, reverse=True))
                continue
            if pat.kind == "org_suffix":
                for form in pat.ja:
                    self.suffix_entries.setdefault(form, pat)
                if acts_for_state(pat.sector):
                    self.political_suffixes = tuple(
                        sorted({*self.political_suffixes, *pat.ja}, key=len, reverse=True)
                    )
            target = {
                "title": self.titles,
                "body": self.bodies,
                "group": self.groups,
                "anaphor": self.anaphors,
            }.get(pat.kind)
            if pat.kind in ("org_suffix", "place_suffix", "place_before", "place_after"):
                attr = {"org_suffix": "org_suffixes", "place_suffix": "place_suffixes"}.get(
                    pat.kind, pat.kind
                )
                forms = tuple(sorted({*getattr(self, attr), *pat.ja}, key=len, reverse=True))
                setattr(self, attr, forms)
                continue
            for form in pat.ja:
                if target is not None:
                    target.setdefault(form, pat)
                elif pat.kind == "honorific":
                    self.honorifics.add(form)
                elif pat.id == "ah-single":
                    heads_s.append(form)
                else:
                    heads_c.append(form)
        self.compound_heads = tuple(sorted(heads_c, key=len, reverse=True))
        self.single_heads = tuple(sorted(heads_s, key=len, reverse=True))

    def suffix_entry(self, surface: str) -> PatternEntry | None:
        """The org-suffix entry closing ``surface`` (longest suffix first)."""
        for form in self.org_suffixes:
            if surface.endswith(form):
                return self.suffix_entries[form]
        return None

    def country_name(self, code: str | None) -> str | None:
        """English name of a state or IGO code."""
        if code is None:
            return None
        if code in self.by_code:
            return self.by_code[code].name_en
        if code in self.igo_by_code:
            return self.igo_by_code[code].name_en
        return None


def _read_people(extra: tuple[Path, ...]) -> list[PersonEntry]:
    """People lexicon; an absent bundled file gives an empty list (the stage still runs)."""
    if data_path("people.yaml").exists():
        return load("people.yaml", PersonEntry, extra, "people")
    out: list[PersonEntry] = []
    for path in extra:
        out = merge_by_id(out, read_entries(path, PersonEntry, section="people"))
    return out


@functools.cache
def get_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    """Load every actor lexicon once per process (user files in ``extra`` merged over them)."""
    return Lexicon(
        countries=load("countries.yaml", CountryEntry, extra, "countries"),
        igos=load("igos.yaml", IgoEntry, extra, "igos"),
        organisations=load("organisations.yaml", OrganisationEntry, extra, "organisations"),
        people=_read_people(extra),
        patterns=load("actor_patterns.yaml", PatternEntry, extra, "actor_patterns"),
    )
