"""Who said it: the subject or topic of the speech predicate, its name forms, setting and actor."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dekigoto.document import Document
from dekigoto.models import Mention, Speaker
from dekigoto.nlp import Parse, Token
from dekigoto.quotes.lexicon import SpeechLexicon

_SUBJECT_DEPS = ("nsubj", "csubj", "nsubj:pass")
_TOPIC_ENDINGS = ("は", "が", "も", "は、", "が、", "も、")
#: A full speaker phrase longer than this is cut to its last two phrases (bunsetsu).
MAX_NAME_CHARS = 40
_CONNECTORS = "・=＝"
#: A foreign personal name written in katakana with a middle dot (シェフィク・ドゥラク).
_FOREIGN_NAME = re.compile(r"[ァ-ヴー]+[・=][ァ-ヴー]+$")
#: A bracketed note after a name: 古角俊郎氏(86歳)は.
_NOTE = re.compile(r"[(（][^()（）]*[)）]")


@dataclass(frozen=True)
class SpeakerPhrase:
    """The speaker as found in the text: head token, compact name and full phrase."""

    head: int
    start: int
    end: int
    compact: str
    full: str
    person: bool


def _bunsetsu_span(parse: Parse, token: Token) -> tuple[int, int]:
    if token.bunsetsu < 0:
        return token.start, token.end
    b = parse.bunsetsu[token.bunsetsu]
    return b.start, b.end


def _is_subject(parse: Parse, token: Token) -> bool:
    if token.dep not in _SUBJECT_DEPS or token.pos not in ("NOUN", "PROPN", "PRON"):
        return False
    return _ending(parse, token) in _TOPIC_ENDINGS


def subject_token(parse: Parse, predicate: int, skip: list[tuple[int, int]]) -> Token | None:
    """The subject/topic of ``predicate`` (or of a clause it belongs to) before it.

    Climbs from the predicate to the sentence root and takes, at the lowest level
    that has one, the leftmost subject that precedes the predicate and lies
    outside the ``skip`` spans (the quoted text). A subject that the parser
    attached into the quoted text from outside it is the speaker too.
    """
    pred = parse.tokens[predicate]
    sent = parse.sentence_tokens(pred.sent)

    def outside(t: Token) -> bool:
        return t.start < pred.start and not any(s <= t.start < e for s, e in skip)

    for level in [pred, *parse.ancestors(predicate)]:
        subjects = [
            t
            for t in sent
            if t.head == level.i and t.i != level.i and outside(t) and _is_subject(parse, t)
        ]
        if subjects:
            return subjects[0]
    into = [
        t
        for t in sent
        if outside(t)
        and _is_subject(parse, t)
        and any(s <= parse.tokens[t.head].start < e for s, e in skip)
    ]
    return into[-1] if into else None


def _ending(parse: Parse, token: Token) -> str:
    """What follows ``token`` in its bunsetsu (the particles after a noun), minus (…) notes."""
    _, end = _bunsetsu_span(parse, token)
    return _NOTE.sub("", parse.text[token.end : end]).strip()


def is_topic(parse: Parse, token: Token) -> bool:
    """A noun marked as the topic (X は, X も) that ends its phrase."""
    if token.pos not in ("NOUN", "PROPN", "PRON"):
        return False
    return _ending(parse, token).rstrip("、") in ("は", "も")


def clause_boundaries(parse: Parse, start: int, end: int) -> list[int]:
    """Offsets of 、 that close a clause (after a verb, auxiliary or conjunctive particle)."""
    out: list[int] = []
    for t in parse.tokens_in(start, end):
        if t.text == "、" and t.i > 0:
            prev = parse.tokens[t.i - 1]
            if prev.pos in ("VERB", "AUX", "SCONJ", "CCONJ", "ADV") or prev.dep in (
                "fixed",
                "mark",
            ):
                out.append(t.end)
    return out


def topic_before(parse: Parse, start: int, end: int, skip: list[tuple[int, int]]) -> Token | None:
    """The topic that a statement ending at ``end`` is about (its speaker).

    Takes the leftmost topic after the last clause boundary before ``end``;
    failing that, the leftmost topic since ``start`` (a sentence topic scopes
    over the clauses that follow it).
    """
    topics = [
        t
        for t in parse.tokens_in(start, end)
        if t.end <= end and not any(s <= t.start < e for s, e in skip) and is_topic(parse, t)
    ]
    if not topics:
        return None
    bounds = clause_boundaries(parse, start, end)
    last = bounds[-1] if bounds else start
    after = [t for t in topics if t.start >= last]
    return after[0] if after else topics[0]


def is_agent(doc: Document, lex: SpeechLexicon, token: Token) -> bool:
    """Whether the noun phrase headed by ``token`` names someone who can speak.

    A person title or body suffix (報道官, 政府…), a GiNZA entity of a speaking
    kind, or an actor mention; not an abstract topic (因果関係は…).
    """
    parse = doc.parse
    assert parse is not None
    start, _ = _bunsetsu_span(parse, token)
    name = parse.text[start : token.end]
    if lex.is_person_title(name) or lex.is_body(name) or _FOREIGN_NAME.search(name):
        return True
    if any(m.start < token.end and m.end > start for m in doc.mentions):
        return True
    return any(
        e.start < token.end and e.end > start and any(k in e.label for k in lex.agent_entities)
        for e in parse.entities
    )


def speaker_phrase(parse: Parse, lex: SpeechLexicon, head: Token) -> SpeakerPhrase:
    """Name forms of the speaker whose head noun is ``head``."""
    text = parse.text
    b_start, _ = _bunsetsu_span(parse, head)
    compact = text[b_start : head.end].strip("、 ")
    if "、" in compact:
        b_start += compact.rindex("、") + 1
        compact = compact[compact.rindex("、") + 1 :]
    # the full noun phrase: the subtree of the head that precedes it, contiguous
    subtree = [t for t in parse.subtree(head.i) if t.i <= head.i]
    first = head.i
    for t in reversed(subtree):
        if t.i == first - 1 or t.i == first:
            first = t.i
    start = parse.tokens[first].start
    # do not start inside a clause: cut after the last 、 or clause-final word
    phrase_bunsetsu = sorted({t.bunsetsu for t in subtree if t.i >= first and t.bunsetsu >= 0})
    full = text[start : head.end]
    if "、" in full:
        cut = full.rindex("、") + 1
        start += cut
        full = full[cut:]
    if len(full) > MAX_NAME_CHARS and len(phrase_bunsetsu) >= 2:
        start = max(start, parse.bunsetsu[phrase_bunsetsu[-2]].start)
        full = text[start : head.end]
    person = lex.is_person_title(compact) or any(
        e.label == "Person" and e.start < head.end and e.end > b_start for e in parse.entities
    )
    return SpeakerPhrase(head.i, start, head.end, compact, full, person)


def _proper_name(parse: Parse, phrase: SpeakerPhrase) -> str:
    """The proper-noun part of the compact name (ペスコフ of ペスコフ報道官), or ''."""
    head = parse.tokens[phrase.head]
    start, _ = _bunsetsu_span(parse, head)
    names = [t for t in parse.tokens_in(start, head.end) if t.pos == "PROPN"]
    if not names:
        return ""
    return parse.text[names[0].start : names[-1].end].strip(_CONNECTORS)


def _mention_of(doc: Document, phrase: SpeakerPhrase) -> Mention | None:
    """The actor mention that is the speaker: the one holding the head, else the last inside."""
    head = doc.parse.tokens[phrase.head] if doc.parse else None
    inside = [m for m in doc.mentions if m.start >= phrase.start and m.end <= phrase.end]
    if head is not None:
        holding = [m for m in doc.mentions if m.start <= head.start < m.end]
        if holding:
            return max(holding, key=lambda m: m.end - m.start)
    resolved = [m for m in inside if m.actor_id]
    return resolved[-1] if resolved else (inside[-1] if inside else None)


def make_speaker(doc: Document, lex: SpeechLexicon, phrase: SpeakerPhrase) -> Speaker:
    """The :class:`Speaker` record: name as written, other forms, and the actor's code and names."""
    name = phrase.compact
    bare = _proper_name(doc.parse, phrase) if doc.parse is not None else ""
    if not phrase.person and phrase.full != name:
        name = phrase.full
    elif lex.titles and any(phrase.compact == t for t in lex.titles):
        name = phrase.full  # an unnamed spokesperson: keep the body (NSC…の報道官)
    forms = [phrase.compact, phrase.full, bare]
    # a foreign name written with ・: the family name alone is a form too
    if "・" in bare:
        forms.append(bare.rsplit("・", 1)[1])
    code = name_en = role = actor_id = None
    mention = _mention_of(doc, phrase)
    if mention is not None:
        actor = doc.actor_by_id(mention.actor_id)
        forms.append(mention.text)
        if actor is not None:
            code = actor.code or actor.country
            name_en, role, actor_id = actor.name, actor.role, actor.id
            forms.extend([actor.name_ja, *(m.text for m in actor.mentions)])
    mentions: list[str] = []
    for form in forms:
        if form and form != name and form not in mentions:
            mentions.append(form)
    return Speaker(
        name=name, mentions=mentions, code=code, name_en=name_en, role=role, actor_id=actor_id
    )


def setting_of(
    parse: Parse, lex: SpeechLexicon, start: int, predicate: int, skip: list[tuple[int, int]]
) -> str | None:
    """The occasion of the statement (記者会見で, NHKのインタビューに対し…).

    A phrase between ``start`` (the speaker, or the sentence start) and the
    predicate that depends on the predicate, ends in a setting case (で, に対し…)
    and holds a setting noun; the nearest to the predicate wins.
    """
    pred = parse.tokens[predicate]
    under = {t.i for t in parse.subtree(predicate)} | {t.i for t in parse.ancestors(predicate)}
    found: str | None = None
    for b in parse.bunsetsu:
        if b.start < start or b.end > pred.start or any(s <= b.start < e for s, e in skip):
            continue
        # the phrase depends on the predicate (or, misparsed, on a word of the quote)
        head_of = parse.tokens[parse.tokens[b.head].head]
        if head_of.i not in under and not any(s <= head_of.start < e for s, e in skip):
            continue
        text = parse.text[b.start : b.end].rstrip("、 ")
        if not any(text.endswith(c) for c in lex.setting_cases):
            continue
        # the setting noun may sit in this phrase or in its modifiers (動画の中で)
        sub = [t for t in parse.subtree(b.head) if t.start >= start and t.end <= b.end]
        first = min((t.start for t in sub), default=b.start)
        if any(s <= first < e for s, e in skip):
            first = b.start
        phrase = parse.text[first : b.end].rstrip("、 ")
        if "、" in phrase:
            phrase = phrase[phrase.rindex("、") + 1 :]
        if "」" in phrase or "「" in phrase:
            continue  # runs into another quote
        if any(noun in phrase for noun in lex.settings):
            found = phrase
    return found
