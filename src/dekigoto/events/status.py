"""The status of an event (occurred, planned, claimed, possible, negated) from the words around it.

The scope of a trigger runs from its end up the chain of heads of its
predicate, through relative clauses only when they complete a noun of
modality (見方, 可能性, 予定…), and stops after the first verb of saying (と非難した,
と伝えた). Cues are read by where they must stand (see ``data/cues.yaml``);
the strongest wins: negated > possible > planned > claimed > occurred.
"""

from __future__ import annotations

from dataclasses import dataclass

from dekigoto.document import Document
from dekigoto.events.arguments import case_of, phrase_refs
from dekigoto.events.entries import Cue, Lexicon
from dekigoto.events.triggers import TriggerMatch
from dekigoto.models import ActorRef, Status
from dekigoto.nlp import Parse, Token

RANK: dict[str, int] = {"negated": 5, "possible": 4, "planned": 3, "claimed": 2, "occurred": 1}
_PAST = {"た", "だ"}


@dataclass
class StatusReading:
    """The status decided for one trigger, with the cue that decided it."""

    status: Status = "occurred"
    cue: str = "default"
    claimed_by: ActorRef | None = None
    reporter: list[ActorRef] | None = None


def _modality_nouns(lex: Lexicon) -> set[str]:
    return set(lex.words("stance")) | {"の"}


def _tail(parse: Parse, match: TriggerMatch, pred: list[int]) -> str:
    """Function words right after the predicate, in its own bunsetsu and the next aux chain."""
    toks = parse.tokens
    last = toks[max(pred)]
    out = []
    i = last.i + 1
    sent = parse.sentences[last.sent]
    while i <= sent.last and (toks[i].bunsetsu == last.bunsetsu or toks[i].pos in {"AUX"}):
        out.append(toks[i].text)
        i += 1
    return "".join(out)


def scope_end(parse: Parse, pred: list[int], lex: Lexicon) -> tuple[int, Token | None]:
    """End offset of the trigger's scope and the verb of saying that closes it (if any)."""
    toks = parse.tokens
    report_forms = [f for f, c in lex.cue_forms("report") if c.scope != "sentence"]
    nouns = _modality_nouns(lex)
    cur = toks[max(pred)]
    end = _bunsetsu_end(parse, cur)
    for _ in range(8):
        if cur.head == cur.i:
            break
        up = toks[cur.head]
        if cur.dep == "acl" and up.lemma not in nouns:
            break
        if cur.pos in {"VERB", "ADJ", "AUX"} and _norm_case(parse, cur) in _CONCESSIVE:
            break  # 拘束されたが、…潜伏しているとみられる: the hedge is the main clause's
        if (up.lemma in _WHEN and cur.dep == "acl") or _norm_case(parse, cur).startswith(
            tuple(_WHEN)
        ):
            break  # 訪問した際に、…打診したのではないか: a time clause is stated, not hedged
        if up.lemma in {"こと", "の"} and case_of(parse, up).rstrip("、") in {"が", "は", "も"}:
            break  # 会談を行ったことが圧力となった: the clause is a subject, not modalised
        end = _bunsetsu_end(parse, up)
        seg = parse.text[_bunsetsu_end(parse, cur) - 4 : end]
        if (
            any(f in seg for f in report_forms)
            and up.pos in {"VERB", "NOUN"}
            and up.lemma not in nouns
        ):
            return end, up
        cur = up
    return end, None


#: Nouns that make a clause a time adjunct (〜した際に, 〜した後).
_WHEN = {"際", "とき", "時", "後", "あと", "直後", "直前", "途中", "折"}

#: Conjunctions that end a clause the main clause's modality does not reach.
_CONCESSIVE = {"が", "けれど", "けれども", "ものの", "のに"}


def _norm_case(parse: Parse, tok: Token) -> str:
    return case_of(parse, tok).rstrip("、")


def _bunsetsu_end(parse: Parse, tok: Token) -> int:
    if tok.bunsetsu < 0:
        return tok.end
    return parse.bunsetsu[tok.bunsetsu].end


def _first_cue(text: str, pairs: list[tuple[str, Cue]]) -> Cue | None:
    best: tuple[int, Cue] | None = None
    for form, cue in pairs:
        pos = text.find(form)
        if pos >= 0 and (best is None or pos < best[0]):
            best = (pos, cue)
    return best[1] if best else None


def read_status(
    doc: Document,
    parse: Parse,
    match: TriggerMatch,
    pred: list[int],
    actor_codes: set[str],
    lex: Lexicon,
    etype: str = "",
) -> StatusReading:
    """Decide the status of one trigger occurrence (``etype``: its PLOVER type)."""
    toks = parse.tokens
    text = doc.text
    found: list[tuple[str, str, ActorRef | None]] = []  # (status, cue id, claimed_by)
    tail = _tail(parse, match, pred)
    past = any(
        t.text in _PAST and t.pos == "AUX"
        for t in toks[max(pred) + 1 : max(pred) + 4]
        if t.bunsetsu == toks[max(pred)].bunsetsu
    )
    # negation right on the predicate
    if not any(q in tail for q in ("ではない", "じゃない", "ないか")):
        for form, cue in lex.cue_forms("status", "tail"):
            if form in tail:
                found.append((cue.status or "negated", cue.id, None))
                break
    # a governing verb that cancels or refuses the event noun
    head = toks[max(pred)]
    for _ in range(2 if head.pos in {"NOUN", "PROPN"} else 0):
        if head.head == head.i:
            break
        up = toks[head.head]
        if case_of(parse, head).rstrip("、") not in {"を", "の", "が", "は", "も", ""}:
            break
        gov = {f: c for f, c in lex.cue_forms("status", "governor")}
        if up.lemma in gov or up.text in gov:
            cue = gov.get(up.lemma) or gov[up.text]
            found.append((cue.status or "negated", cue.id, None))
            break
        if up.pos not in {"NOUN"}:
            break
        head = up
    end, report = scope_end(parse, pred, lex)
    scope = text[toks[match.last].end : end]
    pairs = [(f, c) for f, c in lex.cue_forms("status", "clause") if etype not in c.not_for]
    cue = _first_cue(scope, pairs)
    if cue is not None and not (cue.status == "planned" and past):
        found.append((cue.status or "possible", cue.id, None))
    # modifiers of the predicate (近く, 来月, 招きで)
    if not past:
        mods = lex.cue_forms("status", "modifier")
        for i in pred:
            for t in parse.children(i):
                span = text[t.start : _bunsetsu_end(parse, t)]
                for form, c in mods:
                    if span.startswith(form) or (t.text == form):
                        found.append((c.status or "planned", c.id, None))
    # the headline: a question or "…へ"
    block = doc.blocks[parse.sentences[match.sent].block] if doc.blocks else None
    if block is not None and block.kind in {"headline", "subheading"}:
        ending = block.text.rstrip()
        for form, c in lex.cue_forms("status", "headline"):
            if ending.endswith(form):
                found.append((c.status or "possible", c.id, None))
                break
    # reported: a verb of saying whose subject is not the event's actor
    claimed = _claimed(doc, parse, match, report, actor_codes, lex)
    if claimed is not None:
        found.append(claimed)
    if not found:
        return StatusReading()
    status, cue_id, _by = max(found, key=lambda f: RANK[f[0]])
    reading = StatusReading(status=status, cue=cue_id)  # type: ignore[arg-type]
    if claimed is not None:
        reading.claimed_by = claimed[2]
    return reading


def _claimed(
    doc: Document,
    parse: Parse,
    match: TriggerMatch,
    report: Token | None,
    actor_codes: set[str],
    lex: Lexicon,
) -> tuple[str, str, ActorRef | None] | None:
    """A claim reading: a verb of saying over the trigger, a quote, or 'according to' a source."""
    toks = parse.tokens
    if report is not None:
        refs = [
            r
            for t in parse.children(report.i)
            if case_of(parse, t).rstrip("、") in ("は", "が", "も", "では")
            for r in phrase_refs(doc, parse, t)
        ]
        if refs and not ({r.code for r in refs} & actor_codes):
            return ("claimed", "report", refs[0])
        if refs:
            return None
        # the parser hung the topic elsewhere (韓国の情報機関は今月、…という見方を示し)
        sent = parse.sentences[match.sent]
        topic = [
            r
            for t in toks[sent.first : match.first]
            if t.pos in {"NOUN", "PROPN"} and case_of(parse, t).rstrip("、") in ("は", "では")
            for r in phrase_refs(doc, parse, t)
        ]
        if topic and not ({r.code for r in topic} & actor_codes):
            return ("claimed", "report", topic[0])
    start = toks[match.first].start
    for q in doc.quotes:
        if q.kind == "direct" and q.start <= start < q.end and q.speaker is not None:
            code = q.speaker.code
            if code and code in actor_codes:
                return None  # the speaker states its own side's act
            ref = ActorRef(
                code=code, name=q.speaker.name_en or q.speaker.name, actor_id=q.speaker.actor_id
            )
            return ("claimed", "quote", ref)
    # 'according to' a source earlier in the sentence
    sent = parse.sentences[match.sent]
    before = doc.text[sent.start : start]
    for form, cue in lex.cue_forms("report"):
        if cue.scope != "sentence":
            continue
        pos = before.find(form)
        if pos < 0:
            continue
        src = [m for m in doc.mentions_in(sent.start, sent.start + pos)]
        if src:
            m = src[-1]
            actor = doc.actor_by_id(m.actor_id)
            if actor and actor.code and actor.code in actor_codes:
                return None
            ref = ActorRef(
                code=actor.code if actor else None,
                name=actor.name if actor else m.text,
                actor_id=actor.id if actor else None,
            )
        else:
            head = before[:pos].split("、")[-1].strip()
            ref = ActorRef(code=None, name=head or form)
        return ("claimed", cue.id, ref)
    return None
