"""Event dating: the time expression that governs an event's predicate.

In order of preference:

1. ``clause``: a date expression attached to the predicate itself, or to a
   clause that hangs on it through verbs or time nouns (した際に, 発表し、…);
2. ``sentence``: a date expression of a clause that encloses the event and
   comes before it ("ことし1月、ホワイトハウスは、北朝鮮が…提供していると非難した");
3. ``anchor``: the date of an earlier-mentioned event that the clause is tied to
   by a same-time noun ("侵攻が始まった直後、…を表明し" after "去年2月、…侵攻が
   始まって以降": February 2022), or named by a relative clause on its topic
   ("北朝鮮を訪れたショイグ国防相について…提案した" after "7月には、…訪問し、…
   ショイグ国防相と会談しました": July), with the timex that dated that mention;
4. ``context``: the date that dated the main clause of an earlier sentence of
   the same paragraph (a paragraph that opened with "去年2月、…" goes on in
   February 2022);
5. ``dct``: the article date, at the precision of a day, with no time expression.

Expressions that date a sub-event inside the event's own arguments ("先月中旬に
会談を行ったことが…と示唆した"), dates that only modify the object of the
predicate ("2014年の政界引退などを約束して") and ones that come after the
event's clause are not used for it. The date of a report dates a past act it
reports ("今月、…を提案したという見方を示し") only when no anchor dates the act.
Durations and vague references never date an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dekigoto.models import Span
from dekigoto.time.normalise import Day
from dekigoto.time.vocab import vocabulary

if TYPE_CHECKING:
    from dekigoto.document import Document
    from dekigoto.models import Timex
    from dekigoto.nlp import Parse, Token

_PREDICATE_POS = {"VERB", "ADJ"}
_FUNCTION_POS = {"AUX", "PUNCT", "SCONJ", "ADP", "PART"}
_FUNCTION_DEP = {"aux", "fixed", "mark", "punct", "case", "cop"}
#: What follows a date used as an adverbial of its clause: 、 に には から (UTC+1)…
_ADVERBIAL = re.compile(
    r"^(?:前|過ぎ|すぎ)?(?:[（(][^）)]{0,30}[）)])?(?:[、，]|に|には|から|より|は|も|まで)"
)
#: After a date that does not carry over to the next sentences: の (a noun), から (a start).
_NOT_NARRATIVE = re.compile(r"^(?:[（(][^）)]{0,30}[）)])?(?:の|から|より|以来|以降|まで)")
_TOPIC = re.compile(r"^(?:[（(][^）)]{0,30}[）)])?(?:には|は)")
_SEASON = re.compile(r"^(\d{4})-(?:SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
#: A date joined to a noun by の ("2014年の政界引退", "2014年までの撤退").
_GENITIVE = re.compile(r"^(?:まで|から|以降|以来)?の")


@dataclass(frozen=True)
class EventDate:
    """The date of an event and the time expression that gave it."""

    value: str  # YYYY, YYYY-MM or YYYY-MM-DD
    timex_id: str | None
    rule: str  # clause, sentence, anchor, context, dct


def event_value(timex: Timex) -> str | None:
    """The calendar part of a timex value usable as an event date (None for durations etc.).

    A season dates the event by its year; a decade ("1980年代半ば" → ``198``) by
    the year its coarse position points to (1985), or its first year.
    """
    if timex.value is None or timex.kind not in ("date", "time"):
        return None
    season = _SEASON.match(timex.value)
    if season:
        return season.group(1)
    decade = _DECADE.match(timex.value)
    if decade:
        ids = set(timex.rule.split("+")[1:])
        coarse = [e for e in vocabulary().of("coarse") if e.id in ids]
        return f"{int(decade.group(1)) * 10 + (coarse[0].offset if coarse else 0):04d}"
    day = Day.parse(timex.value)
    return day.iso() if day else None


@dataclass(frozen=True)
class _Words:
    links: frozenset[str]  # nouns that keep a clause at the time of the clause around it
    content: frozenset[str]  # nouns whose clause is what is said or known, not when
    leads: frozenset[str]  # connectives that may open a sentence before a framing date
    light: frozenset[str]  # light verbs whose object noun is the event itself (会談を行う)
    anchors: frozenset[str]  # nouns that put a clause at the time of an event (直後, 際)
    occurrence: frozenset[str]  # verbs whose subject names the event (侵攻が始まる)
    background: frozenset[str]  # clause endings of background to the main clause (…したが、)
    reports: frozenset[str]  # verbs of saying: their date is the report's (述べる, 認める)
    views: frozenset[str]  # nouns of opinion stated at the report's time (見方を示す)


def _words() -> _Words:
    vocab = vocabulary()

    def of(kind: str) -> frozenset[str]:
        return frozenset(w for e in vocab.of(kind) for w in e.words)

    return _Words(
        of("clause_link"),
        of("content_noun"),
        of("frame_lead"),
        of("light_verb"),
        of("event_anchor"),
        of("occurrence_verb"),
        of("background_mark"),
        of("report_verb"),
        of("view_noun"),
    )


def _synonyms(lemma: str) -> list[str]:
    """``lemma`` and the predicates that name the same kind of event (訪れる → 訪問)."""
    out = [lemma]
    for e in vocabulary().of("event_synonym"):
        if lemma in e.words:
            out += [w for w in e.words if w not in out]
    return out


def _past(parse: Parse, tok: Token) -> bool:
    """Whether predicate ``tok`` is in the past tense (提案した, 訪れた)."""
    return any(c.lemma == "た" and c.pos == "AUX" and c.i > tok.i for c in parse.children(tok.i))


def _reported_act(parse: Parse, head: Token, above: list[Token], gov: Token, words: _Words) -> bool:
    """Whether ``head`` is a past act reported by ``gov`` ("…を提案したという見方を示し")."""
    if not _past(parse, head) or not any(_quoted(parse, t) for t in (head, *above)):
        return False
    if gov.lemma in words.reports or gov.text in words.reports:
        return True
    return any(t.lemma in words.views or t.text in words.views for t in above)


def _is_frame(doc: Document, timex: Span, words: _Words) -> bool:
    """A date that opens its sentence and is set off by a comma ("去年5月、…") frames all of it."""
    s = doc.parse.sentence_at(timex.start)
    if s is None:
        return False
    before = doc.text[s.start : timex.start]
    for lead in sorted(words.leads, key=len, reverse=True):
        before = before.replace(lead, "")
    if before.strip(" 、，\u3000"):
        return False
    return re.match(r"^(?:には|に|は)?[、，]", doc.text[timex.end : timex.end + 4]) is not None


def _is_predicate(parse: Parse, tok: Token) -> bool:
    if tok.pos in _PREDICATE_POS or tok.head == tok.i:
        return True
    if tok.pos in ("NOUN", "PROPN"):
        return any(
            c.pos == "AUX" and c.lemma in ("する", "だ", "です") for c in parse.children(tok.i)
        )
    return False


def _timex_top(parse: Parse, timex: Span) -> Token | None:
    toks = parse.tokens_in(timex.start, timex.end)
    if not toks:
        return None
    inside = {t.i for t in toks}
    for t in reversed(toks):
        if t.head not in inside or t.head == t.i:
            return t
    return toks[-1]


def _chain(parse: Parse, timex: Span) -> list[Token]:
    """Tokens from the timex up to the first predicate it depends on (inclusive)."""
    top = _timex_top(parse, timex)
    if top is None:
        return []
    out: list[Token] = []
    for anc in parse.ancestors(top.i):
        if timex.start <= anc.start < timex.end:
            continue
        out.append(anc)
        if _is_predicate(parse, anc):
            break
    return out


def _quoted(parse: Parse, tok: Token) -> bool:
    """Whether predicate ``tok`` ends a quoted or reported clause (…と, …という, …か)."""
    if tok.pos not in ("VERB", "ADJ", "AUX", "NOUN"):
        return False
    return any(
        c.text in ("と", "という", "か", "ように") and c.pos in ("ADP", "SCONJ", "PART")
        for c in parse.children(tok.i)
        if c.i > tok.i
    )


def _path_up(parse: Parse, lower: int, upper: int) -> list[Token] | None:
    """Tokens strictly between ``lower`` and its ancestor ``upper``; None if not an ancestor."""
    out: list[Token] = []
    for anc in parse.ancestors(lower):
        if anc.i == upper:
            return out
        out.append(anc)
    return None


def _object_modifier(doc: Document, timex: Span, chain: list[Token], same: set[int]) -> bool:
    """Whether ``timex`` only modifies the object of its predicate ("2014年の政界引退を約束")."""
    if not _GENITIVE.match(doc.text[timex.end : timex.end + 4]) or len(chain) < 2:
        return False
    parse = doc.parse
    pred = chain[-1]
    if pred.lemma in _words().light:
        return False  # "去年5月の採決を行った": the object is the event
    return any(
        t.i not in same and any(c.text == "を" and c.pos == "ADP" for c in parse.children(t.i))
        for t in chain[:-1]
    )


def _sentence_date(doc: Document, timex: Span) -> bool:
    """A date marked as the time of the whole sentence: "12日には…", "警察当局は12日、…"."""
    if _TOPIC.match(doc.text[timex.end : timex.end + 4]):
        return True
    before = doc.text[max(0, timex.start - 2) : timex.start]
    return before.endswith(("は", "は、")) and doc.text[timex.end : timex.end + 1] in "、，"


def _topic_of(doc: Document, timex: Span) -> Token | None:
    """The topic of a date written "<topic>は<date>、" (the time of what the topic did)."""
    parse = doc.parse
    if doc.text[timex.end : timex.end + 1] not in ("、", "，"):
        return None
    tok = parse.token_at(timex.start - 1) if timex.start > 0 else None
    if tok is not None and tok.text in ("、", "，"):
        tok = parse.token_at(tok.start - 1) if tok.start > 0 else None
    if tok is None or tok.text != "は" or tok.pos != "ADP" or tok.head == tok.i:
        return None
    return parse.tokens[tok.head]


def _score(
    doc: Document, timex: Span, head: Token, words: _Words, *, quotes: bool = False
) -> int | None:
    """How closely ``timex`` governs the predicate ``head`` (lower is closer); None: it does not."""
    return _relation(doc, timex, head, words, quotes=quotes)[0]


def _relation(
    doc: Document, timex: Span, head: Token, words: _Words, *, quotes: bool = False
) -> tuple[int | None, bool]:
    """``(score, rejected)``: the score of :func:`_score`, and whether the timex was ruled
    out as the time of something said, of a sub-event or of an object noun; with a score,
    ``rejected`` means the timex dates only the report of a past act ("今月、…提案した
    という見方を示し"), a fallback when the act has no date of its own."""
    parse = doc.parse
    topic = _topic_of(doc, timex)
    if topic is not None and head.i in (topic.head, topic.i):
        return 2, False  # "警察当局は12日、…と見て捜査を開始した", whatever the parse says
    chain = _chain(parse, timex)
    if not chain:
        return None, False
    sent = parse.sentence_tokens(head.sent)
    same = {head.i, *(t.i for t in sent if t.bunsetsu == head.bunsetsu and t.bunsetsu >= 0)}
    if _object_modifier(doc, timex, chain, same):
        return None, True
    if any(t.i in same for t in chain):
        return 0, False
    gov = chain[-1]
    between = _path_up(parse, gov.i, head.i)
    if between is not None:
        # the timex dates a clause that hangs on the event's predicate
        penalty = 0
        if not quotes and any(_quoted(parse, t) for t in (gov, *between)):
            # "…出発したと発表した": the time of what was said, unless the date is the
            # topic of the whole sentence ("12日には…更迭すると発表し")
            if not _sentence_date(doc, timex):
                return None, True
            penalty = 3
        if any(t.text in words.content or t.lemma in words.content for t in between):
            return None, True  # "…を行ったことが…と示唆した": a sub-event, not the event's time
        if all(t.pos in ("VERB", "ADJ", "AUX") or t.text in words.links for t in between):
            return 1 + len(between) + penalty, False
        return 5 + len(between) + penalty, False  # through a relative clause on an argument
    first = parse.subtree(head.i)[0].start
    if timex.end > first:
        return None, False  # after the start of the event's clause
    above = _path_up(parse, head.i, gov.i)
    if above is not None:
        return 10 + len(above), _reported_act(parse, head, above, gov, words)
    if _is_frame(doc, timex, words):
        return 19, False
    return None, False


def _date_timexes(doc: Document, sent: int) -> list[Timex]:
    s = doc.parse.sentences[sent]
    return [t for t in doc.timexes if s.start <= t.start < s.end and event_value(t)]


def _narrative(doc: Document, sent: int, words: _Words) -> Timex | None:
    """The date expression that dates the main clause of sentence ``sent``, if any."""
    parse = doc.parse
    root = next((t for t in parse.sentence_tokens(sent) if t.head == t.i), None)
    if root is None:
        return None
    best: tuple[int, int, Timex] | None = None
    for tx in _date_timexes(doc, sent):
        frame = _is_frame(doc, tx, words)
        score = 0 if frame else _score(doc, tx, root, words, quotes=True)
        after = doc.text[tx.end : tx.end + 40]
        if not frame and (_NOT_NARRATIVE.match(after) or not _adverbial(parse, tx, after)):
            # "3年前の食糧危機より" dates a noun; "8月から焦点となっていた" starts a state
            continue
        if not frame and _in_background(parse, tx, root, words):
            continue  # "2005年8月に就任したが、…": background to what follows
        if score is not None and score < 5 and (best is None or (score, tx.start) < best[:2]):
            best = (score, tx.start, tx)
    return best[2] if best else None


def _in_background(parse: Parse, timex: Timex, root: Token, words: _Words) -> bool:
    """Whether ``timex`` dates a concessive clause of the sentence ("…就任したが、")."""
    chain = _chain(parse, timex)
    if not chain or chain[-1].i == root.i:
        return False
    path = _path_up(parse, chain[-1].i, root.i) or []
    return any(
        c.text in words.background and c.pos in ("SCONJ", "ADP", "PART")
        for t in (chain[-1], *path)
        for c in parse.children(t.i)
        if c.i > t.i
    )


def _adverbial(parse: Parse, timex: Timex, after: str) -> bool:
    """A date used as an adverbial: 12日、 / 12日に / 12日発表した (not "2005年選挙")."""
    if _ADVERBIAL.match(after):
        return True
    nxt = parse.token_at(timex.end)
    return nxt is not None and nxt.pos in _PREDICATE_POS


def _content_head(parse: Parse, tok: Token) -> Token:
    """The content word a function word hangs on (し, ている, 。 → 主張)."""
    seen = {tok.i}
    while (tok.pos in _FUNCTION_POS or tok.dep in _FUNCTION_DEP) and tok.head not in seen:
        seen.add(tok.head)
        tok = parse.tokens[tok.head]
    return tok


def _head_of(parse: Parse, start: int, end: int) -> Token | None:
    toks = parse.tokens_in(start, end)
    if not toks:
        return None
    inside = {t.i for t in toks}
    tops = [t for t in toks if t.head not in inside or t.head == t.i]
    return tops[-1] if tops else toks[-1]


def date_for(doc: Document, start: int, end: int, head: int | None = None) -> EventDate | None:
    """The date of the event stated by ``doc.text[start:end]`` whose predicate is token ``head``.

    Returns the value (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), the id of the
    timex that dated it (None for the article date) and the rule that chose it;
    None when neither the text nor the article date gives one.
    """
    parse = doc.parse
    if parse is None or not parse.tokens:
        return _from_dct(doc)
    tok = parse.tokens[head] if head is not None and 0 <= head < len(parse.tokens) else None
    if tok is None:
        tok = _head_of(parse, start, end)
    if tok is None:
        return _from_dct(doc)
    tok = _content_head(parse, tok)
    words = _words()
    best: tuple[int, int, int, Timex] | None = None
    for tx in _date_timexes(doc, tok.sent):
        score, rejected = _relation(doc, tx, tok, words)
        if score is None and not rejected and start <= tx.start < end and tx.end <= tok.start:
            score = 20  # inside the evidence, before the predicate
        if score is None:
            continue
        reported = int(rejected)  # the date of the report: only if nothing better
        if best is None or (reported, score, -tx.start) < best[:3]:
            best = (reported, score, -tx.start, tx)
    if best is not None and not best[0]:
        tx = best[3]
        return EventDate(str(event_value(tx)), tx.id, "clause" if best[1] < 10 else "sentence")
    anchored = _anchored(doc, tok, words)
    if anchored is not None:
        return EventDate(str(event_value(anchored)), anchored.id, "anchor")
    if best is not None:
        return EventDate(str(event_value(best[3])), best[3].id, "sentence")
    block = parse.sentences[tok.sent].block
    prev = parse.sentences[tok.sent - 1] if tok.sent > 0 else None
    if (
        prev is not None
        and prev.block == block
        and not _ends_sentence(doc.text[prev.start : prev.end])
    ):
        # the parser split a sentence in two: the nearest date before the event still holds
        before = [t for t in _date_timexes(doc, prev.i)]
        if before:
            tx = before[-1]
            return EventDate(str(event_value(tx)), tx.id, "sentence")
    for sent in range(tok.sent - 1, -1, -1):
        if parse.sentences[sent].block != block:
            break
        if _aside(doc, sent):
            continue  # "(訳注:…1841年に…と主張している。)" is not the story's time
        tx = _narrative(doc, sent, words)
        if tx is not None:
            return EventDate(str(event_value(tx)), tx.id, "context")
    return _from_dct(doc)


def _event_keys(parse: Parse, anchor: Token, words: _Words) -> list[str]:
    """Lemmas naming the event a same-time noun points to: 侵攻 in "侵攻が始まった直後"."""
    keys: list[str] = []
    for c in parse.children(anchor.i):
        if c.i > anchor.i:
            continue
        if c.pos == "VERB" or (c.dep == "acl" and _is_predicate(parse, c)):
            if c.lemma in words.occurrence:
                keys += [
                    g.lemma
                    for g in parse.children(c.i)
                    if g.dep in ("nsubj", "obj") and g.pos == "NOUN" and len(g.lemma) > 1
                ]
            elif c.pos in ("VERB", "NOUN") and len(c.lemma) > 1:
                keys.append(c.lemma)  # "会談した際": the verb names the event
        elif (
            c.pos == "NOUN"
            and len(c.lemma) > 1
            and (c.dep == "compound" or any(g.text == "の" for g in parse.children(c.i)))
        ):
            keys.append(c.lemma)  # "侵攻の直後", "侵攻直後"
    return keys


def _mention_date(
    doc: Document, key: str, before: int, words: _Words, names: frozenset[str] = frozenset()
) -> Timex | None:
    """The timex that dates the latest mention of event ``key`` in sentences before ``before``
    (with ``names``: only in a sentence that also names one of them)."""
    parse = doc.parse
    for sent in range(before - 1, -1, -1):
        timexes = _date_timexes(doc, sent)
        if not timexes:
            continue
        if names and not any(t.lemma in names for t in parse.sentence_tokens(sent)):
            continue
        for m in reversed([t for t in parse.sentence_tokens(sent) if t.lemma == key]):
            preds = [a for a in parse.ancestors(m.i) if _is_predicate(parse, a)]
            heads = [m, *preds[:1]]
            best: tuple[int, int, Timex] | None = None
            for tx in timexes:
                for h in heads:
                    score = _score(doc, tx, h, words)
                    if score is not None and score < 20 and (best is None or score < best[0]):
                        best = (score, -tx.start, tx)
            if best is not None:
                return best[2]
    return None


def _anchored(doc: Document, tok: Token, words: _Words) -> Timex | None:
    """The date of an earlier-mentioned event that a same-time noun ties ``tok``'s clause to."""
    parse = doc.parse
    best: tuple[int, Timex] | None = None
    for a in parse.sentence_tokens(tok.sent):
        if a.text not in words.anchors or a.pos not in ("NOUN", "ADV", "ADP", "SCONJ"):
            continue
        score = _score(doc, Span(text=a.text, start=a.start, end=a.end), tok, words)
        if score is None or (best is not None and score >= best[0]):
            continue
        for key in _event_keys(parse, a, words):
            tx = _mention_date(doc, key, tok.sent, words)
            if tx is not None:
                best = (score, tx)
                break
    if best is not None:
        return best[1]
    return _topic_event(doc, tok, words)


_TOPIC_MARK = re.compile(r"^(?:は|が|も|について|に関して|をめぐって)")


def _topic_event(doc: Document, tok: Token, words: _Words) -> Timex | None:
    """The date of an earlier-mentioned event named by a past relative clause on the topic
    or subject of ``tok``'s clause ("北朝鮮を訪れたショイグ国防相について…")."""
    parse = doc.parse
    governs = {tok.i, *(a.i for a in parse.ancestors(tok.i))}
    for n in parse.sentence_tokens(tok.sent):
        if n.i >= tok.i or n.pos not in ("NOUN", "PROPN"):
            continue
        if not _TOPIC_MARK.match(doc.text[n.end : n.end + 5]):
            continue
        pred = next((a for a in parse.ancestors(n.i) if _is_predicate(parse, a)), None)
        if pred is None or pred.i not in governs:
            continue  # the topic of another clause
        names = frozenset(
            c.lemma
            for c in (n, *parse.children(n.i))
            if c.pos in ("NOUN", "PROPN") and len(c.lemma) > 1 and c.i <= n.i
        )
        for rel in parse.children(n.i):
            if rel.i > n.i or rel.dep != "acl" or rel.pos != "VERB" or not _past(parse, rel):
                continue
            for key in _synonyms(rel.lemma):
                tx = _mention_date(doc, key, tok.sent, words, names)
                if tx is not None:
                    return tx
    return None


def _aside(doc: Document, sent: int) -> bool:
    """Whether sentence ``sent`` is a note in brackets: it opens one or starts inside one."""
    s = doc.parse.sentences[sent]
    text = doc.text[s.start : s.end].lstrip()
    if text.startswith(("(", "（")):
        return True
    block = doc.blocks[s.block] if 0 <= s.block < len(doc.blocks) else None
    before = doc.text[block.start if block else 0 : s.start]
    opened = before.count("(") + before.count("（")
    return opened > before.count(")") + before.count("）")


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(("。", "！", "？", "!", "?", "」", "』"))


def _from_dct(doc: Document) -> EventDate | None:
    if doc.dct is None:
        return None
    return EventDate(doc.dct.isoformat(), None, "dct")
