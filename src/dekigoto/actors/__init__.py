"""Actors stage: mentions of people, states and organisations, coreference, codes, English names.

Reads: text, blocks, parse, dct. Writes: mentions, actors.

Public helpers for later stages: :func:`focus_country` (the state an article is
about), :func:`code_of_span` (the actors written in a span) and
:func:`code_phrase` (the code of a bare noun phrase such as 軍 or 同国政府).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from dekigoto.actors.coref import Entity, Resolver, country_of, is_subject
from dekigoto.actors.lexicon import Lexicon, get_lexicon
from dekigoto.actors.mentions import Candidate, find_candidates
from dekigoto.actors.naming import romanise_name
from dekigoto.document import Document
from dekigoto.models import Actor, ActorRef, Mention, Span

REQUIRES: tuple[str, ...] = ("text", "blocks", "parse", "dct")
ASSIGNS: tuple[str, ...] = ("mentions", "actors")

__all__ = ["ASSIGNS", "REQUIRES", "code_of_span", "code_phrase", "focus_country", "run"]

#: Sectors whose mentions say what an article is about (media and NGOs do not).
_FOCUS_SECTORS = (None, "government", "military", "party", "legislature", "judiciary", "police")


def run(doc: Document, options) -> None:
    """Find, corefer and code the actors of ``doc``."""
    doc.mentions, doc.actors = [], []
    if doc.parse is None:
        return
    lex = get_lexicon(tuple(getattr(options, "lexicons", ()) or ()))
    headline = next(((b.start, b.end) for b in doc.blocks if b.kind == "headline"), None)
    ranges = [(b.start, b.end) for b in doc.blocks if b.kind != "citations"]
    skip = [(t.start, t.end) for t in doc.timexes]
    cands = find_candidates(doc.text, doc.parse, lex, ranges=ranges, headline=headline, skip=skip)
    focus = _focus(doc, ((c.start, c.end, _candidate_country(c)) for c in cands if _counts(c)))
    day = doc.dct or doc.published
    resolver = Resolver(lex, day, focus, doc.text)
    keys = resolver.resolve(cands)
    ids: dict[str, str] = {}
    live = [k for k in resolver.order if resolver.entities[k].mentions]
    for key in sorted(live, key=lambda k: min(c.start for c in resolver.entities[k].mentions)):
        ids[key] = f"a{len(ids) + 1}"
    for c, ks in zip(cands, keys, strict=True):
        for k in ks:
            doc.mentions.append(
                Mention(
                    text=doc.text[c.start : c.end],
                    start=c.start,
                    end=c.end,
                    actor_id=ids.get(k),
                    kind=c.kind,  # type: ignore[arg-type]
                    source=c.source,
                )
            )
    doc.actors = [_actor(resolver.entities[k], ids[k], doc.text, lex) for k in ids]


def _counts(c: Candidate) -> bool:
    if c.kind == "place" and (c.hit is None or c.hit.kind != "capital"):
        return False
    if c.pattern is not None and c.pattern.kind in ("anaphor", "group"):
        return False
    return c.sector in _FOCUS_SECTORS or c.kind == "state"


def _candidate_country(c: Candidate) -> str | None:
    if c.hit is not None and c.hit.kind == "person":
        return getattr(c.hit.entry, "country", None)
    if c.hit is not None and c.hit.kind == "igo":
        return None
    return country_of(c)


#: Particles after a state or place that make it the scene of the main event (フィジーで).
_SCENE = ("で", "にて", "では")
#: Sentences of the first paragraph that make the lead.
_LEAD_SENTENCES = 2


def _lead(doc: Document) -> tuple[int, int] | None:
    """The lead: the first sentences of the first paragraph."""
    para = next((b for b in doc.blocks if b.kind == "paragraph"), None)
    if para is None:
        return None
    end = para.end
    if doc.parse is not None:
        sents = [s for s in doc.parse.sentences if para.start <= s.start < para.end]
        if len(sents) > _LEAD_SENTENCES:
            end = sents[_LEAD_SENTENCES].start
    return (para.start, end)


def _focus(doc: Document, pairs: Iterable[tuple[int, int, str | None]]) -> str | None:
    """The state an article is about: the one most named in the headline and lead, a state
    named as the scene of the event (フィジーで, 首都ポート・オブ・スペインで) weighing
    more; then the one most named anywhere."""
    head = next((b for b in doc.blocks if b.kind == "headline"), None)
    lead = _lead(doc)
    scores: Counter[str] = Counter()
    first: dict[str, int] = {}
    total: Counter[str] = Counter()
    for start, end, code in pairs:
        if not code:
            continue
        first.setdefault(code, start)
        total[code] += 1
        weight = 0
        if head is not None and head.start <= start < head.end:
            weight = 3
        elif lead is not None and lead[0] <= start < lead[1]:
            weight = 2
        if weight and doc.text.startswith(_SCENE, end):
            weight += 2
        scores[code] += weight
    pool = +scores or total
    if not pool:
        return None
    return min(pool, key=lambda c: (-pool[c], -total[c], first[c]))


def focus_country(doc: Document) -> str | None:
    """The state the article is about (ISO alpha-3), from the actors in its headline and lead."""
    pairs = []
    for m in doc.mentions:
        actor = doc.actor_by_id(m.actor_id)
        if actor is None or actor.kind == "group" or (actor.kind == "place"):
            continue
        if actor.sector not in _FOCUS_SECTORS and actor.kind != "state":
            continue
        pairs.append(
            (
                m.start,
                m.end,
                actor.country if actor.kind != "organisation" or actor.sector != "IGO" else None,
            )
        )
    return _focus(doc, pairs)


def code_of_span(doc: Document, start: int, end: int) -> list[ActorRef]:
    """The actors mentioned inside ``[start, end)``, in text order, one ref per actor."""
    out: list[ActorRef] = []
    seen: set[str] = set()
    for m in doc.mentions_in(start, end):
        actor = doc.actor_by_id(m.actor_id)
        if actor is None or actor.id in seen:
            continue
        seen.add(actor.id)
        out.append(ActorRef(code=actor.code, name=actor.name, actor_id=actor.id))
    return out


def code_phrase(doc: Document, phrase: str, at: int | None = None) -> str | None:
    """The code of a bare noun phrase (軍, 政府, 同国軍部, 市民, デモ隊, 治安当局, 米政府).

    A state named in the phrase wins; 同国 is the last state mentioned before
    ``at``; otherwise a generic body or group is the state the article is about.
    """
    lex = get_lexicon()
    for surface in sorted(lex.surfaces, key=len, reverse=True):
        if surface in phrase:
            hit = lex.surfaces[surface][0]
            if hit.kind in ("country", "capital"):
                return hit.entry.code  # type: ignore[union-attr]
            if hit.kind == "igo":
                return hit.entry.code  # type: ignore[union-attr]
            if hit.kind == "organisation" and hit.entry.country:  # type: ignore[union-attr]
                return hit.entry.country  # type: ignore[union-attr]
    if phrase[:1] in lex.abbrevs and len(phrase) > 1:
        return lex.abbrevs[phrase[0]].code
    if "同国" in phrase and at is not None:
        sent = max(doc.text.rfind("。", 0, at), doc.text.rfind("\n", 0, at)) + 1
        states = [m for m in doc.mentions if m.end <= at and m.kind == "state"]
        subjects = {m.actor_id for m in states if m.start >= sent and is_subject(doc.text, m.end)}
        for m in reversed(states):
            actor = doc.actor_by_id(m.actor_id)
            if actor is not None and actor.code and m.actor_id not in subjects:
                return actor.code
    if any(form in phrase for form in (*lex.bodies, *lex.groups)) or "同国" in phrase:
        return focus_country(doc)
    return None


def _actor(ent: Entity, actor_id: str, text: str, lex: Lexicon) -> Actor:
    spans = [Span(text=text[c.start : c.end], start=c.start, end=c.end) for c in ent.mentions]
    first = ent.mentions[0]
    name_ja = ent.name_ja or (ent.names[0] if ent.names else text[first.start : first.end])
    if ent.kind == "person" and ent.names:
        name_ja = max(ent.names, key=len) if ent.person is None else name_ja
    name, romanised = ent.name_en, False
    if name is None:
        name, romanised = _fallback_name(ent, lex)
    kind = (
        ent.kind
        if ent.kind in ("person", "state", "organisation", "place", "group")
        else "organisation"
    )
    return Actor(
        id=actor_id,
        code=ent.code,
        name=name,
        name_ja=name_ja,
        kind=kind,  # type: ignore[arg-type]
        sector=ent.sector,
        role=ent.role,
        country=ent.country,
        wikidata=ent.person.wikidata if ent.person is not None else None,
        romanised=romanised,
        lexicon_id=ent.lexicon_id,
        mentions=spans,
    )


def _fallback_name(ent: Entity, lex: Lexicon) -> tuple[str, bool]:
    """English name for an entity the lexicon does not know."""
    kata = [n for n in ent.names if all("ァ" <= ch <= "ヺ" or ch in "ー・＝=" for ch in n)]
    if kata:
        return romanise_name(max(kata, key=len)), True
    country = lex.country_name(ent.country)
    if ent.kind == "person" and ent.role:
        return (f"{ent.role} ({country})" if country else ent.role), False
    if ent.names:
        return ent.names[0], True
    return (ent.name_ja or "unknown"), True


def _unused(day: dt.date | None) -> None:  # pragma: no cover - keeps the import typed
    del day
