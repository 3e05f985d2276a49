"""Find direct and indirect quotes in the paragraphs of a parsed document.

Find first, then resolve: candidates (content span, speech predicate, subject)
are collected in text order; speakers are then resolved in order so that a
quote with a zero subject continues the speaker of the quote just before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from dekigoto.document import Document
from dekigoto.models import Quote, Speaker
from dekigoto.nlp import Parse, Token
from dekigoto.quotes.lexicon import SpeechLexicon
from dekigoto.quotes.predicate import Predicate, find_predicate, window
from dekigoto.quotes.speaker import (
    SpeakerPhrase,
    clause_boundaries,
    is_agent,
    make_speaker,
    setting_of,
    speaker_phrase,
    subject_token,
    topic_before,
)

OPEN, CLOSE = "「", "」"
TITLE = ("『", "』")
#: A quote with a zero subject continues the speaker of a quote at most this many sentences back.
CONTINUE_SENTENCES = 1
_PREDICATE_POS = ("VERB", "AUX", "ADJ")
#: GiNZA entity labels of a date or time that may open an indirect quote's content.
_DATE_LABELS = ("Date", "Time", "Day_Of_Week", "Period_Day", "Period_Time", "Timex_Other")
_AFTER_DATE = re.compile(r"(?:には|に|は|、)*")
#: Shorter indirect content is a fragment, not a statement.
MIN_INDIRECT_CHARS = 5


@dataclass
class _Candidate:
    kind: str
    start: int
    end: int
    predicate: Predicate
    first_sent: int
    sent: int
    block: int
    subject: Token | None
    skip: list[tuple[int, int]]


@dataclass(frozen=True)
class Sentences:
    """Sentences of the paragraphs, split at 。 outside brackets (a quote stays whole)."""

    spans: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str, ranges: list[tuple[int, int]]) -> Sentences:
        spans: list[tuple[int, int]] = []
        for start, end in ranges:
            depth, first = 0, start
            for i in range(start, end):
                ch = text[i]
                depth += (ch == OPEN) - (ch == CLOSE and depth > 0)
                if ch in "。！？" and depth == 0:
                    spans.append((first, i + 1))
                    first = i + 1
            if first < end:
                spans.append((first, end))
        return cls(spans)

    def index(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the last one before it, if between)."""
        return max(bisect.bisect_right([s for s, _ in self.spans], offset) - 1, 0)

    def start(self, offset: int) -> int:
        """Start of the sentence holding ``offset``."""
        return self.spans[self.index(offset)][0] if self.spans else 0


def bracket_pairs(
    text: str, start: int, end: int, *, pair: tuple[str, str] = (OPEN, CLOSE)
) -> Iterator[tuple[int, int]]:
    """Offsets of each outermost opening bracket and its match in ``text[start:end]``."""
    depth, opened = 0, -1
    for i in range(start, end):
        ch = text[i]
        if ch == pair[0]:
            if depth == 0:
                opened = i
            depth += 1
        elif ch == pair[1] and depth > 0:
            depth -= 1
            if depth == 0:
                yield opened, i


def _content_head(parse: Parse, open_: int, close: int) -> Token | None:
    """The token inside the brackets whose head lies outside them (the content's root)."""
    inside = [t for t in parse.tokens_in(open_ + 1, close) if t.text not in (OPEN, CLOSE)]
    if not inside:
        return None
    last_sent = inside[-1].sent
    for t in reversed(inside):
        if t.sent != last_sent:
            break
        head = parse.tokens[t.head]
        if t.head == t.i or not open_ < head.start < close:
            return t
    return inside[-1]


def _direct(parse: Parse, lex: SpeechLexicon, open_: int, close: int) -> Predicate | None:
    match = lex.particle.match(parse.text, close + 1)
    if match is None:
        return None
    head = _content_head(parse, open_, close)
    if head is None:
        return None
    return find_predicate(parse, lex, head.i, match.end(), before=close + 1)


def _announced(parse: Parse, lex: SpeechLexicon, open_: int) -> Predicate | None:
    """A bracket after 「…は次のように述べた。」: the predicate of that sentence."""
    before = parse.text[:open_].rstrip()
    if not before.endswith("。"):
        return None
    sent = parse.sentence_at(len(before) - 1)
    if sent is None:
        return None
    match = lex.announce.search(parse.text, sent.start, sent.end)
    token = parse.token_at(match.end()) if match else None
    if token is None:
        return None
    verb = lex.verb_at(window(parse, token))
    if verb is None:
        return None
    return Predicate(verb.lemma, verb.kind, verb.indirect, verb.person_only, token.i, verb.id)


def _direct_candidates(
    doc: Document, lex: SpeechLexicon, block: int, sents: Sentences
) -> Iterator[_Candidate]:
    parse = doc.parse
    assert parse is not None
    b = doc.blocks[block]
    titles = list(bracket_pairs(doc.text, b.start, b.end, pair=TITLE))
    for open_, close in bracket_pairs(doc.text, b.start, b.end):
        if close - open_ < 2 or any(o < open_ < c for o, c in titles):
            continue  # empty, or part of a title in 『』
        pred = _direct(parse, lex, open_, close) or _announced(parse, lex, open_)
        if pred is None:
            continue
        pred_tok = parse.tokens[pred.token]
        first = min(sents.index(open_), sents.index(pred_tok.start))
        start = sents.spans[first][0]
        skip = [(open_, close + 1)]
        subject = subject_token(parse, pred.token, skip)
        if subject is None:
            subject = topic_before(parse, start, min(open_, pred_tok.start), skip)
        yield _Candidate(
            "direct", open_ + 1, close, pred, first, sents.index(pred_tok.start), block,
            subject, skip,
        )  # fmt: skip


def _previous(parse: Parse, token: Token) -> Token | None:
    i = token.i - 1
    while i >= 0 and parse.tokens[i].text in ("、", " ") and parse.tokens[i].sent == token.sent:
        i -= 1
    return parse.tokens[i] if i >= 0 and parse.tokens[i].sent == token.sent else None


def _content_start(parse: Parse, head: Token, bound: int, end: int, subject: Token | None) -> int:
    """Start of an indirect quote's content: the head's subtree, plus topics left of it."""
    tokens = [t for t in parse.subtree(head.i) if t.start >= bound and t.end <= end]
    left = min((t.start for t in tokens), default=head.start)
    while True:
        pos = left
        while pos > bound and parse.text[pos - 1] in "、 ":
            pos -= 1
        tok = parse.token_at(pos - 1) if pos > bound else None
        if tok is None or tok.bunsetsu < 0:
            return left
        b = parse.bunsetsu[tok.bunsetsu]
        head_tok = parse.tokens[b.head]
        if b.start < bound or head_tok.dep != "nsubj" or (subject and head_tok.i == subject.i):
            return left
        left = b.start


def _skip_leading_date(parse: Parse, start: int, end: int) -> int:
    """Move ``start`` past a date that opens the content (12日には内相を…) and past 、."""
    for ent in parse.entities:
        if ent.start == start and ent.label in _DATE_LABELS and ent.end < end:
            start = ent.end + len(_AFTER_DATE.match(parse.text, ent.end).group())
            break
    while start < end and parse.text[start] in "、 ":
        start += 1
    return start


def _particle_end(parse: Parse, t: Token) -> int:
    nxt = parse.tokens[t.i + 1] if t.i + 1 < len(parse.tokens) else None
    if nxt is not None and nxt.lemma in ("いう", "言う") and nxt.start == t.end:
        return nxt.end
    return t.end


def _indirect_candidates(
    doc: Document,
    lex: SpeechLexicon,
    block: int,
    direct: list[tuple[int, int]],
    direct_ends: list[int],
    sents: Sentences,
) -> Iterator[_Candidate]:
    parse = doc.parse
    assert parse is not None
    b = doc.blocks[block]
    for t in parse.tokens_in(b.start, b.end):
        if t.pos != "ADP" or t.text not in ("と", "との") or t.head == t.i:
            continue
        if any(o <= t.start < c for o, c in direct):
            continue
        prev = _previous(parse, t)
        if prev is None or prev.text == CLOSE or prev.pos not in _PREDICATE_POS:
            continue
        head = parse.tokens[t.head]
        pred = find_predicate(
            parse, lex, head.i, _particle_end(parse, t), before=t.start, indirect=True
        )
        if pred is None or not pred.indirect:
            continue
        sent_start = sents.start(t.start)
        end = t.start
        while end > sent_start and parse.text[end - 1] in "、 ":
            end -= 1
        # after a direct quote of the sentence and its speech verb (「…」などとして批判し、)
        bound = max([sent_start, *(c for c in direct_ends if sent_start <= c <= end)])
        inner = [x.start for x in parse.subtree(head.i) if x.start >= bound and x.end <= end]
        skip = [*direct, (min(inner, default=head.start), end)]
        subject = topic_before(parse, bound, end, direct)
        if subject is None:
            subject = subject_token(parse, pred.token, skip)
        if subject is not None and subject.start >= bound:
            sb = parse.bunsetsu[subject.bunsetsu] if subject.bunsetsu >= 0 else None
            bound = max(bound, sb.end if sb else subject.end)
        # a clause before the content that is not part of it (…批判したものの、) bounds it
        inside = {x.i for x in parse.subtree(head.i)}
        clauses = [
            x
            for x in clause_boundaries(parse, bound, head.start)
            if x <= head.start and (before := parse.token_at(x - 2)) and before.i not in inside
        ]
        start = _content_start(parse, head, max([bound, *clauses]), end, subject)
        start = _skip_leading_date(parse, start, end)
        if end - start < MIN_INDIRECT_CHARS:
            continue
        yield _Candidate(
            "indirect", start, end, pred, sents.index(start),
            sents.index(parse.tokens[pred.token].start), block, subject, [(start, end)],
        )  # fmt: skip


def _phrase_end(parse: Parse | None, token: int) -> int:
    """End of the bunsetsu of ``token`` (the speech verb with its endings)."""
    assert parse is not None
    tok = parse.tokens[token]
    return parse.bunsetsu[tok.bunsetsu].end if tok.bunsetsu >= 0 else tok.end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _collect(doc: Document, lex: SpeechLexicon) -> tuple[list[_Candidate], Sentences]:
    paragraphs = [i for i, b in enumerate(doc.blocks) if b.kind == "paragraph"]
    sents = Sentences.of(doc.text, [(doc.blocks[i].start, doc.blocks[i].end) for i in paragraphs])
    direct: list[_Candidate] = []
    for bi in paragraphs:
        direct.extend(_direct_candidates(doc, lex, bi, sents))
    direct_sents = {s for q in direct for s in range(q.first_sent, q.sent + 1)}
    taken = [(q.start - 1, q.end + 1) for q in direct]
    ends = [max(q.end + 1, _phrase_end(doc.parse, q.predicate.token)) for q in direct]
    indirect: list[_Candidate] = []
    for bi in paragraphs:
        for q in _indirect_candidates(doc, lex, bi, taken[: len(direct)], ends, sents):
            if q.predicate.kind == "opinion" and q.sent in direct_sents:
                continue  # an opinion next to a direct quote paraphrases it
            if any(_overlaps((q.start, q.end), span) for span in taken):
                continue
            taken.append((q.start, q.end))
            indirect.append(q)
    return sorted(direct + indirect, key=lambda q: (q.start, q.end)), sents


def _is_person(doc: Document, phrase: SpeakerPhrase) -> bool:
    if phrase.person:
        return True
    return any(
        m.kind == "person" and m.start < phrase.end and m.end > phrase.start for m in doc.mentions
    )


def find_quotes(doc: Document, lex: SpeechLexicon) -> list[Quote]:
    """All quotes of ``doc`` in text order, with speakers resolved."""
    parse = doc.parse
    if parse is None:
        return []
    quotes: list[Quote] = []
    last: tuple[_Candidate, Speaker, SpeakerPhrase] | None = None
    candidates, sents = _collect(doc, lex)
    for cand in candidates:
        if cand.subject is not None and not is_agent(doc, lex, cand.subject):
            cand.subject = None
        phrase = speaker_phrase(parse, lex, cand.subject) if cand.subject is not None else None
        speaker = make_speaker(doc, lex, phrase) if phrase is not None else None
        if speaker is None and last is not None:
            prev, prev_speaker, prev_phrase = last
            near = cand.first_sent - prev.sent <= CONTINUE_SENTENCES
            if near and cand.block - prev.block <= 1:
                speaker, phrase = prev_speaker, prev_phrase
        if cand.kind == "indirect":
            if speaker is None or phrase is None:
                continue
            if cand.predicate.person_only and not _is_person(doc, phrase):
                continue
        if speaker is not None and phrase is not None:
            last = (cand, speaker, phrase)
        start = sents.spans[cand.first_sent][0]
        if cand.subject is not None and cand.subject.start >= start:
            start = cand.subject.start
        # a setting may open an indirect quote's content (この会見で、…と述べた)
        skip = cand.skip if cand.kind == "direct" else []
        setting = setting_of(parse, lex, start, cand.predicate.token, skip)
        if setting and cand.kind == "indirect" and doc.text.startswith(setting, cand.start):
            cand.start += len(setting)
            while cand.start < cand.end and doc.text[cand.start] in "、 ":
                cand.start += 1
        quotes.append(
            Quote(
                id=f"q{len(quotes) + 1}",
                text=doc.text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                kind=cand.kind,  # type: ignore[arg-type]
                speaker=speaker,
                setting=setting,
                verb=cand.predicate.lemma,
            )
        )
    return quotes
