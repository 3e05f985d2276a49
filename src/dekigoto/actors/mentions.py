"""Find actor mentions: lexicon names, abbreviations, person patterns, bodies, GiNZA entities.

Find first, then decide: every finder proposes :class:`Candidate` spans with a
priority; :func:`select` keeps the best non-overlapping ones; affiliation
(``ロシア大統領府のペスコフ報道官``) is attached afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dekigoto.actors.lexicon import Hit, Lexicon, PatternEntry, acts_for_state
from dekigoto.nlp import Parse

KATA = "ァ-ヴー"
_KATA_CHAR = re.compile(f"[{KATA}]")
_KANJI_CHAR = re.compile(r"[一-龥々〆ヵヶ]")
_LATIN_CHAR = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ0-9０-９]")
#: A katakana name: words joined by ・ or ＝ (ウラジーミル・プーチン).
_KATA_NAME = re.compile(f"[ァ-ヴ][{KATA}]*(?:[・＝=][ァ-ヴ][{KATA}]*)*")
#: A kanji or hangul gloss in parentheses right after a name: キム・ジョンウン(金正恩).
_GLOSS = re.compile(r"[(（]([一-龥々가-힣]{1,6})[)）]")
#: Prefixes that qualify a title: 元大統領, 前首相, 次期大統領, 新首相, 同副外相.
_TITLE_PREFIX = ("元", "前", "次期", "新", "現")
#: An ordinal before a title: 第1外務次官.
_ORDINAL = re.compile(r"第[0-9０-９一二三四五]+")
#: Country-name suffixes that make a demonym-like prefix before a title or body (ロシア側).
_SEPARATORS = ("・", "の", "=", "＝")

#: GiNZA (Extended Named Entity) labels and the mention kind they give.
GINZA_KIND: dict[str, str] = {
    "Person": "person",
    "Country": "place",
    "City": "place",
    "Province": "place",
    "GPE_Other": "place",
    "County": "place",
    "Domestic_Region": "place",
    "Continental_Region": "place",
    "Region_Other": "place",
    "Government": "organisation",
    "International_Organization": "organisation",
    "Political_Party": "organisation",
    "Military": "organisation",
    "Company": "organisation",
    "Company_Group": "organisation",
    "Corporation_Other": "organisation",
    "Organization_Other": "organisation",
    "Show_Organization": "organisation",
    "Sports_Organization": "organisation",
    "Ethnic_Group_Other": "group",
    "Nationality": "group",
}


@dataclass
class Candidate:
    """A proposed mention with what the finder knows about it."""

    start: int
    end: int
    kind: str  # person, state, organisation, place, group
    source: str
    priority: int
    hit: Hit | None = None
    code: str | None = None  # state or IGO code, when known from the finder
    sector: str | None = None
    title: PatternEntry | None = None
    title_text: str | None = None
    title_mod: str | None = None  # 元, 前, 同…
    name: str | None = None  # a person's name as written (without gloss and title)
    name_start: int | None = None
    name_end: int | None = None
    gloss: str | None = None
    pattern: PatternEntry | None = None  # body, group or anaphor
    affiliation: Candidate | None = None
    generic: bool = False
    ner: str | None = (
        None  # NER type for scoring (人名, 地名, 政治的組織名, 法人名, その他の組織名)
    )
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class _Ctx:
    text: str
    parse: Parse
    lex: Lexicon
    ranges: list[tuple[int, int]]
    starts: set[int]
    ends: set[int]
    headline: tuple[int, int] | None


def _is(pattern: re.Pattern[str], ch: str) -> bool:
    return bool(ch) and bool(pattern.match(ch))


def _char(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else ""


def _boundary_ok(ctx: _Ctx, start: int, end: int, surface: str) -> bool:
    """Whether a lexicon surface found at ``[start, end)`` stands as a word there."""
    text = ctx.text
    before, after = _char(text, start - 1), _char(text, end)
    first, last = surface[0], surface[-1]
    if _is(_LATIN_CHAR, first) and _is(_LATIN_CHAR, before):
        return False
    if _is(_LATIN_CHAR, last) and _is(_LATIN_CHAR, after):
        return False
    if _is(_KATA_CHAR, first) and _is(_KATA_CHAR, before):
        return False
    if _is(_KATA_CHAR, last) and _is(_KATA_CHAR, after):
        return False
    if _is(_KANJI_CHAR, first) and start not in ctx.starts:
        return False
    if after == "人" and surface in ctx.lex.surfaces and _demonym(ctx.text, end):
        return True  # 日本人, 韓国人: the state is named in its demonym
    return not (_is(_KANJI_CHAR, last) and len(surface) <= 2 and end not in ctx.ends)


def _demonym(text: str, end: int) -> bool:
    """Whether ``人`` at ``end`` makes the word before it a demonym (日本人, not 日本人形)."""
    return not _is(_KANJI_CHAR, _char(text, end + 1)) or text.startswith(
        ("人選手", "人実業家", "人商人", "人軍人", "人男性", "人女性", "人学生"), end
    )


def _index(lex: Lexicon) -> dict[str, list[str]]:
    by_first: dict[str, list[str]] = {}
    for surface in lex.surfaces:
        by_first.setdefault(surface[0], []).append(surface)
    for forms in by_first.values():
        forms.sort(key=len, reverse=True)
    return by_first


_INDEX_CACHE: dict[int, dict[str, list[str]]] = {}


def _lexicon_index(lex: Lexicon) -> dict[str, list[str]]:
    key = id(lex)
    if key not in _INDEX_CACHE:
        _INDEX_CACHE[key] = _index(lex)
    return _INDEX_CACHE[key]


_HIT_KIND = {"country": "state", "capital": "place", "igo": "organisation", "organisation": "organisation", "person": "person"}  # fmt: skip  # noqa: E501


def _pick_hit(hits: Sequence[Hit]) -> Hit:
    order = {"country": 0, "igo": 1, "organisation": 2, "person": 3, "capital": 4}
    return sorted(hits, key=lambda h: order.get(h.kind, 9))[0]


def ner_of_sector(sector: str | None) -> str:
    """The stockmark NER type of a body of ``sector``: companies, outlets and schools are
    法人名, clubs and NGOs その他の組織名, bodies acting for a state 政治的組織名."""
    if sector in ("media", "business", "education"):
        return "法人名"
    if sector in ("NGO", "sports", "religion", "culture"):
        return "その他の組織名"
    return "政治的組織名"


def _ner_of_hit(hit: Hit) -> str:
    if hit.kind in ("country", "capital"):
        return "地名"
    if hit.kind == "person":
        return "人名"
    sector = getattr(hit.entry, "sector", None)
    if hit.kind == "igo":
        return "政治的組織名" if sector == "IGO" else "その他の組織名"
    return ner_of_sector(sector)


_NAME_JOINERS = "・＝="


def _inside_longer_name(ctx: _Ctx, start: int, end: int) -> bool:
    """Whether a known person's name at ``[start, end)`` is only part of a longer name.

    ディーン・[ミラー], [ユン]・モウ, [鳩山]一郎, 王[金華]: another person's name, unless
    a title or honorific follows (ミラー報道官, 鳩山氏).
    """
    text = ctx.text
    before, after = _char(text, start - 1), _char(text, end)
    if _title_after(ctx, end)[3] is not None:
        return False
    if before in _NAME_JOINERS and _is(_KATA_CHAR, _char(text, start - 2)):
        return True
    if after in _NAME_JOINERS and _is(_KATA_CHAR, _char(text, end + 1)):
        return True
    if _is(_KANJI_CHAR, text[start]):
        return _is(_KANJI_CHAR, before) or _is(_KANJI_CHAR, after)
    return False


def find_lexicon(ctx: _Ctx) -> list[Candidate]:
    """Longest lexicon names (countries, capitals, IGOs, organisations, people)."""
    index = _lexicon_index(ctx.lex)
    out: list[Candidate] = []
    text = ctx.text
    for lo, hi in ctx.ranges:
        i = lo
        while i < hi:
            found = None
            for surface in index.get(text[i], ()):
                end = i + len(surface)
                if end <= hi and text.startswith(surface, i) and _boundary_ok(ctx, i, end, surface):
                    found = surface
                    break
            if found is None:
                i += 1
                continue
            hit = _pick_hit(ctx.lex.surfaces[found])
            kind = _HIT_KIND[hit.kind]
            if kind == "person" and _inside_longer_name(ctx, i, i + len(found)):
                i += 1
                continue
            code = getattr(hit.entry, "code", None)
            cand = Candidate(
                start=i,
                end=i + len(found),
                kind=kind,
                source=f"lexicon:{hit.id}",
                priority=10,
                hit=hit,
                code=code,
                sector=getattr(hit.entry, "sector", None),
                generic=bool(getattr(hit.entry, "generic", False)),
                ner=_ner_of_hit(hit),
            )
            if kind == "person":
                cand.name, cand.name_start, cand.name_end = found, i, i + len(found)
            if kind == "state" and text.startswith("人", cand.end) and _demonym(text, cand.end):
                cand.kind, cand.sector = "group", "civilians"  # 日本人: its people, not the state
                cand.extra["demonym"] = "1"
            out.append(cand)
            i += len(found)
    return out


def _abbrev_class(lex: Lexicon) -> str:
    return "".join(sorted(k for k in lex.abbrevs if len(k) == 1))


def find_abbreviations(ctx: _Ctx, taken: Sequence[Candidate]) -> list[Candidate]:
    """Single-kanji country abbreviations in compounds (日米韓, 中露) or before a title (豪外相)."""
    chars = _abbrev_class(ctx.lex)
    if not chars:
        return []
    run = re.compile(f"[{re.escape(chars)}](?:・?[{re.escape(chars)}])*")
    covered = _covered(taken)
    out: list[Candidate] = []
    text = ctx.text
    for lo, hi in ctx.ranges:
        for m in run.finditer(text, lo, hi):
            s, e = m.start(), m.end()
            if any(k in covered for k in range(s, e)):
                continue
            before = _char(text, s - 1)
            if _is(_KANJI_CHAR, before) or before.isdigit() or _is(_KATA_CHAR, before):
                continue
            letters = [(k, text[k]) for k in range(s, e) if text[k] != "・"]
            after = text[e:hi]
            if _is(_KATA_CHAR, _char(text, e)) and any(c in "ロソ" for _, c in letters[-1:]):
                continue
            if any(c in "ロソ" for _, c in letters) and len(letters) == 1:
                continue
            if len(letters) >= 3:
                ok = True
            elif len(letters) == 2:
                ok = after.startswith(ctx.lex.compound_heads)
            else:
                ok = (
                    after.startswith(ctx.lex.single_heads)
                    or (_is(_KATA_CHAR, after[:1]) and _is(_KATA_CHAR, after[1:2]))
                    or (
                        ctx.headline is not None
                        and ctx.headline[0] <= s < ctx.headline[1]
                        and after[:1] in "「『 　、・"
                    )
                )
            if not ok:
                continue
            for k, c in letters:
                country = ctx.lex.abbrevs[c]
                out.append(
                    Candidate(
                        start=k,
                        end=k + 1,
                        kind="state",
                        source=f"abbrev:{country.id}",
                        priority=8,
                        hit=Hit("abbrev", country),
                        code=country.code,
                        ner="地名",
                    )
                )
    return out


def _covered(cands: Iterable[Candidate]) -> set[int]:
    out: set[int] = set()
    for c in cands:
        out.update(range(c.start, c.end))
    return out


def _longest(text: str, pos: int, forms: Iterable[str]) -> str | None:
    best = None
    for f in forms:
        if text.startswith(f, pos) and (best is None or len(f) > len(best)):
            best = f
    return best


@dataclass
class _TitleIndex:
    forms: dict[str, list[tuple[str, PatternEntry, str]]]  # first char → (surface, entry, kind)


_TITLE_CACHE: dict[int, _TitleIndex] = {}


def _title_index(lex: Lexicon) -> _TitleIndex:
    key = id(lex)
    if key not in _TITLE_CACHE:
        forms: dict[str, list[tuple[str, PatternEntry, str]]] = {}
        for table, kind in (
            (lex.titles, "title"),
            (lex.bodies, "body"),
            (lex.groups, "group"),
            (lex.anaphors, "anaphor"),
        ):
            for surface, entry in table.items():
                forms.setdefault(surface[0], []).append((surface, entry, kind))
        for h in lex.honorifics:
            forms.setdefault(h[0], []).append(
                (h, PatternEntry(id="h", kind="honorific", ja=[h]), "honorific")
            )
        for v in forms.values():
            v.sort(key=lambda x: len(x[0]), reverse=True)
        _TITLE_CACHE[key] = _TitleIndex(forms)
    return _TITLE_CACHE[key]


def _word_at(
    ctx: _Ctx, pos: int, kinds: Sequence[str], *, aligned: bool = True
) -> tuple[str, PatternEntry, str] | None:
    """The longest title/body/group/anaphor/honorific word starting at ``pos``."""
    idx = _title_index(ctx.lex)
    for surface, entry, kind in idx.forms.get(_char(ctx.text, pos), ()):
        if kind not in kinds or not ctx.text.startswith(surface, pos):
            continue
        end = pos + len(surface)
        if kind == "honorific":
            return surface, entry, kind
        if aligned and (pos not in ctx.starts or end not in ctx.ends):
            continue  # a title glued into a longer word (大統領選) is not a title
        return surface, entry, kind
    return None


def _title_after(
    ctx: _Ctx, pos: int
) -> tuple[int, str | None, str | None, PatternEntry | None, str | None]:
    """A title right at ``pos``: (end, modifier, abbreviation, entry, surface)."""
    text = ctx.text
    mod = None
    p = pos
    for prefix in _TITLE_PREFIX:
        if text.startswith(prefix, p):
            mod, p = prefix, p + len(prefix)
            break
    ordinal = _ORDINAL.match(text, p)
    if ordinal:
        p = ordinal.end()
    found = _word_at(ctx, p, ("title", "honorific"), aligned=False)
    if found and (
        found[2] == "honorific"
        or p + len(found[0]) in ctx.ends
        or _char(text, p + len(found[0])) in "、。・(（"
    ):
        return p + len(found[0]), mod, None, found[1], found[0]
    compound = _compound_title(ctx, p)
    if compound is not None:
        return p + len(compound[0]), mod, None, compound[1], compound[0]
    return pos, None, None, None, None


def _compound_title(ctx: _Ctx, pos: int) -> tuple[str, PatternEntry] | None:
    """A kanji compound at ``pos`` that ends in a title suffix (国家保安相, 農林水産大臣)."""
    m = re.compile(r"[一-龥々]{2,10}").match(ctx.text, pos)
    if m is None or pos not in ctx.starts:
        return None
    run = m.group()
    for cut in range(len(run), 1, -1):
        word = run[:cut]
        if pos + cut not in ctx.ends:
            continue
        for form, entry in ctx.lex.title_suffixes.items():
            if word.endswith(form) and len(word) > len(form):
                title = PatternEntry(
                    id=entry.id, kind="title", ja=[word], role_en=entry.role_en, sector=entry.sector
                )
                return word, title
    return None


def _names_a_place(ctx: _Ctx, start: int, end: int) -> bool:
    """Whether a word of a ・-joined katakana name is a place (a team or company name)."""
    pos = start
    for part in re.split(r"([・＝=])", ctx.text[start:end]):
        if part and part not in _NAME_JOINERS:
            hits = ctx.lex.surfaces.get(part, ())
            if any(h.kind in ("country", "capital") for h in hits):
                return True
            toks = ctx.parse.tokens_in(pos, pos + len(part))
            if toks and all("地名" in t.tag for t in toks) and "・" in ctx.text[start:end]:
                return True
        pos += len(part)
    return False


def _part_tokens(ctx: _Ctx, start: int, end: int) -> list[list]:
    """The tokens of each word of a ・-joined katakana name, or [] when the parse splits
    a word across the joiners."""
    out = []
    pos = start
    for part in re.split(r"([・＝=])", ctx.text[start:end]):
        if part and part not in _NAME_JOINERS:
            if pos not in ctx.starts or pos + len(part) not in ctx.ends:
                return []
            out.append(ctx.parse.tokens_in(pos, pos + len(part)))
        pos += len(part)
    return out


def _given_name_first(ctx: _Ctx, start: int, end: int) -> bool:
    """Whether a ・-joined katakana name opens with a word the dictionary knows as a
    person name (アルフレッド・マーシャル): the later words may be places or common words."""
    parts = _part_tokens(ctx, start, end)
    return len(parts) >= 2 and len(parts[0]) == 1 and "人名" in parts[0][0].tag


def _name_parts(ctx: _Ctx, start: int, end: int) -> bool:
    """Whether a ・-joined katakana name has a word the dictionary knows as a person name
    and no word that is a place (ヴィンチェンツォ・ランチア, マハトマ・ガンディー)."""
    parts = _part_tokens(ctx, start, end)
    if len(parts) < 2:
        return False
    tags = [t.tag for toks in parts for t in toks]
    return any("人名" in t for t in tags) and not any("地名" in t for t in tags)


def find_people(ctx: _Ctx, taken: Sequence[Candidate]) -> list[Candidate]:
    """Katakana names, Sudachi person-name tokens and GiNZA persons, with gloss and title."""
    text = ctx.text
    out: list[Candidate] = []
    nonperson = [c for c in taken if c.kind != "person"]
    blocked = _covered(nonperson)
    names: list[tuple[int, int, str]] = []
    for lo, hi in ctx.ranges:
        for m in _KATA_NAME.finditer(text, lo, hi):
            s, e = m.start(), m.end()
            if _is(_KATA_CHAR, _char(text, s - 1)) or any(k in blocked for k in range(s, e)):
                continue
            names.append((s, e, "katakana"))
    # kanji names: consecutive Sudachi 人名 tokens
    toks = ctx.parse.tokens
    k = 0
    while k < len(toks):
        if "人名" in toks[k].tag and _is(_KANJI_CHAR, toks[k].text[:1]):
            j = k
            while (
                j + 1 < len(toks)
                and "人名" in toks[j + 1].tag
                and toks[j + 1].start == toks[j].end
                and toks[j + 1].sent == toks[k].sent
            ):
                j += 1
            s, e = toks[k].start, toks[j].end
            if not any(x in blocked for x in range(s, e)):
                names.append((s, e, "kanji"))
            k = j + 1
        else:
            k += 1
    # names the people lexicon knows: they take a gloss and a title too (潘基文事務総長)
    have = {(s, e) for s, e, _ in names}
    known: set[tuple[int, int]] = set()
    for c in taken:
        if c.kind == "person" and c.hit is not None:
            known.add((c.start, c.end))
            if (c.start, c.end) not in have:
                how = "katakana" if _is(_KATA_CHAR, text[c.start]) else "kanji"
                names.append((c.start, c.end, how))
    ginza_persons = [(en.start, en.end) for en in ctx.parse.entities if en.label == "Person"]
    widened: list[tuple[int, int, str, bool]] = []
    for s, e, how in names:
        over = [(gs, ge) for gs, ge in ginza_persons if gs < e and s < ge]
        if (s, e) in known:  # a known name is already whole (潘基文, not 潘基文事務)
            widened.append((s, e, how, bool(over)))
            continue
        if over:
            # GiNZA saw more of the name (バーニー・サンダース, 鳩山一郎): take the union
            gs = min([s] + [g[0] for g in over])
            ge = max([e] + [g[1] for g in over])
            if not any(k in blocked for k in range(gs, ge)) and "\n" not in text[gs:ge]:
                s, e = gs, ge
        widened.append((s, e, how, bool(over)))
    for s, e, how, is_ginza in widened:
        name = text[s:e]
        pos = e
        gloss = None
        g = _GLOSS.match(text, pos)
        if g:
            gloss, pos = g.group(1), g.end()
        tend, mod, _abbr, title, tsurface = _title_after(ctx, pos)
        # a country between name and title: ダウナー豪外相, ジョン・ハワード豪首相
        country_mid = None
        if title is None:
            for c in taken:
                if c.start == pos and c.kind == "state":
                    t2 = _title_after(ctx, c.end)
                    if t2[3] is not None and t2[3].kind == "title":
                        country_mid = c
                        tend, mod, _abbr, title, tsurface = t2
                    break
            if title is None:
                ab = ctx.lex.abbrevs.get(_char(text, pos))
                if ab is not None:
                    t2 = _title_after(ctx, pos + 1)
                    if t2[3] is not None and t2[3].kind == "title":
                        country_mid = Candidate(
                            pos,
                            pos + 1,
                            "state",
                            f"abbrev:{ab.id}",
                            8,
                            Hit("abbrev", ab),
                            ab.code,
                            ner="地名",
                        )
                        tend, mod, _abbr, title, tsurface = t2
        in_lexicon = name in ctx.lex.surfaces and any(
            h.kind == "person" for h in ctx.lex.surfaces[name]
        )
        given = how == "katakana" and _given_name_first(ctx, s, e)
        if (
            title is None
            and not gloss
            and not in_lexicon
            and not given
            and _names_a_place(ctx, s, e)
        ):
            continue  # ボルチモア・レイブンズ, バイエルン・ミュンヘン: a team, not a person
        if not gloss and not in_lexicon and org_word_in(ctx.lex, name):
            continue  # クーデター・グループ, 東武グループ: a group or a firm
        known_part = name in ctx.lex.person_parts
        if title is None and not gloss and not in_lexicon:
            if how == "katakana" and not (
                (is_ginza and (known_part or "・" in name)) or given or _name_parts(ctx, s, e)
            ):
                continue
            if how == "kanji" and not is_ginza:
                continue
        if how == "katakana" and title is None and not gloss and len(name) < 3 and not in_lexicon:
            continue
        cand = Candidate(
            start=s,
            end=tend if title is not None else pos,
            kind="person",
            source=f"pattern:person-{how}" + ("-title" if title is not None else ""),
            priority=12 if (title is not None or gloss or in_lexicon) else 6,
            name=name,
            name_start=s,
            name_end=e,
            gloss=gloss,
            ner="人名",
        )
        if title is not None and title.kind == "title":
            cand.title, cand.title_text, cand.title_mod = title, tsurface, mod
            cand.sector = title.sector
        elif title is not None:
            cand.extra["honorific"] = tsurface or ""
        if country_mid is not None:
            cand.affiliation = country_mid
            out.append(country_mid)
        out.append(cand)
    return out


def find_titles_and_bodies(ctx: _Ctx, taken: Sequence[Candidate]) -> list[Candidate]:
    """Titles alone (総書記, 同副外相), generic bodies (政府, 外務省), groups and anaphors."""
    text = ctx.text
    covered = _covered(taken)
    out: list[Candidate] = []
    for lo, hi in ctx.ranges:
        i = lo
        while i < hi:
            if i in covered:
                i += 1
                continue
            mod = None
            p = i
            if text.startswith("同", i) and not text.startswith("同国", i) and i in ctx.starts:
                mod, p = "同", i + 1
            else:
                for prefix in _TITLE_PREFIX:
                    if text.startswith(prefix, i) and i in ctx.starts:
                        mod, p = prefix, i + len(prefix)
                        break
            found = _word_at(ctx, p, ("title", "body", "group", "anaphor"), aligned=mod is None)
            if found is None and mod is not None:
                mod, p = None, i
                found = _word_at(ctx, p, ("title", "body", "group", "anaphor"))
            if found is None:
                i += 1
                continue
            surface, entry, kind = found
            end = p + len(surface)
            if any(k in covered for k in range(i, end)) or end > hi:
                i += 1
                continue
            if kind == "title" and _is(_KANJI_CHAR, _char(text, end)):
                i = end
                continue
            if kind == "title":
                cand = Candidate(
                    i,
                    end,
                    "person",
                    f"pattern:{entry.id}",
                    5,
                    title=entry,
                    title_text=surface,
                    title_mod=mod,
                    sector=entry.sector,
                )
            elif kind == "body":
                cand = Candidate(
                    i,
                    end,
                    "organisation",
                    f"pattern:{entry.id}",
                    5,
                    pattern=entry,
                    sector=entry.sector,
                    title_mod=mod,
                )
            elif kind == "group":
                cand = Candidate(
                    i,
                    end,
                    "group",
                    f"pattern:{entry.id}",
                    5,
                    pattern=entry,
                    sector=entry.sector,
                    title_mod=mod,
                )
            else:
                akind = "person" if entry.id == "a-both-leaders" else "state"
                cand = Candidate(i, end, akind, f"pattern:{entry.id}", 5, pattern=entry)
            out.append(cand)
            i = end
    return out


_COMPOUND_POS = ("NOUN", "PROPN", "NUM")
#: Words that end in a political suffix but name no body (病院 ends in 院, 今朝 in 朝).
_NOT_BODIES = (
    "病院",
    "寺院",
    "神社",
    "会社",
    "本社",
    "支社",
    "各社",
    "同社",
    "他社",
    "自社",
    "商社",
    "子会社",
    "親会社",
    "大学院",
    "今朝",
    "翌朝",
    "早朝",
    "毎朝",
    "王朝",
    "本局",
    "同党",
    "両党",
    "各省",
    "各党",
    "全軍",
    "米軍",
    "自軍",
    "敵軍",
)


#: Words that end an address after a place name: 丁目, 番地 (京都市伏見区京町北8丁目77).
_ADDRESS_WORDS = ("丁目", "番地", "番", "号", "-", "−", "の")


def _compound_start(ctx: _Ctx, k: int) -> int:
    """First token of the noun compound that ends at token ``k``.

    It stops at dates and adverbial nouns (1941年7月海軍, ため河合谷村) and at a ・
    that coordinates two kanji names (海軍・郵政庁, 山梨県・静岡県).
    """
    toks = ctx.parse.tokens
    tok = toks[k]
    j = k
    while j > 0:
        prev = toks[j - 1]
        if prev.sent != tok.sent or prev.end != toks[j].start:
            break
        if prev.text == "・":
            if j - 2 < 0 or not _is(_KATA_CHAR, toks[j - 2].text[-1:]):
                break
            if not _is(_KATA_CHAR, toks[j].text[:1]):
                break  # Jリーグ・栃木SC: a katakana word before a kanji name is a list item
        elif (
            prev.pos not in _COMPOUND_POS
            or prev.text in ("同", "両", "各", "全", "本")
            or "副詞可能" in prev.tag
            or "助数詞" in prev.tag
        ):
            break
        j -= 1
    while j < k and toks[j].text == "・":
        j += 1
    return j


def _compound_end(ctx: _Ctx, k: int, *, address: bool = True) -> int | None:
    """Last token of a place compound whose suffix is token ``k``: address parts after
    it are kept (四つ木, 8丁目77); None when a common noun follows (メルボルン市交響楽団)."""
    toks = ctx.parse.tokens
    last = k
    while last + 1 < len(toks):
        nxt = toks[last + 1]
        if nxt.start != toks[last].end or nxt.sent != toks[k].sent:
            break
        if address and ("地名" in nxt.tag or nxt.pos == "NUM" or nxt.text in _ADDRESS_WORDS):
            last += 1
            continue
        if "接尾辞" in nxt.tag and len(nxt.text) == 1:
            last += 1 if address else 0
            break
        if nxt.pos in ("NOUN", "PROPN"):
            return None
        break
    while last > k and toks[last].text in ("の", "-", "−"):
        last -= 1
    return last


def find_compounds(ctx: _Ctx, taken: Sequence[Candidate]) -> list[Candidate]:
    """Compound names closed by a political or place suffix (国勢調査局, 東京都葛飾区).

    The noun compound before the suffix must hold a known name (a state, a GiNZA
    entity) or be at least two tokens long; a state inside becomes the affiliation.
    """
    toks = ctx.parse.tokens
    ent_cover = _covered(
        Candidate(en.start, en.end, "", "", 0) for en in ctx.parse.entities if en.label in GINZA_NER
    )
    out: list[Candidate] = []
    in_range = _covered(Candidate(s, e, "", "", 0) for s, e in ctx.ranges)
    for k, tok in enumerate(toks):
        if tok.start not in in_range:
            continue
        for suffixes, kind in (
            (ctx.lex.org_suffixes, "organisation"),
            (ctx.lex.place_suffixes, "place"),
        ):
            if not tok.text.endswith(suffixes) or (
                tok.pos not in _COMPOUND_POS and not tok.tag.startswith("名詞")
            ):
                continue
            if "サ変" in tok.tag and tok.text not in suffixes:
                continue  # 開局, 結党: an action noun, not a name
            j = _compound_start(ctx, k)
            last = _compound_end(ctx, k) if kind == "place" else k
            if last is None:
                continue  # the compound goes on (自民党岡山県連, 八路軍晋察冀軍区)
            if kind == "place":
                while j < k and "固有名詞" not in toks[j].tag:
                    j += 1  # 首都ベオグラード, 本社上海: the place starts at its name
            elif toks[j].text in _TITLE_PREFIX:
                j += 1
            start, end = toks[j].start, toks[last].end
            surface = ctx.text[start:end]
            if surface.endswith(_NOT_BODIES) or end - start < 2:
                continue
            inner = [
                c
                for c in taken
                if start <= c.start and c.end <= end and (c.start, c.end) != (start, end)
            ]
            crossing = any(c.start < end < c.end and c.start >= start for c in taken)
            named_by_lexicon = any(
                c.end == end and c.hit is not None and c.kind != "state" for c in inner
            )
            state_body = any(
                c.end == end
                and c.pattern is not None
                and any(d.end == c.start and d.kind == "state" for d in inner)
                for c in inner
            )
            covered_by_name = any(
                c.start <= start and end <= c.end and c.hit is not None for c in taken
            )
            if (
                crossing
                or covered_by_name
                or named_by_lexicon
                or state_body
                or any(c.start == start and c.end == end for c in taken)
            ):
                continue  # already named by the lexicon or a body (米国務省, ロシア軍)
            named = any(c.kind in ("state", "place", "person") for c in inner) or any(
                x in ent_cover for x in range(start, end - len(tok.text))
            )
            if j == k and kind == "organisation" and "固有名詞" in tok.tag:
                named = True  # 栃木SC, バアス党: one proper noun closed by the suffix
            elif j == k or (not named and k - j < 1):
                continue
            if kind == "place" and not named:
                continue
            suffix = ctx.lex.suffix_entry(surface) if kind == "organisation" else None
            sector = suffix.sector if suffix is not None else None
            if (
                suffix is not None
                and not acts_for_state(sector)
                and not (named or _proper_inside(ctx, j, k))
            ):
                continue  # 地元テレビ, 国営通信: a kind of outlet, not a name
            cand = Candidate(
                start, end, kind, f"pattern:compound-{kind}", 11,
                ner=(suffix.ner_type or ner_of_sector(sector)) if suffix is not None else "地名",
                sector=sector,
            )  # fmt: skip
            states = [c for c in inner if c.kind == "state"]
            if states:
                cand.affiliation = states[0]
            out.append(cand)
            break
    return out


def _proper_inside(ctx: _Ctx, j: int, k: int) -> bool:
    """Whether tokens ``j..k-1`` hold a proper noun, a katakana word or a Latin name."""
    return any(
        "固有名詞" in t.tag or _is(_KATA_CHAR, t.text[:1]) or _is(_LATIN_CHAR, t.text[:1])
        for t in ctx.parse.tokens[j:k]
    )


def org_word_in(lex: Lexicon, name: str) -> bool:
    """Whether a katakana compound holds a word that makes it a group, team or firm
    (クーデター・グループ, ギブソン・ギター・コーポレーション): it names no person."""
    parts = [p for p in re.split(r"[・＝=]", name) if p]
    if any(p in lex.org_words for p in parts) or name.endswith(lex.org_words):
        return True
    entry = lex.suffix_entry(name)  # ノリッジ・シティFC: a club suffix written in Latin letters
    return entry is not None and not acts_for_state(entry.sector) and name[-1:].isascii()


def _person_like(ctx: _Ctx, start: int, end: int) -> bool:
    """Whether a GiNZA person span is made of words the dictionary knows as names.

    GiNZA labels companies, teams, places and common nouns as persons (トヨタ自動車,
    磐田, 近代詩); a span counts only when at least one of its words is a person
    name for Sudachi and none is a place or another proper noun.
    """
    toks = ctx.parse.tokens_in(start, end)
    tags = [t.tag for t in toks]
    if not tags or not any("人名" in t for t in tags):
        return False
    if org_word_in(ctx.lex, ctx.text[start:end]):
        return False
    return not any(("固有名詞" in t and "人名" not in t) for t in tags)


def _trim_common_head(ctx: _Ctx, start: int, end: int) -> int:
    """Start of a GiNZA name without the common nouns written before it
    (首都ベオグラード, 本社上海): they qualify the name, they are not part of it."""
    toks = ctx.parse.tokens_in(start, end)
    k = 0
    while k < len(toks) - 1 and "普通名詞" in toks[k].tag and toks[k].start >= start:
        k += 1
    if k and any("固有名詞" in t.tag for t in toks[k:]):
        return toks[k].start
    return start


def _name_like(ctx: _Ctx, start: int, end: int, *, strict: bool = True) -> bool:
    """Whether a GiNZA organisation span reads as a name: no suffix of kind or grade at
    its end (大陸間弾道ミサイル級, 火星18型 are no organisations) and, when ``strict``
    (political bodies), a proper noun or a Latin acronym in it or a political suffix
    closing it."""
    toks = ctx.parse.tokens_in(start, end)
    if not toks or ("接尾辞" in toks[-1].tag and toks[-1].text in _KIND_SUFFIXES):
        return False
    surface = ctx.text[start:end]
    if not strict and all("普通名詞" in t.tag for t in toks):
        return False  # マスコットキャラクター: common nouns name no firm
    return (
        not strict
        or any("固有名詞" in t.tag for t in toks)
        or bool(_LATIN_CHAR.search(surface))
        or surface.endswith(ctx.lex.political_suffixes)
    )


#: Suffixes that make a common noun a kind, grade or make, not a body (ICBM級, 18型, 米国製).
_KIND_SUFFIXES = ("級", "型", "製", "系", "式", "産", "用", "級品")


def find_ginza(ctx: _Ctx, skip: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """GiNZA entities of the kinds actors can be, as low-priority candidates."""
    out: list[Candidate] = []
    for en in ctx.parse.entities:
        kind = GINZA_KIND.get(en.label)
        if kind is None or any(s < en.end and en.start < e for s, e in skip):
            continue
        if kind == "person" and not _person_like(ctx, en.start, en.end):
            continue
        start = en.start
        if kind == "place":
            start = _trim_common_head(ctx, en.start, en.end)
        if kind == "organisation" and not _name_like(
            ctx, en.start, en.end, strict=GINZA_NER.get(en.label) == "政治的組織名"
        ):
            continue
        sector = GINZA_SECTOR.get(en.label)
        if kind == "organisation":
            suffix = ctx.lex.suffix_entry(ctx.text[start : en.end])
            if suffix is not None and (sector == "business" or not acts_for_state(suffix.sector)):
                sector = suffix.sector  # 朝日新聞 (media), 山口大学 (a school)
        out.append(
            Candidate(
                start,
                en.end,
                kind,
                f"ginza:{en.label}",
                1,
                ner=ginza_ner(en.label),
                sector=sector,
                name=ctx.text[start : en.end] if kind == "person" else None,
                name_start=start if kind == "person" else None,
                name_end=en.end if kind == "person" else None,
            )
        )
    return out


#: GiNZA organisation label → sector (firms, clubs and shows never act for a state).
GINZA_SECTOR: dict[str, str] = {
    "Government": "government",
    "International_Organization": "IGO",
    "Political_Party": "party",
    "Military": "military",
    "Company": "business",
    "Company_Group": "business",
    "Corporation_Other": "business",
    "Show_Organization": "culture",
    "Sports_Organization": "sports",
}


#: GiNZA label → stockmark NER type (the plain-GiNZA baseline of ``evaluation.ner``).
GINZA_NER: dict[str, str] = {
    "Person": "人名",
    "Country": "地名",
    "City": "地名",
    "Province": "地名",
    "GPE_Other": "地名",
    "County": "地名",
    "Domestic_Region": "地名",
    "Continental_Region": "地名",
    "Region_Other": "地名",
    "Location_Other": "地名",
    "Government": "政治的組織名",
    "International_Organization": "政治的組織名",
    "Political_Party": "政治的組織名",
    "Military": "政治的組織名",
    "Company": "法人名",
    "Company_Group": "法人名",
    "Corporation_Other": "法人名",
    "Organization_Other": "その他の組織名",
    "Show_Organization": "その他の組織名",
    "Sports_Organization": "その他の組織名",
    "Ethnic_Group_Other": "その他の組織名",
}


def ginza_ner(label: str) -> str | None:
    """The stockmark NER type of a GiNZA label (None: not one of the scored types)."""
    return GINZA_NER.get(label)


def select(cands: Sequence[Candidate]) -> list[Candidate]:
    """Keep the best non-overlapping candidates: higher priority, then longer, then earlier."""
    chosen: list[Candidate] = []
    used: set[int] = set()
    for c in sorted(cands, key=lambda c: (-c.priority, -c.length, c.start)):
        span = range(c.start, c.end)
        if any(k in used for k in span):
            continue
        chosen.append(c)
        used.update(span)
    return sorted(chosen, key=lambda c: (c.start, c.end))


def _glued(ctx: _Ctx, pos: int, step: int, edges: set[int]) -> bool:
    """Whether a foreign word is written onto a name at ``pos`` (``step`` -1: before it)."""
    text = ctx.text
    ch = _char(text, pos if step > 0 else pos - 1)
    if pos in edges:
        return False
    if _is(_KATA_CHAR, ch) or _is(_LATIN_CHAR, ch):
        return True
    if ch in _NAME_JOINERS:
        nxt = pos + 1 if step > 0 else pos - 1
        return _is(_KATA_CHAR, _char(text, nxt if step > 0 else nxt - 1)) and nxt not in edges
    return False


def _drop_glued_places(ctx: _Ctx, chosen: list[Candidate]) -> list[Candidate]:
    """Drop states and places written into a longer foreign name with no break:
    カターレ富山, ミネソタ・ユナイテッドFC, ツール・ド・フランス, 日本マイクロソフト (a team,
    a race, a company). A neighbouring mention (アメリカ・ニューヨーク) is no such name."""
    starts = {c.start for c in chosen}
    ends = {c.end for c in chosen}
    out = []
    for c in chosen:
        if (
            c.kind in ("state", "place")
            and not c.source.startswith(("abbrev:", "pattern:"))
            and (_glued(ctx, c.start, -1, ends) or _glued(ctx, c.end, 1, starts))
        ):
            continue
        out.append(c)
    return out


#: A time zone named by a state: 日本時間15日, 日本時間の午前8時.
_ZONE = re.compile(r"時間(?:[0-9０-９(（]|の?(?:午前|午後|正午|未明|早朝|朝|夜))")


def _clock_zone(ctx: _Ctx, c: Candidate, skip: Sequence[tuple[int, int]]) -> bool:
    """Whether a state names a time zone (日本時間15日午前8時), not an actor."""
    if c.kind not in ("state", "place") or not ctx.text.startswith("時間", c.end):
        return False
    return any(s <= c.start and c.end <= e for s, e in skip) or bool(_ZONE.match(ctx.text, c.end))


def _merge_bodies(ctx: _Ctx, cands: list[Candidate]) -> list[Candidate]:
    """Country + body is one organisation (韓国政府, 同国軍部); the country stays inside."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            c.kind in ("organisation", "group")
            and c.pattern is not None
            and prev is not None
            and prev.kind == "state"
            and prev.end == c.start
        ):
            c.affiliation = prev
            c.extra["prefix"] = ctx.text[prev.start : prev.end]
        out.append(c)
    return out


def _affiliation_left(ctx: _Ctx, c: Candidate, chosen: list[Candidate], k: int) -> Candidate | None:
    """The state or organisation a mention belongs to, written right before it.

    ``ロシア大統領`` (adjacent), ``北朝鮮の朴吉淵国連大使`` (の), ``アメリカ・ホワイトハウスの``
    (a chain), ``ロシア科学アカデミー東洋学研究所のアレクサンドル・ボロンツォフ氏`` (a state
    opening the noun phrase before の).
    """
    text = ctx.text
    pos = c.start
    sent = ctx.parse.sentence_at(c.start)
    floor = sent.start if sent else 0
    j = k - 1
    best: Candidate | None = None
    while j >= 0:
        prev = chosen[j]
        gap = text[prev.end : pos]
        if prev.end < floor:
            break
        if gap == "" or gap in _SEPARATORS:
            if prev.kind in ("state", "organisation") or (
                prev.hit is not None and prev.hit.kind == "capital"
            ):
                return prev
            if prev.kind == "person":
                return None
            pos = prev.start
            j -= 1
            continue
        if (
            gap.endswith("の")
            and len(gap) <= 20
            and not re.search(r"[、。はがをにでとも「」]|から|まで", gap[:-1])
        ):
            if prev.kind in ("state", "organisation") and best is None:
                best = prev
            break
        break
    return best


def attach_affiliations(ctx: _Ctx, chosen: list[Candidate]) -> None:
    """Set ``affiliation`` on people, bodies and groups from what precedes them."""
    for k, c in enumerate(chosen):
        if c.affiliation is not None or c.kind not in ("person", "organisation", "group"):
            continue
        if c.kind == "organisation" and c.code is not None:
            continue
        if (
            c.kind == "organisation"
            and c.hit is not None
            and not c.generic
            and getattr(c.hit.entry, "country", None)
        ):
            continue
        c.affiliation = _affiliation_left(ctx, c, chosen, k)


def find_candidates(
    text: str,
    parse: Parse,
    lex: Lexicon,
    *,
    ranges: Sequence[tuple[int, int]] | None = None,
    headline: tuple[int, int] | None = None,
    skip: Sequence[tuple[int, int]] = (),
) -> list[Candidate]:
    """Every mention of ``text`` (already parsed as ``parse``), non-overlapping, in text order.

    ``ranges``: the stretches to read (default: the whole text); ``skip``: spans
    known to be something else (time expressions), where GiNZA entities are ignored.
    """
    if ranges is None:
        ranges = [(0, len(text))]
    ctx = _Ctx(
        text=text,
        parse=parse,
        lex=lex,
        ranges=list(ranges),
        starts={t.start for t in parse.tokens},
        ends={t.end for t in parse.tokens},
        headline=headline,
    )
    lexical = find_lexicon(ctx)
    abbrevs = find_abbreviations(ctx, lexical)
    people = find_people(ctx, lexical + abbrevs)
    first = select(lexical + abbrevs + people)
    rest = find_titles_and_bodies(ctx, first)
    compounds = find_compounds(ctx, first + rest)
    chosen = select(first + rest + compounds + find_ginza(ctx, skip))
    chosen = _drop_glued_places(ctx, chosen)
    chosen = [c for c in chosen if not _clock_zone(ctx, c, skip)]
    chosen = _merge_bodies(ctx, chosen)
    attach_affiliations(ctx, chosen)
    return chosen
