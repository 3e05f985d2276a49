"""Participants that the article supplies when a clause names none.

An event whose clause names its actor but not its target ("食料を提供するという
考えを示した") is usually aimed at the other party of the article's dyad (the
two states an article about Russia and North Korea keeps naming), or at the
party the same actor addressed just before.
"""

from __future__ import annotations

from collections import Counter

from dekigoto.document import Document
from dekigoto.models import ActorRef, Event, Mention

#: Organisation sectors that do not make an article about their state (media, firms…).
_COUNTED_SECTORS = {None, "government", "military", "party", "legislature", "judiciary", "police"}
#: The second state of a dyad needs at least this share of the first one's weight.
_DYAD_SHARE = 0.4
#: …and at least this many mentions.
_DYAD_MIN = 3
#: An article is about one country when that country has this share of the weight.
_SINGLE_SHARE = 0.7
#: Sectors of uncoded actors that never stand for the article's country.
_FOREIGN_SECTORS = {"media", "business", "sports", "education", "IGO", "NGO"}
#: Sectors that make an uncoded person an agent of the state (an officer, not a private person).
_STATE_SECTORS = {"government", "military", "party", "legislature", "judiciary", "police"}


def _weights(doc: Document) -> Counter[str]:
    head = next((b for b in doc.blocks if b.kind == "headline"), None)
    lead = next((b for b in doc.blocks if b.kind == "paragraph"), None)
    weights: Counter[str] = Counter()
    for m in doc.mentions:
        actor = doc.actor_by_id(m.actor_id)
        if actor is None or not actor.code or len(actor.code) != 3 or actor.kind == "place":
            continue
        if actor.kind == "organisation" and actor.sector not in _COUNTED_SECTORS:
            continue
        w = 1
        if head is not None and head.start <= m.start < head.end:
            w = 3
        elif lead is not None and lead.start <= m.start < lead.end:
            w = 2
        weights[actor.code] += w
    return weights


def article_dyad(doc: Document) -> tuple[str, str] | None:
    """The two states the article is about, when it is about two (RUS and PRK), else None."""
    weights = _weights(doc)
    top = weights.most_common(3)
    if len(top) < 2:
        return None
    (a, wa), (b, wb) = top[0], top[1]
    if wb < _DYAD_MIN or wb < _DYAD_SHARE * wa:
        return None
    if len(top) == 3 and top[2][1] >= 0.8 * wb:
        return None  # three parties of like weight: no dyad
    if not {a, b} <= _opening_codes(doc):
        return None  # both must be named in the headline or the lead
    return (a, b)


def _opening_codes(doc: Document) -> set[str]:
    lead = next((b for b in doc.blocks if b.kind == "paragraph"), None)
    end = lead.end if lead is not None else doc.body_start
    out = set()
    for m in doc.mentions_in(0, end):
        actor = doc.actor_by_id(m.actor_id)
        if actor is not None and actor.code:
            out.add(actor.code)
    return out


def _ref(doc: Document, code: str) -> ActorRef:
    actor = next((a for a in doc.actors if a.code == code and a.kind == "state"), None)
    if actor is None:
        actor = next((a for a in doc.actors if a.code == code), None)
    name = actor.name if actor and actor.kind == "state" else code
    return ActorRef(code=code, name=name, actor_id=actor.id if actor else None)


def dyad_partner(
    doc: Document, actor: list[ActorRef], dyad: tuple[str, str] | None
) -> list[ActorRef]:
    """The other member of the article's dyad when the actor is one of its members."""
    if dyad is None:
        return []
    codes = {r.code for r in actor if r.code}
    if len(codes & set(dyad)) != 1:
        return []
    other = dyad[1] if dyad[0] in codes else dyad[0]
    return [_ref(doc, other)]


def previous_target(
    events: list[Event], actor: list[ActorRef], block: int, blocks_of: dict[str, int]
) -> list[ActorRef]:
    """The recipient of the last earlier event of the same actor in this or the previous block."""
    codes = {r.code for r in actor if r.code}
    for ev in reversed(events):
        if block - blocks_of.get(ev.id, -10) > 1:
            break
        if codes and codes == {r.code for r in ev.actor if r.code} and ev.recipient:
            return [r for r in ev.recipient if r.code not in codes]
    return []


def single_country(doc: Document) -> str | None:
    """The state an article is about when it is about one state only (a coup in Thailand)."""
    weights = _weights(doc)
    if not weights:
        return None
    code, weight = weights.most_common(1)[0]
    if weight < _SINGLE_SHARE * sum(weights.values()) or article_dyad(doc) is not None:
        return None
    return code


def uncoded_ref(doc: Document, mention: Mention) -> ActorRef | None:
    """The article's one country for a mention the actor stage could not code.

    An unknown council, or an officer without a known country, in an article about
    one state, most likely belongs to that state; media, firms and IGOs never do,
    and neither does a private person (a singer, a company chairman).
    """
    if mention.kind not in {"organisation", "person", "group"}:
        return None
    actor = doc.actor_by_id(mention.actor_id)
    if actor is None or actor.code or actor.sector in _FOREIGN_SECTORS:
        return None
    if mention.kind == "person" and actor.sector not in _STATE_SECTORS:
        return None
    code = single_country(doc)
    if code is None:
        return None
    return ActorRef(code=code, name=actor.name, actor_id=actor.id)
