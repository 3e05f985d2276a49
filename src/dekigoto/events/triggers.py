"""Find trigger words (event predicates and nouns) in the parse.

A trigger form matches a run of tokens when it equals their surfaces, their
lemmas, or their surfaces with the last token's lemma (会談を行う matches
会談を行った). The longest form starting at a token wins; matches do not
overlap. Compounds that name no event (世論調査, 支援団体) are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from dekigoto.events.entries import Lexicon, Trigger
from dekigoto.nlp import Parse, Token

#: Longest form, in tokens.
MAX_FORM_TOKENS = 7
_NOUNISH = {"NOUN", "PROPN", "NUM"}


@dataclass(frozen=True)
class TriggerMatch:
    """One trigger occurrence: tokens ``first..last`` of sentence ``sent``."""

    entry: Trigger
    first: int
    last: int
    sent: int

    @property
    def head(self) -> int:
        """The token that carries the trigger's dependencies (its last token)."""
        return self.last


def _index(lex: Lexicon) -> dict[str, Trigger]:
    index: dict[str, Trigger] = {}
    for entry in lex.triggers:
        for form in entry.forms:
            index.setdefault(form, entry)
    return index


def _spellings(tokens: list[Token]) -> set[str]:
    surface = "".join(t.text for t in tokens)
    lemma = "".join(t.lemma for t in tokens)
    mixed = "".join(t.text for t in tokens[:-1]) + tokens[-1].lemma
    return {surface, lemma, mixed}


def compound_span(parse: Parse, first: int, last: int) -> tuple[int, int]:
    """The noun compound around tokens ``first..last`` (same bunsetsu, nouns only)."""
    toks = parse.tokens
    b = toks[last].bunsetsu
    lo, hi = first, last
    while lo - 1 >= 0 and toks[lo - 1].bunsetsu == b and toks[lo - 1].pos in _NOUNISH | {"SYM"}:
        lo -= 1
    while hi + 1 < len(toks) and toks[hi + 1].bunsetsu == b and toks[hi + 1].pos in _NOUNISH:
        hi += 1
    return lo, hi


def _blocked(parse: Parse, first: int, last: int, lex: Lexicon) -> bool:
    """True when the trigger is part of a compound or phrase that names no event."""
    toks = parse.tokens
    lo, hi = compound_span(parse, first, last)
    compound = "".join(t.text for t in toks[lo : hi + 1])
    if any(form in compound for form in lex.words("block") if len(form) > 2 or form == compound):
        return True
    # a blocked compound the parser split across phrases (戦闘|攻撃機)
    start, end = toks[first].start, toks[last].end
    window = parse.text[max(0, start - 6) : end + 6]
    offset = max(0, start - 6)
    for form in lex.words("block"):
        if len(form) <= 2:
            continue
        pos = window.find(form)
        while pos >= 0:
            s, e = offset + pos, offset + pos + len(form)
            if (s < end and e > start) or s == end:
                return True
            pos = window.find(form, pos + 1)
    # a trigger noun that modifies another noun names that noun's kind, not an event
    if hi > last:
        tail = "".join(t.text for t in toks[last + 1 : hi + 1])
        if tail not in lex.words("event_head") and toks[hi].lemma not in lex.words("event_head"):
            return True
    # a name of a show, a match, a disaster…: look at the nouns the trigger hangs on
    titles = {f for c in lex.cues.get("block", ()) if c.id == "block.title" for f in c.forms}
    cur = toks[last]
    for _ in range(3):
        if cur.head == cur.i:
            break
        cur = toks[cur.head]
        if cur.pos in _NOUNISH and cur.text in titles:
            return True
    return False


def find_triggers(parse: Parse, lex: Lexicon) -> list[TriggerMatch]:
    """Every trigger occurrence in the parse, in text order."""
    index = _index(lex)
    out: list[TriggerMatch] = []
    for sent in parse.sentences:
        i = sent.first
        while i <= sent.last:
            found: TriggerMatch | None = None
            for j in range(min(sent.last, i + MAX_FORM_TOKENS - 1), i - 1, -1):
                toks = parse.tokens[i : j + 1]
                for spelling in _spellings(toks):
                    entry = index.get(spelling)
                    if entry is not None:
                        found = TriggerMatch(entry=entry, first=i, last=j, sent=sent.i)
                        break
                if found:
                    break
            if found is None:
                i += 1
                continue
            i = found.last + 1
            if _blocked(parse, found.first, found.last, lex):
                continue
            out.append(found)
    return out
