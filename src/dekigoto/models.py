"""Typed records that the pipeline stages exchange and that the output is made of.

Every item carries its character span into ``Extraction.text`` (the text the
extractor was given: ``title + "\\n" + text`` when both are given) and the rule
or lexicon entry that produced it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
Status = Literal["occurred", "planned", "claimed", "possible", "negated"]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]
BlockKind = Literal["headline", "subheading", "paragraph", "citations"]
MentionKind = Literal["person", "state", "organisation", "place", "group"]
QuoteKind = Literal["direct", "indirect"]


class Record(BaseModel):
    """Base of every record: strict fields, stable JSON."""

    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """A stretch of the extraction text; ``text == source[start:end]``."""

    text: str
    start: int
    end: int


class Article(Record):
    """One input article, as ingested."""

    id: str
    title: str | None = None
    text: str
    published: str | None = Field(None, description="YYYY-MM-DD, given by the caller")
    source: str | None = Field(None, description="file and line it came from")


class Block(Span):
    """A structural unit of the article: headline, subheading, paragraph or cited sources."""

    kind: BlockKind


class Timex(Span):
    """A normalised time expression (values as in FORMAT.md, TimeML-like)."""

    id: str
    value: str | None = Field(
        None, description="YYYY, YYYY-MM, YYYY-MM-DD[THH:MM|TMO..], P4Y, FUTURE_REF…"
    )
    kind: Literal["date", "time", "duration", "vague", "set"] = "date"
    anchor: str | None = Field(
        None, description="what it was resolved against: dct, previous, none"
    )
    timezone: str | None = None
    rule: str = Field(..., description="id of the pattern that recognised it")


class Mention(Span):
    """One mention of an actor in the text."""

    actor_id: str | None = Field(None, description="the Actor this mention resolves to")
    kind: MentionKind
    source: str = Field(..., description="lexicon id, pattern, ginza, coref rule…")


class Actor(Record):
    """An entity of the article (after within-article coreference), coded."""

    id: str
    code: str | None = Field(None, description="ISO alpha-3, IGO code, or None if unknown")
    name: str = Field(..., description="English name")
    name_ja: str
    kind: MentionKind
    sector: str | None = None
    role: str | None = None
    country: str | None = Field(None, description="code of the state it belongs to")
    wikidata: str | None = None
    romanised: bool = Field(False, description="English name is a romanised fallback")
    lexicon_id: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class ActorRef(Record):
    """An actor as it appears in an event or quote: code and English name."""

    code: str | None
    name: str
    actor_id: str | None = None


class Event(Record):
    """One real-world event in PLOVER terms, with status, date and evidence."""

    id: str
    type: EventType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    actor: list[ActorRef] = Field(default_factory=list)
    recipient: list[ActorRef] = Field(default_factory=list)
    date: str | None = None
    date_timex: str | None = Field(None, description="id of the timex that dated it")
    date_rule: str | None = Field(
        None, description="how the date was found: clause, sentence, context"
    )
    status: Status
    status_cue: str = Field(..., description="the cue (or default) that decided the status")
    claimed_by: ActorRef | None = None
    location: str | None = None
    trigger: str = Field(..., description="id of the trigger lexicon entry")
    evidence: Span
    mentions: list[Span] = Field(default_factory=list, description="every evidence span")
    summary: str = ""
    score: float | None = None
    quad: int | None = None


class Speaker(Record):
    """Who said a quote."""

    name: str = Field(..., description="the speaker as written in the article")
    mentions: list[str] = Field(default_factory=list)
    code: str | None = None
    name_en: str | None = None
    role: str | None = None
    actor_id: str | None = None


class Quote(Span):
    """Direct (in 「」) or indirect reported speech with its speaker."""

    id: str
    kind: QuoteKind
    speaker: Speaker | None = None
    setting: str | None = Field(None, description="記者会見で, 声明で, インタビューに対し…")
    verb: str | None = None
    events: list[str] = Field(default_factory=list, description="ids of events inside it")


class Extraction(Record):
    """Everything extracted from one article (a superset of FORMAT.md's output)."""

    id: str
    published: str | None
    published_inferred: bool = False
    published_evidence: str | None = None
    text_used: Literal["title+text", "text"] = "text"
    title: str | None = None
    text: str
    blocks: list[Block] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    version: str = ""
