"""Lists of states and the plural words that refer back to them.

A list is a run of two or more coded state mentions joined by 、, と, や or ・
(アメリカ合衆国、インド、オーストラリア、韓国、中国、日本). A plural word of the
``plural`` cue section (6カ国, 各国, 両国) stands for the last list before it:
with a count, the last list of that many states.
"""

from __future__ import annotations

import re

from dekigoto.document import Document
from dekigoto.events.entries import Lexicon
from dekigoto.models import ActorRef, Mention

_JOINERS = {"、", "と", "や", "・", "および", "及び"}
_KANJI_NUM = {"二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NUMBER = re.compile(r"([0-9０-９]+|[二三四五六七八九十]+)$")
#: What may stand between a plural word and the trigger it is the party of.
_LINKS = ("", "の", "は", "が", "も", "による", "間の", "間で", "の間で", "で")
#: A plural word closed by these is the subject of a later predicate of its sentence.
_SUBJECT = ("は", "が")
#: Words after the plural subject that open a clause of another subject.
_OTHER_SUBJECT = ("は", "が、", "が")


def _count(text: str) -> int | None:
    m = _NUMBER.search(text)
    if m is None:
        return None
    digits = m.group(1)
    if digits[0] in _KANJI_NUM:
        return _KANJI_NUM.get(digits) if len(digits) == 1 else None
    return int(digits.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def _ref(doc: Document, mention: Mention) -> ActorRef | None:
    actor = doc.actor_by_id(mention.actor_id)
    if actor is None or not actor.code or mention.kind != "state":
        return None
    return ActorRef(code=actor.code, name=actor.name, actor_id=actor.id)


def state_lists(doc: Document, before: int) -> list[list[ActorRef]]:
    """Lists of two or more coded states that end before ``before``, in text order."""
    out: list[list[ActorRef]] = []
    run: list[ActorRef] = []
    last_end = -1
    for m in sorted(doc.mentions_in(0, before), key=lambda m: m.start):
        ref = _ref(doc, m)
        if ref is None:
            continue
        if run and doc.text[last_end : m.start] in _JOINERS:
            if all(r.code != ref.code for r in run):
                run.append(ref)
        else:
            if len(run) >= 2:
                out.append(run)
            run = [ref]
        last_end = m.end
    if len(run) >= 2:
        out.append(run)
    return out


def plural_refs(
    doc: Document, lex: Lexicon, start: int, end: int, sent_start: int
) -> list[ActorRef]:
    """The states a plural word right before or inside ``[start, end)`` stands for.

    The word must end at most a case marker before the trigger (6カ国協議) or
    be a subject marked は or が earlier in the sentence (各国は…合意した).
    """
    best: tuple[int, int, str] | None = None  # (word start, word end, cue scope)
    window = doc.text[sent_start:end]
    for form, cue in lex.cue_forms("plural"):
        pos = window.rfind(form)
        while pos >= 0:
            w_start, w_end = sent_start + pos, sent_start + pos + len(form)
            between = doc.text[w_end:start]
            subject = (
                between[:1] in _SUBJECT
                and w_end <= start
                and not any(w in between[1:] for w in _OTHER_SUBJECT)
            )
            if w_end <= start and between not in _LINKS and not subject:
                pos = window.rfind(form, 0, pos)
                continue
            if best is None or w_start > best[0]:
                best = (w_start, w_end, cue.scope or "set")
            break
    if best is None:
        return []
    w_start, _, scope = best
    lists = state_lists(doc, w_start)
    if scope == "count":
        n = _count(doc.text[max(0, w_start - 4) : w_start])
        lists = [lst for lst in lists if len(lst) == n] if n else []
    return list(lists[-1]) if lists else []
