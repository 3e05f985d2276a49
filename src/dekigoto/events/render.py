"""English one-line summaries, PLOVER scores and quad classes of events."""

from __future__ import annotations

from dekigoto.document import Document
from dekigoto.events.entries import Lexicon
from dekigoto.models import ActorRef, Event

#: English verb (base, past) of each type, and of modes that read differently.
_VERBS: dict[str, tuple[str, str]] = {
    "AGREE": ("agree with", "agreed with"),
    "CONSULT": ("meet", "met"),
    "CONSULT/visit": ("visit", "visited"),
    "CONSULT/phone": ("hold a phone call with", "held a phone call with"),
    "CONSULT/multilateral": ("attend talks with", "attended talks with"),
    "SUPPORT": ("support", "supported"),
    "CONCEDE": ("make concessions to", "made concessions to"),
    "COOPERATE": ("cooperate with", "cooperated with"),
    "AID": ("give aid to", "gave aid to"),
    "RETREAT": ("back down before", "backed down before"),
    "RETREAT/resign": ("resign", "resigned"),
    "REQUEST": ("make a request to", "made a request to"),
    "ACCUSE": ("accuse", "accused"),
    "ACCUSE/disapprove": ("criticise", "criticised"),
    "ACCUSE/investigate": ("investigate", "investigated"),
    "REJECT": ("reject", "rejected"),
    "THREATEN": ("threaten", "threatened"),
    "PROTEST": ("protest against", "protested against"),
    "SANCTION": ("sanction", "sanctioned"),
    "MOBILIZE": ("mobilise against", "mobilised against"),
    "MOBILIZE/weapons": ("test or launch weapons against", "tested or launched weapons against"),
    "COERCE": ("coerce", "coerced"),
    "COERCE/arrest": ("arrest", "arrested"),
    "COERCE/seize": ("seize power from", "seized power from"),
    "COERCE/cyber": ("launch cyber attacks on", "launched cyber attacks on"),
    "ASSAULT": ("attack", "attacked"),
}


def _names(doc: Document, refs: list[ActorRef]) -> str:
    out = []
    for r in refs:
        actor = doc.actor_by_id(r.actor_id)
        if actor is not None and actor.kind != "state" and r.code:
            state = next((a for a in doc.actors if a.code == r.code and a.kind == "state"), None)
            out.append(f"{state.name} ({r.name})" if state and state.name != r.name else r.name)
        else:
            out.append(r.name)
    return " and ".join(out) if out else "someone"


def summary(doc: Document, event: Event) -> str:
    """One English line: who does what to whom, how sure, type/mode, status, date."""
    base, past = _VERBS.get(f"{event.type}/{event.mode}") or _VERBS[event.type]
    if not event.recipient:
        base = base.removesuffix(" with").removesuffix(" to").removesuffix(" against")
        base = base.removesuffix(" on").removesuffix(" from").removesuffix(" before")
        past = past.removesuffix(" with").removesuffix(" to").removesuffix(" against")
        past = past.removesuffix(" on").removesuffix(" from").removesuffix(" before")
    actor = _names(doc, event.actor)
    recipient = (" " + _names(doc, event.recipient)) if event.recipient else ""
    phrase = {
        "occurred": f"{actor} {past}{recipient}",
        "planned": f"{actor} is expected to {base}{recipient}",
        "possible": f"{actor} may {base}{recipient}",
        "claimed": f"{actor} {past}{recipient}",
        "negated": f"{actor} did not {base}{recipient}",
    }[event.status]
    if event.status == "claimed" and event.claimed_by is not None:
        phrase += f", according to {event.claimed_by.name}"
    what = event.type + (f"/{event.mode}" if event.mode else "")
    parts = [what, event.status] + ([event.date] if event.date else [])
    return f"{phrase} — {', '.join(parts)}"


def score_and_quad(event: Event, lex: Lexicon) -> tuple[float | None, int | None]:
    """The PLOVER score (mode-specific where the codebook has one) and quad class."""
    kind = lex.plover.get(event.type)
    if kind is None:
        return None, None
    score = kind.modes.get(event.mode or "", kind.score)
    return float(score), kind.quad
