"""Actor and recipient of a trigger, from the dependency parse and bunsetsu case markers.

The predicate is the trigger plus the light verb that carries an event noun
(会談を行う). Its dependents are read by the function words that close their
bunsetsu (が, は, による → actor; に, を, への, に対する → recipient, as the
trigger's frame says). A phrase yields the codes of its head mention and of
the mentions coordinated with it (日本とアメリカ、韓国の首脳). With no subject
of its own, a verbal predicate takes the subject of the clauses it continues,
then the topic of the paragraph; it never takes the speaker of an accusation
or of a direct quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dekigoto.document import Document
from dekigoto.events.context import uncoded_ref
from dekigoto.events.entries import Frame, Lexicon
from dekigoto.events.plural import plural_refs
from dekigoto.events.triggers import TriggerMatch
from dekigoto.models import ActorRef, Mention
from dekigoto.nlp import Parse, Token

_FUNCTION_POS = {"ADP", "SCONJ", "AUX", "PART"}
_COORD = {"と", "や", "、", "・", "および", "及び", "ならびに", "並びに", "とか"}
_SUBJECT_CASES = ("は", "が", "も", "では")
_LIST_JOINERS = {"、", "・"}
_ALONG = {"とも", "共"}  # XとともにY: X acts with Y
_CHAIN_DEPS = {"advcl", "conj"}
#: After a mention inside a phrase, these mark it as a participant of its own role.
_ROLE_MARKERS = (
    "による",
    "によって",
    "により",
    "への",
    "に対する",
    "に対して",
    "に対し",
    "から",
    "で",
    "との",
)


@dataclass
class Arguments:
    """What the argument finder read for one trigger."""

    actor: list[ActorRef] = field(default_factory=list)
    recipient: list[ActorRef] = field(default_factory=list)
    actor_from: str = "none"  # clause, chain, topic, focus, none
    objects: list[int] = field(default_factory=list)
    nominal: bool = False  # a bare event noun with no verb of its own
    predicate: list[int] = field(default_factory=list)  # token indices
    start: int = 0  # evidence span
    end: int = 0
    location: str | None = None
    reported_subject: list[ActorRef] = field(default_factory=list)  # of a と-clause it closes


def case_of(parse: Parse, tok: Token) -> str:
    """The function words closing ``tok``'s bunsetsu after ``tok`` (は, による, に対して…)."""
    if tok.bunsetsu < 0:
        return ""
    b = parse.bunsetsu[tok.bunsetsu]
    out = []
    for t in parse.tokens[tok.i + 1 : b.last + 1]:
        if t.pos == "PUNCT":
            if t.text == "、" and not out:
                out.append("、")
            continue
        if t.pos in {"ADP", "SCONJ", "PART"} or t.dep in {"fixed", "case", "mark"}:
            out.append(t.text)
        else:
            out = []
    return "".join(out)


def _norm(case: str) -> str:
    return case.rstrip("、") if case not in {"、"} else case


def ref_of(doc: Document, mention: Mention) -> ActorRef | None:
    """The coded actor of a mention, or None when it has no code."""
    actor = doc.actor_by_id(mention.actor_id)
    if actor is None or not actor.code:
        return None
    return ActorRef(code=actor.code, name=actor.name, actor_id=actor.id)


_NP_JOIN = {"の", "と", "や", "、", "・", "", "および", "及び", "ならびに"}


def _np_start(parse: Parse, tok: Token) -> int:
    """Char offset where the noun phrase headed by ``tok`` begins.

    The phrase is ``tok``'s bunsetsu and the bunsetsu to its left that modify it
    through の or coordination (日本とアメリカ、韓国の首脳); a topic, a case
    phrase or a relative clause ends it.
    """
    if tok.bunsetsu < 0:
        return tok.start
    inside = {t.i for t in parse.tokens[parse.bunsetsu[tok.bunsetsu].first : tok.i + 1]}
    start = parse.bunsetsu[tok.bunsetsu].start
    b = tok.bunsetsu - 1
    sent = tok.sent
    while b >= 0:
        prev = parse.bunsetsu[b]
        head = parse.tokens[prev.head]
        if head.sent != sent or head.pos not in {"NOUN", "PROPN", "NUM", "PRON"}:
            break
        case = _norm(case_of(parse, head))
        coordinated = case in {"、", "と", "や"} and head.head >= tok.i
        if case not in _NP_JOIN or (head.head not in inside and not coordinated):
            break
        inside |= set(range(prev.first, prev.last + 1))
        start = prev.start
        b -= 1
    return start


def phrase_refs(doc: Document, parse: Parse, tok: Token, *, places: bool = False) -> list[ActorRef]:
    """Codes of the noun phrase headed by ``tok``: its head mention and coordinated ones."""
    start, end = _np_start(parse, tok), tok.end
    mentions = [
        m
        for m in doc.mentions_in(start, end)
        if (places or m.kind != "place")
        and not (m.end <= tok.start and parse.text.startswith(_ROLE_MARKERS, m.end))
    ]
    if not mentions:
        return []
    head = mentions[-1]
    chosen = [head]
    left = head
    for m in reversed(mentions[:-1]):
        joiner = parse.text[m.end : left.start].strip()
        if joiner in _COORD:
            chosen.insert(0, m)
        elif joiner in {"の", ""}:
            # 韓国の首脳, ロシアの代表団: the owner; keep it when it is the same state
            a, b = ref_of(doc, m), ref_of(doc, left)
            if a is not None and (b is None or a.code == b.code):
                chosen.insert(0, m)
        else:
            break
        left = m
    if len(chosen) >= 2 and all(c.kind == "state" for c in chosen):
        # a long list the parser cut (アメリカ合衆国、インド、…、日本の6カ国)
        earlier = [m for m in doc.mentions_in(parse.sentences[tok.sent].start, start)]
        for m in reversed(earlier):
            if m.kind != "state" or parse.text[m.end : chosen[0].start] not in _LIST_JOINERS:
                break
            chosen.insert(0, m)
    refs: list[ActorRef] = []
    for m in chosen:
        ref = ref_of(doc, m)
        if ref and all(r.code != ref.code for r in refs):
            refs.append(ref)
    if not refs:
        # an uncoded body or person (民主改革評議会, クーデター・グループ) of a one-country article
        found = uncoded_ref(doc, head)
        if found is not None:
            refs.append(found)
    return refs


def _merge(into: list[ActorRef], refs: list[ActorRef]) -> None:
    for r in refs:
        if all(r.code != x.code for x in into):
            into.append(r)


def predicate_tokens(parse: Parse, match: TriggerMatch, lex: Lexicon) -> list[int]:
    """The trigger's tokens plus the light verb that carries it, if any."""
    toks = parse.tokens
    pred = list(range(match.first, match.last + 1))
    head = toks[match.last]
    light = lex.words("light")
    cur = head
    for _ in range(2):
        if cur.head == cur.i:
            break
        up = toks[cur.head]
        case = _norm(case_of(parse, cur))
        if case == "と" and cur.pos not in {"NOUN", "PROPN"}:
            break  # "…訪問すると発表した": the clause is what is announced, not the verb's object
        if (up.lemma in light or up.text in light) and case in {
            "を",
            "が",
            "は",
            "も",
            "に",
            "と",
            "の",
            "",
        }:
            pred.append(up.i)
            cur = up
            continue
        break
    return pred


def _deps(parse: Parse, pred: list[int]) -> list[Token]:
    ps = set(pred)
    return [
        t
        for i in pred
        for t in parse.children(i)
        if t.i not in ps and t.pos not in {"PUNCT", "AUX"} and t.dep not in {"aux", "mark", "fixed"}
    ]


def _report_words(lex: Lexicon, section_id: str) -> set[str]:
    return {
        f.removeprefix("と").removeprefix("との").removeprefix("という")
        for c in lex.cues.get("report", ())
        if c.id == section_id
        for f in c.forms
    }


def _subject_refs(doc: Document, parse: Parse, pred_tok: Token) -> list[ActorRef]:
    refs: list[ActorRef] = []
    for t in parse.children(pred_tok.i):
        if _norm(case_of(parse, t)) in (*_SUBJECT_CASES, "としては"):
            _merge(refs, phrase_refs(doc, parse, t))
    return refs


_MARKED = {"による": "actor", "によって": "actor", "により": "actor", "への": "recipient",
           "に対する": "recipient", "に対して": "recipient", "に対し": "recipient"}  # fmt: skip


def _marked_mentions(
    doc: Document, parse: Parse, match: TriggerMatch, frame: Frame
) -> dict[str, list[ActorRef]]:
    """Mentions in an event noun's phrase marked for their role (ロシアによる, ウクライナへの)."""
    toks = parse.tokens
    sub = [
        t
        for t in parse.subtree(match.last)
        if t.i < match.first and not _through_clause(parse, t.i, match.last)
    ]
    out: dict[str, list[ActorRef]] = {"actor": [], "recipient": []}
    for t in sub:
        case = _norm(case_of(parse, t))
        role = _MARKED.get(case)
        if role is None and frame.id == "transfer" and case in {"から", "からの"}:
            role = "actor"
        if role is None or t.pos not in {"NOUN", "PROPN"}:
            continue
        if parse.bunsetsu[t.bunsetsu].head != t.i if t.bunsetsu >= 0 else True:
            continue
        _merge(out[role], phrase_refs(doc, parse, t))
    del toks
    return out


def _through_clause(parse: Parse, lower: int, upper: int) -> bool:
    """True when the path from ``lower`` up to ``upper`` passes a verb (a clause on the noun)."""
    for anc in parse.ancestors(lower):
        if anc.i == upper:
            return False
        if anc.pos in {"VERB", "ADJ"} and anc.dep not in {"fixed", "case"}:
            return True
    return False


def find_arguments(
    doc: Document,
    parse: Parse,
    match: TriggerMatch,
    lex: Lexicon,
    trigger_heads: set[int] | None = None,
) -> Arguments:
    """Actor, recipient, evidence span and place of one trigger occurrence.

    ``trigger_heads``: head tokens of the other triggers of the article; a
    dependent that is one of them is the event this one takes as its object
    (アメリカによる供与を非難した), not a participant.
    """
    trigger_heads = trigger_heads or set()
    frame: Frame = lex.frames.get(match.entry.frame) or lex.frames["default"]
    toks = parse.tokens
    pred = predicate_tokens(parse, match, lex)
    args = Arguments(predicate=pred)
    nominal = toks[pred[-1]].pos in {"NOUN", "PROPN"} and len(pred) == match.last - match.first + 1
    actor_cases = set(frame.actor)
    recipient_cases = set(frame.recipient)
    starts = [toks[match.first].start]
    wa_refs: list[ActorRef] = []
    along: list[ActorRef] = []
    passive = _passive(parse, match, pred)
    subject_end = -1
    for dep in _deps(parse, pred):
        if dep.i in trigger_heads and dep.i not in range(match.first, match.last + 1):
            args.objects.append(dep.i)
            continue
        raw = case_of(parse, dep)
        case = _norm(raw)
        if dep.lemma in _ALONG and case == "に":  # XとともにY
            for t in parse.children(dep.i):
                if _norm(case_of(parse, t)) == "と":
                    _merge(along, phrase_refs(doc, parse, t))
                    starts.append(_np_start(parse, t))
            continue
        if case == "で" and args.location is None:
            places = [
                m for m in doc.mentions_in(_np_start(parse, dep), dep.end) if m.kind == "place"
            ]
            if places or dep.ent in {"City", "Province", "Country", "GPE_Other", "Location_Other"}:
                args.location = doc.text[_np_start(parse, dep) : dep.end]
            continue
        role = None
        if dep.dep == "compound" and dep.bunsetsu == toks[match.last].bunsetsu:
            case = ""  # ウクライナ侵攻の: the の closes the compound, not the name
        if passive and case in _SUBJECT_CASES:
            role = "recipient"
        elif (passive and case in _AGENT_CASES) or case in actor_cases:
            role = "actor"
        elif case in recipient_cases:
            role = "recipient"
        elif case == "の" and (nominal or match.first <= dep.head <= match.last):
            role = frame.genitive
        elif case == "" and dep.dep == "compound" and nominal:
            role = frame.compound
        if role == "actor" and case == "の" and parse.text.startswith("対", _np_start(parse, dep)):
            role = "recipient"  # 対キューバの通商取引: trade with Cuba
        if role is None:
            continue
        refs = phrase_refs(
            doc, parse, dep, places=(role == "recipient" and frame.id in {"meet", "visit"})
        )
        if not refs:
            continue
        starts.append(_np_start(parse, dep))
        if role == "actor" and case in {"は", "も", "では", "としては"} and not passive:
            _merge(wa_refs, refs)  # a topic: the actor only when no が-subject is found
        elif role == "actor" and case == "が" and _inside_complement(parse, pred, dep):
            # "北朝鮮は、アメリカが先制攻撃しかねないと警告した": the が-subject is the
            # reported clause's; the warner is the topic and the warning is about the other
            _merge(args.reported_subject, refs)
        elif role == "actor":
            _merge(args.actor, refs)
            subject_end = max(subject_end, dep.end)
        else:
            _merge(args.recipient, refs)
    if args.reported_subject and not wa_refs:
        # with no topic to speak, the が-subject is the speaker (米国が…と非難した)
        _merge(args.actor, args.reported_subject)
        args.reported_subject = []
    if toks[match.last].pos in {"NOUN", "PROPN"}:
        marked = _marked_mentions(doc, parse, match, frame)
        _merge(args.actor, marked["actor"])
        _merge(
            args.recipient,
            [r for r in marked["recipient"] if r.code not in {a.code for a in args.actor}],
        )
    if not args.actor and not nominal and not passive:
        _merge(args.actor, _stray_subject(doc, parse, pred, match.first))
    topic = wa_refs or (
        _last_topic(doc, parse, match, subject_end)
        if args.actor and match.entry.governs == "hypothetical"
        else []
    )
    if (
        topic
        and args.actor
        and match.entry.governs == "hypothetical"
        and "よう"
        in doc.text[
            subject_end if subject_end >= 0 else parse.sentences[match.sent].start : toks[
                match.first
            ].start
        ]
        and not {r.code for r in args.actor} & {r.code for r in topic}
    ):
        # "アメリカは北朝鮮が約束を守るよう求める": the が-subject is asked, the topic asks
        _merge(args.recipient, args.actor)
        args.actor = list(topic)
    if not args.recipient and match.entry.governs == "hypothetical" and not nominal:
        # "北朝鮮に対し、挑発行為をやめるよう求めた": the parser hangs the addressee on the
        # requested act
        own = {r.code for r in args.actor + wa_refs}
        for t in parse.subtree(match.last):
            if t.i >= match.first or _norm(case_of(parse, t)) not in {"に対し", "に対して"}:
                continue
            _merge(args.recipient, [r for r in phrase_refs(doc, parse, t) if r.code not in own])
            starts.append(_np_start(parse, t))
    if not args.actor and not wa_refs:
        # "6カ国協議", "各国は…合意した": a plural word stands for the last list of states
        _merge(
            args.actor,
            plural_refs(
                doc,
                lex,
                toks[match.first].start,
                toks[match.last].end,
                parse.sentences[match.sent].start,
            ),
        )
    if not args.actor and wa_refs and _contrasted(parse, pred):
        # "韓国側が求めているのに対し、北朝鮮側は…求めている": the contrasted clause's subject
        # is the other side; the predicate's own topic acts
        _merge(args.actor, wa_refs)
    if not args.actor and not nominal:
        _chain_subject(doc, parse, pred, args)
    if not args.actor and wa_refs:
        _merge(args.actor, wa_refs)
    if (
        args.actor
        and not args.recipient
        and not args.objects
        and match.entry.frame in _DYADIC_FRAMES
        and not nominal
    ):
        _sentence_partner(doc, parse, match, args)
    if not args.actor:
        _merge(args.actor, _headline_subject(doc, parse, match))
    if args.actor:
        args.actor_from = "clause"
    # symmetric meetings: "AとBが会談" (A and B both act) is read by coordination already
    if (
        not args.actor
        and not nominal
        and not passive
        and not _in_quote(doc, toks[match.first].start)
    ):
        _chain_actor(doc, parse, pred, lex, args)
    _merge(args.actor, along)  # XはYとともに…: X leads, Y acts along
    args.nominal = nominal
    # the word itself may name the recipient (訪朝 → PRK)
    code = match.entry.recipient_code
    if code and all(r.code != code for r in args.recipient):
        actor = next((a for a in doc.actors if a.code == code and a.kind == "state"), None)
        args.recipient.append(
            ActorRef(
                code=code, name=actor.name if actor else code, actor_id=actor.id if actor else None
            )
        )
    # drop recipients that only repeat the actor, unless the event is domestic
    if args.actor and not match.entry.domestic:
        codes = {a.code for a in args.actor}
        rest = [r for r in args.recipient if r.code not in codes]
        args.recipient = rest
    # evidence: from the leftmost argument to the end of the predicate's bunsetsu
    last = toks[max(pred)]
    b = parse.bunsetsu[last.bunsetsu] if last.bunsetsu >= 0 else None
    end = b.end if b else last.end
    while end > last.end and doc.text[end - 1] in "、。，,・ 　":
        end -= 1
    sent = parse.sentences[match.sent]
    args.start = max(min(starts), sent.start)
    args.end = min(end, sent.end)
    return args


def _headline_subject(doc: Document, parse: Parse, match: TriggerMatch) -> list[ActorRef]:
    """The subject a headline opens with, before 、 or a space.

    "北朝鮮、日本の経済制裁発動を非難": North Korea accuses.
    """
    sent = parse.sentences[match.sent]
    block = doc.blocks[sent.block]
    root = parse.tokens[match.last]
    if block.kind not in {"headline", "subheading"} or root.head != root.i:
        return []  # only the headline's own predicate, not an event noun inside it
    opening = doc.mentions_in(block.start, parse.tokens[match.first].start)
    if not opening or opening[0].start != block.start:
        return []
    if not doc.text.startswith(("、", " ", "　"), opening[0].end):
        return []
    ref = ref_of(doc, opening[0])
    return [ref] if ref else []


def _last_topic(doc: Document, parse: Parse, match: TriggerMatch, before: int) -> list[ActorRef]:
    """The は-topic of the clause holding the trigger: the last "Xは" after the clause
    boundary (、) that precedes the trigger's が-subject (…公言しており、アメリカは北朝鮮が…)."""
    sent = parse.sentences[match.sent]
    end = before if before >= 0 else parse.tokens[match.first].start
    found: list[ActorRef] = []
    for m in doc.mentions_in(sent.start, end):
        if doc.text.startswith(("は", "は、"), m.end) and m.kind != "place":
            ref = ref_of(doc, m)
            found = [ref] if ref else []
    return found


_DYADIC_FRAMES = {"transfer", "speech"}
#: Verbs that make the event's subject its target (サイバー攻撃を受けた).
_RECEIVING = {"受ける", "被る", "浴びる"}
_AGENT_CASES = {"による", "によって", "により", "から", "からの"}


def _passive(parse: Parse, match: TriggerMatch, pred: list[int]) -> bool:
    """True when the predicate is passive (拘束された) or a verb of receiving carries it."""
    toks = parse.tokens
    if any(toks[i].lemma in _RECEIVING for i in pred):
        return True
    last = toks[match.last]
    for t in toks[match.last + 1 : match.last + 4]:
        if t.bunsetsu != last.bunsetsu:
            break
        if t.lemma in {"れる", "られる"}:
            return True
    return False


def _sentence_partner(doc: Document, parse: Parse, match: TriggerMatch, args: Arguments) -> None:
    """A missing recipient: the nearest other state named before it in the sentence (not quoted)."""
    sent = parse.sentences[match.sent]
    start = parse.tokens[match.first].start
    own = {r.code for r in args.actor}
    for m in reversed(doc.mentions_in(sent.start, start)):
        if m.kind != "state" or _in_quote(doc, m.start):
            continue
        ref = ref_of(doc, m)
        if ref is not None and ref.code not in own:
            args.recipient.append(ref)
            return


def _chain_subject(doc: Document, parse: Parse, pred: list[int], args: Arguments) -> None:
    """The が-subject of a clause chained to this one (AがXを訪問し、Bと会談する).

    A が-subject that a head further up holds before this predicate is also
    taken: in "XはAがBを訪問すると発表した" A is the subject of the visit.
    """
    top = parse.tokens[max(pred)]
    cur = top
    for _ in range(4):
        if cur.head == cur.i or cur.dep not in _CHAIN_DEPS | {"ccomp"}:
            break
        cur = parse.tokens[cur.head]
        refs = [
            r
            for d in parse.children(cur.i)
            if d.i < pred[0] and _norm(case_of(parse, d)) == "が"
            for r in phrase_refs(doc, parse, d)
        ]
        if refs:
            _merge(args.actor, refs)
            return
    for t in parse.children(top.i):
        if _norm(case_of(parse, t)).endswith(("と", "とする", "という")):
            continue  # a reported clause: its subject is what is reported on, not the speaker
        if t.dep in _CHAIN_DEPS and t.pos in {"VERB", "ADJ", "NOUN"}:
            refs = [
                r
                for d in parse.children(t.i)
                if _norm(case_of(parse, d)) in ("が",)
                for r in phrase_refs(doc, parse, d)
            ]
            if refs:
                _merge(args.actor, refs)
                return


def _shared_topic(doc: Document, parse: Parse, head: Token, below: Token) -> list[ActorRef]:
    """The は-topic of a clause coordinated before ``below`` under ``head``.

    In "北朝鮮は、…支持する立場を表明し、…支持する談話を発表した" the topic that
    opens the first clause is the subject of the second too.
    """
    for t in parse.children(head.i):
        if t.i >= below.i or t.dep not in _CHAIN_DEPS or t.pos not in {"VERB", "ADJ"}:
            continue
        if _norm(case_of(parse, t)).endswith(("と", "として", "とし")):
            continue  # "…によるとして": a source, not a clause of the same actor
        refs = [
            r
            for d in parse.children(t.i)
            if _norm(case_of(parse, d)) in {"は", "では"}
            for r in phrase_refs(doc, parse, d)
            if not _media(doc, r)
        ]
        if refs:
            return refs
    return []


def _media(doc: Document, ref: ActorRef) -> bool:
    actor = doc.actor_by_id(ref.actor_id)
    return actor is not None and actor.sector == "media"


#: Endings of a clause that sets another party against the main clause's.
_CONTRAST = ("のに対し", "のに対して", "一方", "一方で")


def _contrasted(parse: Parse, pred: list[int]) -> bool:
    """True when a clause chained to the predicate contrasts with it (…のに対し、…)."""
    ps = set(pred)
    return any(
        t.dep in _CHAIN_DEPS and case_of(parse, t).rstrip("、").endswith(_CONTRAST)
        for i in pred
        for t in parse.children(i)
        if t.i not in ps
    )


def _inside_complement(parse: Parse, pred: list[int], dep: Token) -> bool:
    """True when ``dep`` stands before the verb of a と-clause the predicate closes."""
    ps = set(pred)
    for i in pred:
        for t in parse.children(i):
            if (
                t.i not in ps
                and t.i > dep.i
                and t.pos in {"VERB", "ADJ", "AUX"}
                and case_of(parse, t).rstrip("、") in {"と", "とし", "として"}
            ):
                return True
    return False


def _stray_subject(doc: Document, parse: Parse, pred: list[int], first: int) -> list[ActorRef]:
    """A が-subject the parser hung on a noun of the clause (同国軍部が|大統領と…首相を拘束)."""
    top = max(pred)
    for t in parse.subtree(top):
        if t.i >= first or _norm(case_of(parse, t)) != "が":
            continue
        if parse.tokens[t.head].pos not in {"NOUN", "PROPN"} or _through_clause(parse, t.i, top):
            continue
        if parse.bunsetsu[t.bunsetsu].head != t.i if t.bunsetsu >= 0 else True:
            continue
        refs = phrase_refs(doc, parse, t)
        if refs:
            return refs
    return []


def _chain_actor(
    doc: Document, parse: Parse, pred: list[int], lex: Lexicon, args: Arguments
) -> None:
    """Fill a missing actor from the clauses the predicate continues, then the paragraph topic."""
    toks = parse.tokens
    accuse = _report_words(lex, "rep.accuse")
    stance = lex.words("stance")
    top = toks[max(pred)]
    refs = _shared_topic(doc, parse, top, top)
    if refs:
        _merge(args.actor, refs)
        args.actor_from = "chain"
        return
    cur = top
    for _ in range(6):
        if cur.head == cur.i:
            break
        dep = cur.dep
        up = toks[cur.head]
        if dep == "acl" and up.lemma not in stance:
            return  # a relative clause: its subject is not the main clause's
        if up.lemma in accuse or up.text in accuse:
            return  # the accuser is not the actor of what it accuses others of
        refs = _subject_refs(doc, parse, up) or _shared_topic(doc, parse, up, cur)
        if refs:
            _merge(args.actor, refs)
            args.actor_from = "chain"
            return
        cur = up
    # the paragraph topic: the last は/が subject with a code in the previous sentences
    sent = parse.sentences[top.sent]
    if _in_quote(doc, top.start):
        return
    for prev in reversed(parse.sentences[: sent.i]):
        if prev.block != sent.block:
            break
        for t in parse.sentence_tokens(prev.i):
            if t.head == t.i:
                refs = _subject_refs(doc, parse, t)
                if refs:
                    _merge(args.actor, refs)
                    args.actor_from = "topic"
                    return
        break  # only the sentence right before


def _in_quote(doc: Document, char: int) -> bool:
    """True when ``char`` lies in direct speech (a quote of the quote stage, or long 「…」)."""
    if any(q.start <= char < q.end and q.kind == "direct" for q in doc.quotes):
        return True
    return quoted(doc.text, char)


def quoted(text: str, start: int) -> bool:
    """True when ``start`` lies inside 「…」 speech (long bracketed content), not a name."""
    open_ = text.rfind("「", 0, start)
    if open_ < 0:
        return False
    if text.rfind("」", open_, start) >= 0:
        return False
    close = text.find("」", start)
    return close >= 0 and close - open_ > 16
