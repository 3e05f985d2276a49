"""Within-article coreference: group mentions into entities and resolve them against the lexicon.

Rules, in text order:

- a lexicon name is its entry (ウラジーミル・プーチン, プーチン);
- a surname with or without a title is the earlier person whose full name has it
  as a part (キム総書記 → キム・ジョンウン), else the lexicon person with that
  name part and that title on the article date;
- a title alone (総書記, 同副外相) is the last person with that title, else the
  lexicon holder of that title in the affiliated or focus state on the article date;
- a parenthesised gloss (金正恩) is another name of the same person;
- a name in kinship apposition (Xの妹、Y) is not X; two different full names are two people;
- a title in apposition before a name (ロシアの元外交官で…ボロンツォフ氏) is that person and
  gives them its role and state; a title with ら/たち is several people, not one;
- 同国 is the last state; 両国 and 両首脳 are the last two states or leaders: such a
  mention yields one Mention per member, each with that member's ``actor_id``;
- a generic body (政府, 軍) is the body of its affiliated state (or of the state
  the article is about).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from dekigoto.actors.lexicon import Lexicon, PersonEntry, Role, acts_for_state
from dekigoto.actors.mentions import Candidate

LEADER_ROLES = ("t-president", "t-prime-minister", "t-state-president", "t-general-secretary",
                "t-chairman-state", "t-supreme-leader", "t-king", "t-leader", "t-premier")  # fmt: skip  # noqa: E501


#: Title sectors whose unnamed holders act for the state the article is about.
_STATE_TITLE_SECTORS = ("government", "military", "police", "legislature", "judiciary")

#: A kinship noun in apposition before a name: Xの妹、Y (Y is another person than X).
_KIN_BEFORE = re.compile(
    r"の(?:妹|姉|弟|兄|妻|夫|夫人|息子|娘|長男|次男|三男|長女|次女|三女|父|母|父親|母親|"
    r"祖父|祖母|孫|おじ|おば|叔父|叔母|伯父|伯母|甥|姪|いとこ|側近|後継者|元妻|元夫)[、,]?"
)


@dataclass
class Entity:
    """One actor of the article while it is being built."""

    key: str
    kind: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    title_ids: set[str] = field(default_factory=set)
    title_forms: set[str] = field(default_factory=set)
    names: list[str] = field(default_factory=list)  # person names as written (full first)
    glosses: list[str] = field(default_factory=list)
    person: PersonEntry | None = None
    lexicon_id: str | None = None
    name_en: str | None = None
    name_ja: str | None = None
    romanised: bool = False
    mentions: list[Candidate] = field(default_factory=list)
    last: int = 0


def _countries(p: PersonEntry) -> set[str | None]:
    """The states (or IGOs) a person acted for: their own and each role's."""
    return {p.country, *(r.country for r in p.roles if r.country)}


def _parts(name: str) -> list[str]:
    return [p for p in re.split(r"[・＝=]", name) if p]


def country_of(c: Candidate | None) -> str | None:
    """The state a candidate stands for or belongs to (following affiliations)."""
    seen = 0
    while c is not None and seen < 5:
        if c.kind == "state" and c.code:
            return c.code
        if c.hit is not None:
            entry = c.hit.entry
            code = getattr(entry, "country", None)
            if c.hit.kind in ("country", "capital", "abbrev"):
                return getattr(entry, "code", None)
            if code and not getattr(entry, "generic", False):
                return code
            if c.hit.kind == "igo":
                return None
        if c.extra.get("resolved_country"):
            return c.extra["resolved_country"]
        c = c.affiliation
        seen += 1
    return None


class Resolver:
    """Builds the entities of one article from its selected candidates."""

    def __init__(self, lex: Lexicon, day: dt.date | None, focus: str | None, text: str) -> None:
        self.lex = lex
        self.day = day
        self.focus = focus
        self.text = text
        self.entities: dict[str, Entity] = {}
        self.order: list[str] = []
        self.assign: list[list[str]] = []  # per candidate, entity keys
        self._done: list[Candidate] = []  # candidates resolved so far, aligned with assign
        self.counter = 0

    # ---- entity helpers
    def _entity(self, key: str, kind: str, **kw: object) -> Entity:
        ent = self.entities.get(key)
        if ent is None:
            ent = Entity(key=key, kind=kind)
            for k, v in kw.items():
                setattr(ent, k, v)
            self.entities[key] = ent
            self.order.append(key)
        return ent

    def _recent(self, pred, before: int) -> list[Entity]:
        ents = [
            e
            for e in self.entities.values()
            if e.mentions and e.mentions[0].start < before and pred(e)
        ]
        return sorted(ents, key=lambda e: e.last, reverse=True)

    def _add(self, ent: Entity, c: Candidate) -> str:
        ent.mentions.append(c)
        ent.last = max(ent.last, c.start)
        return ent.key

    # ---- lexicon people
    def _people_named(self, name: str) -> list[PersonEntry]:
        hits = [h.entry for h in self.lex.surfaces.get(name, ()) if h.kind == "person"]
        if not hits:
            hits = list(self.lex.person_parts.get(name, ()))
        return hits  # type: ignore[return-value]

    def _filter_people(
        self, people: Sequence[PersonEntry], title: str | None, country: str | None
    ) -> list[PersonEntry]:
        if not people:
            return []
        pool = list(people)
        if country:
            same = [p for p in pool if country in _countries(p)]
            pool = same or pool
        if title:
            titled = [
                p
                for p in pool
                if any(self._titled(r, title) and r.active(self.day) for r in p.roles)
            ]
            if not titled:
                titled = [p for p in pool if any(self._titled(r, title) for r in p.roles)]
            pool = titled or ([] if len(pool) > 1 else pool)
        if len(pool) > 1:
            active = [p for p in pool if p.roles_on(self.day)]
            pool = active or pool
        return pool

    def _holder(self, title: str, country: str | None) -> PersonEntry | None:
        """The lexicon person who held ``title`` for ``country`` on the article date."""
        if not country:
            return None
        found = [
            p for p in self.lex.people
            if any(self._titled(r, title) and (r.country or p.country) == country
                   and r.active(self.day) for r in p.roles)
        ]  # fmt: skip
        return found[0] if len(found) == 1 else None

    def _titled(self, role: Role, title: str | None) -> bool:
        """Whether ``role`` is the title written in the text (首相 = 総理大臣 = 内閣総理大臣)."""
        if not title:
            return False
        if role.title_ja == title:
            return True
        written, held = self.lex.titles.get(title), self.lex.titles.get(role.title_ja)
        return written is not None and held is not None and written.id == held.id

    def _role_of(self, p: PersonEntry, title: str | None) -> Role | None:
        """The role a mention of ``p`` speaks of: the one its written title names (held on
        the article date if several), else the one held on the article date, else none."""
        named = [r for r in p.roles if self._titled(r, title)]
        if named:
            active = [r for r in named if r.active(self.day)]
            if active:
                return active[0]
            if self.day is not None:
                day = self.day.isoformat()
                before = [r for r in named if (r.start or "") <= day]
                return max(before, key=lambda r: r.start or "") if before else named[0]
            return named[-1]
        held = p.roles_on(self.day)
        return held[0] if held else None

    def _person_entity(self, p: PersonEntry, title: str | None = None) -> Entity:
        role = self._role_of(p, title)
        code = (role.country if role else None) or p.country
        return self._entity(
            f"person:{p.id}",
            "person",
            code=code,
            country=code,
            person=p,
            lexicon_id=p.id,
            name_en=p.name_en,
            name_ja=p.names_ja[0] if p.names_ja else None,
            role=role.role if role else None,
            sector=role.sector if role else None,
        )

    # ---- resolution
    def resolve(self, cands: Sequence[Candidate]) -> list[list[str]]:
        """Entity keys for each candidate (two for 両国/両首脳, none for unusable ones)."""
        apposed = appositions(self.text, cands)
        waiting: dict[int, int] = {}  # name index → title index
        for i, c in enumerate(cands):
            if i in apposed:
                waiting[apposed[i]] = i
                self.assign.append([])
            else:
                self.assign.append(self._resolve_one(c))
                if i in waiting:
                    self._apply_apposition(cands[waiting[i]], self.assign[-1], waiting[i])
            self._done.append(c)
        return self.assign

    def _apply_apposition(self, t: Candidate, keys: list[str], index: int) -> None:
        """A title in apposition before a name (ロシアの元外交官で…ボロンツォフ氏) describes
        that person: its role and country go to them unless the lexicon knows better."""
        if len(keys) != 1 or t.title is None:
            return
        ent = self.entities[keys[0]]
        if ent.person is None and (ent.role is None or not ent.title_ids):
            ent.role, ent.sector = t.title.role_en, t.title.sector
            if t.title_mod in ("元", "前") and ent.role:
                ent.role = f"former {ent.role}"
        ent.title_ids.add(t.title.id)
        ent.title_forms.add(t.title_text or "")
        country = country_of(t.affiliation)
        if ent.country is None and country:
            ent.country = ent.code = country
        ent.mentions.insert(0, t) if t.start < ent.mentions[0].start else ent.mentions.append(t)
        self.assign[index] = [ent.key]

    def _resolve_one(self, c: Candidate) -> list[str]:
        if c.pattern is not None and c.pattern.kind == "anaphor":
            return self._resolve_anaphor(c)
        if c.kind == "person":
            return [self._resolve_person(c)]
        if c.pattern is not None and c.pattern.kind == "anaphor":
            return self._resolve_anaphor(c)
        if c.extra.get("demonym") and c.hit is not None:
            code = c.hit.entry.code  # type: ignore[union-attr]
            country = self.lex.country_name(code)
            ent = self._entity(f"people:{code}", "group", code=code, country=code,
                               sector="civilians", role="Civilians", lexicon_id=c.hit.entry.id,
                               name_en=_body_name("Civilians", country),
                               name_ja=self.text[c.start : c.end + 1])  # fmt: skip
            return [self._add(ent, c)]
        if c.hit is not None and c.hit.kind in ("country", "capital", "abbrev"):
            code = c.hit.entry.code  # type: ignore[union-attr]
            ent = self._entity(f"state:{code}", "state", code=code, country=code, sector="government",  # noqa: E501
                               lexicon_id=c.hit.entry.id, name_en=self.lex.country_name(code),
                               name_ja=c.hit.entry.names_ja[0])  # type: ignore[union-attr]  # fmt: skip
            return [self._add(ent, c)]
        if c.hit is not None and c.hit.kind == "igo":
            g = c.hit.entry
            ent = self._entity(f"igo:{g.id}", "organisation", code=g.code, sector=g.sector,  # type: ignore[union-attr]
                               lexicon_id=g.id, name_en=g.name_en, name_ja=g.names_ja[0])  # fmt: skip  # noqa: E501
            return [self._add(ent, c)]
        if c.hit is not None and c.hit.kind == "organisation":
            o = c.hit.entry
            country = country_of(c.affiliation) if o.generic else None  # type: ignore[union-attr]
            country = country or o.country  # type: ignore[union-attr]
            if o.generic and not country:  # type: ignore[union-attr]
                country = self._context_country(c)
            code = country if acts_for_state(o.sector, o.state) else None  # type: ignore[union-attr]
            ent = self._entity(f"org:{o.id}:{country}", o.kind, code=code, country=country,  # type: ignore[union-attr]
                               sector=o.sector, lexicon_id=o.id, name_en=o.name_en,  # type: ignore[union-attr]
                               name_ja=o.names_ja[0])  # type: ignore[union-attr]  # fmt: skip
            return [self._add(ent, c)]
        if c.pattern is not None and c.pattern.kind in ("body", "group"):
            country = self._country_for(c)
            c.extra["resolved_country"] = country or ""
            pat = c.pattern
            kind = "organisation" if pat.kind == "body" else "group"
            ent = self._entity(f"{pat.kind}:{pat.id}:{country}", kind, code=country, country=country,  # noqa: E501
                               sector=pat.sector, role=pat.role_en, lexicon_id=pat.id,
                               name_en=_body_name(pat.role_en or pat.id, self.lex.country_name(country)),  # noqa: E501
                               name_ja=self.text[c.start:c.end])  # fmt: skip
            return [self._add(ent, c)]
        # GiNZA-only entities and compound names: organisations and places not in the lexicon
        name = self.text[c.start : c.end]
        country = country_of(c.affiliation) or self._inner_country(name)
        code = country if c.kind != "organisation" or acts_for_state(c.sector) else None
        ent = self._entity(f"{c.kind}:{name}", c.kind, code=code, country=country,
                           name_ja=name, sector=c.sector if c.kind == "organisation" else None)  # fmt: skip  # noqa: E501
        return [self._add(ent, c)]

    def _inner_country(self, name: str) -> str | None:
        for surface, hits in self.lex.surfaces.items():
            if len(surface) >= 2 and name.startswith(surface) and hits[0].kind == "country":
                return hits[0].entry.code  # type: ignore[union-attr]
        return None

    def _context_country(self, c: Candidate) -> str | None:
        return self.focus

    def _country_for(self, c: Candidate) -> str | None:
        """The state of a body, group or title: its affiliation, 同国, or the article's focus."""
        aff = c.affiliation
        if aff is not None and aff.pattern is not None and aff.pattern.kind == "anaphor":
            same = self._same_country(aff.start)
            return same.code if same is not None else self.focus
        code = country_of(aff)
        if code:
            return code
        if c.title_mod == "同" and c.kind != "person":
            last = self._recent(lambda e: e.kind == "state", c.start)
            return last[0].code if last else self.focus
        if c.kind == "person" or (not acts_for_state(c.sector) and c.sector != "civilians"):
            return None  # an NGO is coded only with the state the text gives it
        return self.focus

    def _resolve_anaphor(self, c: Candidate) -> list[str]:
        pid = c.pattern.id if c.pattern else ""
        if pid == "a-same-country":
            same = self._same_country(c.start)
            return [self._add(same, c)] if same is not None else []
        if pid == "a-both-countries":
            pair = self._pair_before(c.start)
            return [self._add(e, c) for e in pair]
        if pid == "a-both-leaders":
            last = self._recent(
                lambda e: (
                    e.kind == "person" and bool(e.names) and bool(e.title_ids & set(LEADER_ROLES))
                ),
                c.start,
            )[:2]
            return [self._add(e, c) for e in last] if len(last) == 2 else []
        return []

    def _same_country(self, at: int) -> Entity | None:
        """The state 同国 at ``at`` refers to: the last state named before it, passing over
        the subject of its own sentence (台湾は同国と断交: 同国 is another state)."""
        sent = max(self.text.rfind("。", 0, at), self.text.rfind("\n", 0, at)) + 1
        for e in self._recent(lambda e: e.kind == "state", at):
            if not any(sent <= m.start and m.end <= at and is_subject(self.text, m.end)
                       for m in e.mentions):  # fmt: skip
                return e
        return None

    def _pair_before(self, at: int) -> list[Entity]:
        """The two states 両国 refers to: a pair written together (ロシアと北朝鮮) in the last
        few hundred characters, else the two states named most so far."""
        states = [e for e in self.entities.values() if e.kind == "state"]
        spans = sorted(
            (
                (m.start, m.end, e)
                for e in states
                for m in e.mentions
                if m.end <= at and at - m.start < 300
            ),
            key=lambda x: x[0],
        )
        for (_s1, e1, a), (s2, _e2, b) in reversed(list(itertools.pairwise(spans))):
            if a is not b and self.text[e1:s2] in ("と", "や", "・", "、", "及び", "および", ""):
                return [a, b]
        counts = sorted(states, key=lambda e: (-sum(m.start < at for m in e.mentions), -e.last))
        top = [e for e in counts if any(m.start < at for m in e.mentions)][:2]
        return top if len(top) == 2 else []

    def _resolve_person(self, c: Candidate) -> str:
        title_id = c.title.id if c.title else None
        title = c.title_text
        country = country_of(c.affiliation)
        name = c.name
        ent: Entity | None = None
        if name:
            excluded = self._kin_of(c)
            ent = self._match_named(name, c.gloss, title_id, title, country, c.start, excluded)
        elif c.title is not None:
            ent = self._match_title(c, title_id, title, country)
        if ent is None:
            if country is None and self._speaks_for_focus(c):
                country = self.focus
            self.counter += 1
            key = f"person:new:{name or title}:{country}:{self.counter if not name else ''}"
            ent = self._entity(key, "person", code=country, country=country,
                               sector=c.title.sector if c.title else None,
                               role=c.title.role_en if c.title else None)  # fmt: skip
        if name and name not in ent.names:
            ent.names.append(name)
        if c.gloss and c.gloss not in ent.glosses:
            ent.glosses.append(c.gloss)
        if title:
            ent.title_forms.add(title)
        if title_id:
            ent.title_ids.add(title_id)
            if ent.role is None and c.title is not None:
                ent.role, ent.sector = c.title.role_en, c.title.sector
        if ent.country is None and country:
            ent.country = ent.code = country
        if c.title_mod in ("元", "前") and ent.role and not ent.role.startswith("former"):
            ent.role = f"former {ent.role}"
        return self._add(ent, c)

    def _speaks_for_focus(self, c: Candidate) -> bool:
        """Whether an unknown person with no state in the text is an official of the state
        the article is about: a state title (司令官, 政府高官, 国家保安相), not a former one."""
        if c.title is None or c.title_mod in ("元", "前"):
            return False
        if c.affiliation is not None:
            return False  # their body is named but has no state (a firm, a party abroad)
        return c.title.sector in _STATE_TITLE_SECTORS

    def _kin_of(self, c: Candidate) -> frozenset[str]:
        """Entities a name is set apart from by a kinship apposition before it:
        in キム・ジョンウン総書記の妹、キム・ヨジョン氏 the sister is not the leader."""
        m = _KIN_BEFORE.search(self.text, max(0, c.start - 12), c.start)
        if m is None or m.end() != c.start:
            return frozenset()
        return frozenset(
            key
            for cand, keys in zip(self._done, self.assign, strict=False)
            if cand.end == m.start() and cand.kind == "person"
            for key in keys
        )

    def _match_named(self, name: str, gloss: str | None, title_id: str | None, title: str | None,
                     country: str | None, at: int,
                     excluded: frozenset[str] = frozenset()) -> Entity | None:  # fmt: skip
        # 1. the same name, gloss or name part earlier in the article
        known = [h.entry for h in self.lex.surfaces.get(name, ()) if h.kind == "person"]
        full = len(_parts(name)) > 1

        def same(e: Entity) -> bool:
            if e.kind != "person" or e.key in excluded:
                return False
            if name in e.names or name in e.glosses or (gloss and gloss in e.glosses):
                return True
            if gloss and e.glosses:
                return False  # キム・ヨジョン(金与正) is not キム・ジョンウン(金正恩)
            if full and e.person is not None and known and e.person not in known:
                return False
            if full and any(len(_parts(n)) > 1 for n in e.names):
                return False  # two different full names are two people
            return any(name in _parts(n) or (full and n in _parts(name)) for n in e.names)

        earlier = self._recent(same, at + 1)
        if title_id and len(earlier) > 1:
            titled = [e for e in earlier if title_id in e.title_ids]
            earlier = titled or earlier
        if earlier:
            return earlier[0]
        # 2. the lexicon
        people = self._people_named(name) or (self._people_named(gloss) if gloss else [])
        pool = self._filter_people(people, title, country)
        if len(pool) == 1:
            return self._person_entity(pool[0], title)
        return None

    def _match_title(
        self, c: Candidate, title_id: str | None, title: str | None, country: str | None
    ) -> Entity | None:
        aff = c.affiliation
        if self.text.startswith(("ら", "たち", "達", "等"), c.end):
            return None  # 外交官らが戻った: several people, not the one named before
        if c.title_mod == "同" or (aff is None and c.title_mod is None):
            pool = self._recent(
                lambda e: (
                    e.kind == "person"
                    and (
                        title_id in e.title_ids
                        or any(f.endswith(title or "-") for f in e.title_forms)
                    )
                ),
                c.start,
            )
            if country:
                pool = [e for e in pool if e.country in (country, None)] or pool
            if pool:
                return pool[0]
        if aff is not None and aff.kind == "organisation" and country_of(aff) is None:
            return None
        state = country or (self.focus if aff is None and c.title_mod is None else None)
        if c.title_mod in ("元", "前", "次期", "新"):
            return None
        if title and state:
            pool = self._recent(
                lambda e: e.kind == "person" and title_id in e.title_ids and e.country == state,
                c.start,
            )
            if pool:
                return pool[0]
            holder = self._holder(title, state)
            if holder is not None:
                return self._person_entity(holder, title)
        return None


#: What may stand between a title and the name it describes: 元外交官で…の, 報道官、.
_APPOSITION_GAP = re.compile(r"(?:で[^、。「」\n]{0,40}?の?|、)")


def appositions(text: str, cands: Sequence[Candidate]) -> dict[int, int]:
    """Title-only mentions in apposition before a named person, by index: title → name.

    ロシアの元外交官でロシア科学アカデミー東洋学研究所のアレクサンドル・ボロンツォフ氏,
    北朝鮮外務省の報道官、キム・ヨンチョル氏: no other person stands between them.
    """
    out: dict[int, int] = {}
    for i, t in enumerate(cands):
        if t.kind != "person" or t.name or t.title is None or t.title_mod == "同":
            continue
        for j in range(i + 1, len(cands)):
            n = cands[j]
            if n.kind == "person":
                gap = text[t.end : n.start]
                if n.name and _APPOSITION_GAP.fullmatch(gap):
                    out[i] = j
                break
            if n.start - t.end > 45:
                break
    return out


#: Particles that make a noun the topic or subject of its clause.
_SUBJECT = ("は", "が", "も", "では", "としては")


def is_subject(text: str, end: int) -> bool:
    """Whether the mention ending at ``end`` is the topic or subject of its clause."""
    return text.startswith(_SUBJECT, end) and not text.startswith(("がん", "はじめ"), end)


def _body_name(role: str, country: str | None) -> str:
    return f"{role} of {country}" if country else role
