"""Who an article says is behind an attack (発信元は北朝鮮, 北朝鮮の犯行).

The ``attribution`` cue section holds the words: scope ``before`` when the
state follows the word (発信元は北朝鮮), ``after`` when it precedes it
(北朝鮮の犯行, 北朝鮮から発信). A sufferer's event with no attacker named in its
clause takes the state the article attributes the attack to.
"""

from __future__ import annotations

from dataclasses import dataclass

from dekigoto.document import Document
from dekigoto.events.entries import Lexicon
from dekigoto.models import ActorRef, Quote


@dataclass(frozen=True)
class Attribution:
    """One attribution: the state named, where the words stand, and the cue."""

    ref: ActorRef
    start: int
    end: int
    cue: str


def attributions(doc: Document, lex: Lexicon) -> list[Attribution]:
    """Every attribution of the article to a coded state, in text order."""
    out: list[Attribution] = []
    states = [m for m in doc.mentions if m.kind == "state"]
    for form, cue in lex.cue_forms("attribution"):
        pos = doc.text.find(form)
        while pos >= 0:
            end = pos + len(form)
            for m in states:
                if (cue.scope == "before" and m.start == end) or (
                    cue.scope == "after" and m.end == pos
                ):
                    actor = doc.actor_by_id(m.actor_id)
                    if actor is not None and actor.code:
                        ref = ActorRef(code=actor.code, name=actor.name, actor_id=actor.id)
                        out.append(Attribution(ref, min(pos, m.start), max(end, m.end), cue.id))
            pos = doc.text.find(form, end)
    return sorted(out, key=lambda a: a.start)


def attributing_quotes(doc: Document, attrs: list[Attribution]) -> list[tuple[Attribution, Quote]]:
    """Attributions a coded speaker makes of an attack to another state: accusations
    (米政府当局者は「サイバー攻撃の発信元は北朝鮮」と述べた → USA accuses PRK)."""
    out = []
    for a in attrs:
        quote = next((q for q in doc.quotes if q.start <= a.start and a.end <= q.end), None)
        if quote is None or quote.speaker is None or not quote.speaker.code:
            continue
        if quote.speaker.code != a.ref.code:
            out.append((a, quote))
    return out
