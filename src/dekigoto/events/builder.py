"""Turn trigger matches into event mentions (one per trigger occurrence, before merging)."""

from __future__ import annotations

from dataclasses import dataclass

from dekigoto import time as time_stage
from dekigoto.document import Document
from dekigoto.events.arguments import Arguments, case_of, find_arguments, quoted
from dekigoto.events.attribution import Attribution, attributing_quotes, attributions
from dekigoto.events.context import article_dyad, dyad_partner, previous_target, single_country
from dekigoto.events.entries import Lexicon
from dekigoto.events.merge import WITH_OTHERS
from dekigoto.events.status import read_status
from dekigoto.events.triggers import TriggerMatch, find_triggers
from dekigoto.models import ActorRef, Event, Span
from dekigoto.nlp import Parse, Token

#: Types whose target, when none is named, is the actor's own state (domestic politics).
_INWARD_TYPES = {
    "CONCEDE",
    "ACCUSE",
    "REJECT",
    "REQUEST",
    "SANCTION",
    "COERCE",
    "ASSAULT",
    "PROTEST",
    "RETREAT",
}


#: Types aimed at another party: with none named, the article's context supplies it.
_DYADIC_TYPES = {"AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST", "THREATEN", "ACCUSE", "REJECT"}

#: Attacks whose attacker an article may name apart from the clause (発信元は北朝鮮).
_ATTACKS = {"COERCE", "ASSAULT"}

#: Types aimed at a wrongdoer: with no target named, the actor of an act the sentence states.
_AIMED_AT_WRONGDOER = {"THREATEN", "SANCTION"}

#: Types that address someone: with no target named, the article's country is addressed.
_TARGETED_TYPES = {"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SANCTION", "SUPPORT"}


def focus_ref(doc: Document) -> ActorRef | None:
    """The country the article is about, from the actor stage (if it offers one)."""
    from dekigoto import actors

    fn = getattr(actors, "focus_country", None)
    if fn is None:
        return None
    found = fn(doc)
    if found is None:
        return None
    if isinstance(found, ActorRef):
        return found
    code = getattr(found, "code", found)
    if not isinstance(code, str):
        return None
    actor = next((a for a in doc.actors if a.code == code and a.kind == "state"), None)
    return ActorRef(
        code=code, name=actor.name if actor else code, actor_id=actor.id if actor else None
    )


def _governor(
    parse: Parse, match: TriggerMatch, by_token: dict[int, TriggerMatch]
) -> TriggerMatch | None:
    """The trigger that takes this one as its object (支援を求める → 求める), within 3 heads."""
    toks = parse.tokens
    cur = toks[match.last]
    for _ in range(3):
        if cur.head == cur.i or (
            cur.pos == "VERB" and cur.dep in {"advcl", "conj"} and not _complement(parse, cur)
        ):
            # a clause chained to a verb ("…と見方を示し、…検討している", "訪問した際に、…
            # 打診した") is no object; "賛成しないように指示した" is
            return None
        up = toks[cur.head]
        other = by_token.get(up.i)
        if other is not None and other is not match:
            return other
        if (
            up.pos == "VERB"
            and up.lemma not in {"する", "行う", "図る", "強化", "実施", "守る"}
            and case_of(parse, cur).rstrip("、") not in {"を", "の", "に", ""}
        ):
            return None
        cur = up
    return None


def _complement(parse: Parse, tok: Token) -> bool:
    """True when a verb's bunsetsu ends it as a complement (…しないように, …すると, …することを)."""
    end = parse.bunsetsu[tok.bunsetsu].end if tok.bunsetsu >= 0 else tok.end
    tail = parse.text[tok.end : end].rstrip("、")
    return "よう" in tail or tail.endswith(("と", "ことを", "ことに"))


def _discontinued(parse: Parse, match: TriggerMatch, lex: Lexicon) -> bool:
    """True when the cooperation or aid is the object of a verb that stops it (援助を中断)."""
    words = lex.words("discontinue")
    toks = parse.tokens
    cur = toks[match.last]
    for _ in range(2):
        if cur.head == cur.i:
            return False
        up = toks[cur.head]
        if up.lemma in words or up.text in words:
            return True
        cur = up
    return False


def _contexts(doc: Document, parse: Parse, match: TriggerMatch, lex: Lexicon) -> list[str]:
    sent = parse.sentences[match.sent]
    text = doc.text[sent.start : sent.end]
    found = set(match.entry.context)
    for cue in lex.cues.get("context", ()):
        if cue.context and any(f in text for f in cue.forms):
            found.add(cue.context)
    return sorted(found)


#: Sectors of organisations that are not political actors (firms, sports clubs).
_NON_POLITICAL_SECTORS = {"business", "sports", "education"}


def _political(doc: Document, refs: list[ActorRef]) -> list[ActorRef]:
    """The refs that stand for political actors (not firms, sports clubs or their people)."""
    out = []
    for r in refs:
        actor = doc.actor_by_id(r.actor_id)
        if actor is not None and (
            (
                actor.kind == "organisation"
                and (actor.sector is None or actor.sector in _NON_POLITICAL_SECTORS)
            )
            or (actor.kind == "person" and actor.sector in _NON_POLITICAL_SECTORS)
        ):
            continue
        out.append(r)
    return out


def _participants_ok(match: TriggerMatch, args: Arguments) -> bool:
    codes = {r.code for r in args.actor + args.recipient if r.code}
    if not codes:
        return False
    if match.entry.type == "CONSULT" and not args.recipient:
        # a meeting needs a host or partner, several parties, or an international body
        actors = {r.code for r in args.actor if r.code}
        if len(actors) < 2 and not any(len(c) != 3 for c in actors):
            return False
    if (
        match.entry.needs_participant
        and args.actor_from not in {"clause", "chain"}
        and not args.recipient
    ):
        return False
    return not (match.entry.needs_recipient and not args.recipient)


def _sentence_blocked(doc: Document, parse: Parse, match: TriggerMatch, lex: Lexicon) -> bool:
    """True when the sentence is about a domain with no political events (a sports match),
    or its paragraph or the headline holds a word that cancels this trigger (``not_with``)."""
    sent = parse.sentences[match.sent]
    text = doc.text[sent.start : sent.end]
    if match.entry.not_with:
        # the paragraph and the headline tell what the article is about (a crash, a flood)
        block = doc.blocks[sent.block] if doc.blocks else None
        head = next((b for b in doc.blocks if b.kind == "headline"), None)
        scope = text + (block.text if block else "") + (head.text if head else "")
        if any(w in scope for w in match.entry.not_with):
            return True  # an accident investigation, a rescue mobilisation
    return any(
        f in text for c in lex.cues.get("block", ()) if c.scope == "sentence" for f in c.forms
    )


def build_events(
    doc: Document, parse: Parse, lex: Lexicon, *, keys: dict[str, tuple[int, str]] | None = None
) -> list[Event]:
    """One event per trigger occurrence that has a coded participant.

    ``keys``, when given, receives each mention's sentence and trigger head lemma.
    """
    matches = [
        m
        for m in find_triggers(parse, lex)
        if not _sentence_blocked(doc, parse, m, lex) and not _source(parse, m)
    ]
    by_token = {i: m for m in matches for i in range(m.first, m.last + 1)}
    heads = {m.last for m in matches}
    all_args = {id(m): find_arguments(doc, parse, m, lex, heads) for m in matches}
    by_head = {m.last: m for m in matches}
    focus: ActorRef | bool | None = False
    dyad: tuple[str, str] | bool | None = False
    blocks_of: dict[str, int] = {}
    attrs: list[Attribution] | None = None
    out: list[Event] = []
    for match in matches:
        entry = match.entry
        gov = _governor(parse, match, by_token)
        if gov is not None and gov.entry.governs == "hypothetical":
            continue
        etype, mode = entry.type, entry.mode
        if etype in {"AID", "COOPERATE"} and _discontinued(parse, match, lex):
            etype, mode = "SANCTION", "discontinue"
        trigger_id = entry.id
        earlier = _antecedent(doc, parse, match, lex, out)
        if earlier is not None:
            # "同じ攻撃を受けており": the attack named before (a cyber attack)
            etype, mode, trigger_id = earlier.type, earlier.mode, earlier.trigger
        args = all_args[id(match)]
        args.actor = _political(doc, args.actor)
        if etype == "THREATEN" and args.reported_subject and args.actor:
            # a warning that another state may act alleges it; the warner threatens nothing
            etype, mode = "ACCUSE", "allege"
            own = {r.code for r in args.actor}
            args.recipient = [r for r in args.reported_subject if r.code not in own]
        # the event it takes as object names its recipient (アメリカによる供与を非難 → USA)
        if not args.recipient:
            own = {r.code for r in args.actor}
            for obj in args.objects:
                inner = all_args[id(by_head[obj])]
                args.recipient = [r for r in inner.actor if r.code not in own] or (
                    [r for r in inner.recipient if r.code not in own]
                    if entry.clause_recipient
                    else []
                )
                if args.recipient:
                    break
        if not args.actor and args.recipient and etype in _ATTACKS:
            # "…のコンピューターがサイバー攻撃を受け" + "発信元は北朝鮮": the attributed state
            if attrs is None:
                attrs = attributions(doc, lex)
            own = {r.code for r in args.recipient}
            found = next((a.ref for a in attrs if a.ref.code not in own), None)
            if found is not None:
                args.actor = [found]
                args.actor_from = "attribution"
        if entry.clause_recipient and not args.recipient:
            continue  # "検討する" with nobody it is considered with is no offer
        _context_recipient(doc, parse, match, args)
        if _in_speech(doc, parse, match, args):
            continue
        if not args.recipient and etype in _AIMED_AT_WRONGDOER and args.actor:
            # "「北朝鮮からロシアへの武器の供与は決議違反」と強調し、新たな制裁も辞さない":
            # the threat is aimed at whoever acts in the act the sentence condemns
            own = {r.code for r in args.actor}
            for other in matches:
                if other.sent == match.sent and other.first < match.first:
                    inner = [r for r in all_args[id(other)].actor if r.code not in own]
                    if inner:
                        args.recipient = inner
                        break
        if (
            not args.recipient
            and len({r.code for r in args.actor}) == 1
            and etype in _DYADIC_TYPES
            and not entry.domestic
        ):
            if dyad is False:
                dyad = article_dyad(doc)
            block = parse.sentences[match.sent].block
            args.recipient = dyad_partner(doc, args.actor, dyad) or previous_target(
                out, args.actor, block, blocks_of
            )
        if entry.domestic:
            if focus is False:
                focus = focus_ref(doc)
            if args.actor and not args.recipient:
                args.recipient = list(args.actor)  # a coup in Fiji is aimed at Fiji
            elif isinstance(focus, ActorRef):
                if not args.actor:
                    args.actor = [focus]
                    args.actor_from = "focus"
                if not args.recipient:
                    args.recipient = [focus]
        if not _participants_ok(match, args):
            continue
        inward = etype in _INWARD_TYPES or entry.domestic_type is not None
        if not args.recipient and (inward or etype in _TARGETED_TYPES) and args.actor:
            # with no target named, a state's own organs act on that state, and
            # demands, refusals and accusations address the country the article is about
            if focus is False:
                focus = focus_ref(doc)
            codes = {r.code for r in args.actor}
            if isinstance(focus, ActorRef):
                if codes == {focus.code}:
                    args.recipient = [focus] if inward else []
                elif (
                    etype in _TARGETED_TYPES
                    and focus.code not in codes
                    and (etype != "SUPPORT" or single_country(doc) == focus.code)
                ):
                    args.recipient = [focus]  # praise in an article about one country is for it
        if etype in WITH_OTHERS and not entry.domestic_type:
            # an ASEAN meeting is held by ASEAN, not with it
            own = {r.code for r in args.actor}
            args.recipient = [r for r in args.recipient if r.code not in own]
        actor_codes = {r.code for r in args.actor if r.code}
        recipient_codes = {r.code for r in args.recipient if r.code}
        if entry.domestic_type and actor_codes and actor_codes == recipient_codes:
            etype = entry.domestic_type
        reading = read_status(doc, parse, match, args.predicate, actor_codes, lex, etype)
        head = max(args.predicate)
        dated = time_stage.date_for(doc, args.start, args.end, head)
        since = _since(doc, parse, match) if args.nominal else None
        if since is not None:
            dated = since  # "訪問は、2019年4月以来、4年ぶりで": the previous visit
        status, cue = reading.status, reading.cue
        if (
            dated is not None
            and doc.dct is not None
            and status in {"occurred", "claimed"}
            and dated.value > doc.dct.isoformat()[: len(dated.value)]
            and not _past(parse, head)
        ):
            status, cue = "planned", "future-date"
        evidence = Span(text=doc.text[args.start : args.end], start=args.start, end=args.end)
        blocks_of[f"m{len(out) + 1}"] = parse.sentences[match.sent].block
        if keys is not None:
            keys[f"m{len(out) + 1}"] = (match.sent, parse.tokens[match.last].lemma)
        out.append(
            Event(
                id=f"m{len(out) + 1}",
                type=etype,
                mode=mode,
                context=_contexts(doc, parse, match, lex),
                actor=args.actor,
                recipient=args.recipient,
                date=dated.value if dated else None,
                date_timex=dated.timex_id if dated else None,
                date_rule=(dated.rule if dated else None)
                if not (args.nominal and dated and dated.rule == "dct")
                else "reference",
                status=status,
                status_cue=cue,
                claimed_by=reading.claimed_by
                if status == "claimed" or reading.claimed_by
                else None,
                location=args.location,
                trigger=trigger_id,
                evidence=evidence,
                mentions=[evidence],
            )
        )
    if attrs is None:
        attrs = attributions(doc, lex)
    if attrs:
        out.extend(_attribution_accusations(doc, parse, attrs, len(out)))
    return out


def _attribution_accusations(
    doc: Document, parse: Parse, attrs: list[Attribution], count: int
) -> list[Event]:
    """ACCUSE events of speakers who name the state behind an attack (発信元は北朝鮮)."""
    out = []
    for attr, quote in attributing_quotes(doc, attrs):
        sent = next((s for s in parse.sentences if s.start <= quote.start < s.end), None)
        if sent is None:
            continue
        end = min(sent.end, max(quote.end, sent.end - 1))
        while end > quote.end and doc.text[end - 1] in "、。":
            end -= 1
        head = next((t.i for t in parse.tokens if t.start >= quote.end and t.pos == "VERB"), None)
        dated = time_stage.date_for(doc, sent.start, end, head)
        evidence = Span(text=doc.text[sent.start : end], start=sent.start, end=end)
        speaker = quote.speaker
        out.append(
            Event(
                id=f"m{count + len(out) + 1}",
                type="ACCUSE",
                mode="allege",
                context=["cyber"] if "サイバー" in evidence.text else [],
                actor=[
                    ActorRef(
                        code=speaker.code,
                        name=speaker.name_en or speaker.name,
                        actor_id=speaker.actor_id,
                    )
                ],
                recipient=[attr.ref],
                date=dated.value if dated else None,
                date_timex=dated.timex_id if dated else None,
                date_rule=dated.rule if dated else None,
                status="occurred",
                status_cue=attr.cue,
                trigger=attr.cue,
                evidence=evidence,
                mentions=[evidence],
            )
        )
    return out


def _antecedent(
    doc: Document, parse: Parse, match: TriggerMatch, lex: Lexicon, earlier: list[Event]
) -> Event | None:
    """The earlier event a trigger word with an anaphoric modifier (同じ攻撃) repeats.

    It is the last earlier event whose trigger is a longer word ending in this one
    (サイバー攻撃 for 攻撃).
    """
    start = parse.tokens[match.first].start
    before = doc.text[max(0, start - 4) : start]
    if not any(before.endswith(f) for f in lex.words("anaphor")):
        return None
    word = doc.text[start : parse.tokens[match.last].end]
    by_id = {t.id: t for t in lex.triggers}
    for ev in reversed(earlier):
        entry = by_id.get(ev.trigger)
        if (
            ev.trigger != match.entry.id
            and entry is not None
            and any(f != word and f.endswith(word) for f in entry.forms)
        ):
            return ev
    return None


@dataclass(frozen=True)
class _Dated:
    value: str
    timex_id: str
    rule: str


#: "XX以来、N年ぶり": the event noun that is the topic names the previous occurrence at XX.
_SINCE = ("以来",)
_AGAIN = ("ぶり", "振り")


def _since(doc: Document, parse: Parse, match: TriggerMatch) -> _Dated | None:
    """The date of the previous occurrence a topic event noun states with 以来…ぶり."""
    sent = parse.sentences[match.sent]
    head = parse.tokens[match.last]
    if case_of(parse, head).rstrip("、") not in {"は", "も"}:
        return None
    text = doc.text[head.end : sent.end]
    if not any(w in text for w in _AGAIN):
        return None
    for t in doc.timexes:
        if (
            head.end <= t.start < sent.end
            and t.value
            and t.kind == "date"
            and doc.text.startswith(_SINCE, t.end)
            and t.value[:4].isdigit()
        ):
            return _Dated(value=t.value, timex_id=t.id, rule="since")
    return None


def _source(parse: Parse, match: TriggerMatch) -> bool:
    """True for an event noun that only names a source (台湾メディアの調査によると)."""
    head = parse.tokens[match.last]
    return head.pos in {"NOUN", "PROPN"} and case_of(parse, head).rstrip("、") in {
        "によると",
        "によれば",
        "に拠れば",
    }


def _context_recipient(doc: Document, parse: Parse, match: TriggerMatch, args: Arguments) -> None:
    """A recipient the paragraph names (a veto → the Security Council)."""
    rule = match.entry.context_recipient
    if rule is None or any(r.code == rule.code for r in args.recipient):
        return
    block = doc.blocks[parse.sentences[match.sent].block]
    if any(w in block.text for w in rule.words):
        actor = next((a for a in doc.actors if a.code == rule.code), None)
        name = actor.name if actor else rule.code
        args.recipient.append(
            ActorRef(code=rule.code, name=name, actor_id=actor.id if actor else None)
        )


def _in_speech(doc: Document, parse: Parse, match: TriggerMatch, args: Arguments) -> bool:
    """True for an event inside direct speech that is not the speaker's own side's act."""
    start = parse.tokens[match.first].start
    quote = next((q for q in doc.quotes if q.start <= start < q.end and q.kind == "direct"), None)
    if quote is None:
        return quoted(doc.text, start)
    if args.actor_from != "clause" or quote.speaker is None or not quote.speaker.code:
        return True
    return quote.speaker.code not in {r.code for r in args.actor}


def _past(parse: Parse, head: int) -> bool:
    toks = parse.tokens
    b = toks[head].bunsetsu
    return any(
        t.text in {"た", "だ"} and t.pos == "AUX"
        for t in toks[head + 1 : head + 5]
        if t.bunsetsu == b
    )
