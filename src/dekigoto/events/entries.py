"""The event stage's language data: trigger, frame, cue and PLOVER entries (YAML in ``data/``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from dekigoto import lexicon
from dekigoto.models import EventType

TRIGGERS_FILE = "triggers.yaml"
CUES_FILE = "cues.yaml"
PLOVER_FILE = "plover.yaml"


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Frame(_Entry):
    """Which case markers carry the actor and the recipient of a trigger."""

    id: str
    actor: list[str]
    recipient: list[str]
    genitive: str = "actor"
    compound: str = "recipient"


class ContextRecipient(_Entry):
    """A recipient named by the paragraph rather than the clause."""

    code: str
    words: list[str]


class Trigger(_Entry):
    """A Japanese predicate or event noun that states a PLOVER event."""

    id: str
    type: EventType
    mode: str | None = None
    forms: list[str] = Field(min_length=1)
    frame: str = "default"
    context: list[str] = Field(default_factory=list)
    domestic: bool = False
    domestic_type: EventType | None = None
    recipient_code: str | None = None
    context_recipient: ContextRecipient | None = None
    governs: str | None = None
    needs_participant: bool = False
    needs_recipient: bool = False
    clause_recipient: bool = False
    not_with: list[str] = Field(default_factory=list)
    example: str


class Cue(_Entry):
    """A word or phrase read around a trigger (status, report, light verb, block…)."""

    id: str
    forms: list[str] = Field(min_length=1)
    status: str | None = None
    scope: str | None = None
    context: str | None = None
    not_for: list[str] = Field(default_factory=list)
    example: str


class PloverType(_Entry):
    """A PLOVER event type with its quad class, score and English verbs."""

    id: str
    quad: int
    score: float
    name: str
    modes: dict[str, float] = Field(default_factory=dict)


@dataclass(frozen=True)
class Lexicon:
    """Everything the event stage reads from data, loaded once per process."""

    triggers: tuple[Trigger, ...]
    frames: dict[str, Frame]
    cues: dict[str, tuple[Cue, ...]]  # by section
    plover: dict[str, PloverType]

    def cue_forms(self, section: str, scope: str | None = None) -> list[tuple[str, Cue]]:
        """(form, cue) pairs of a section (and scope), longest form first."""
        pairs = [
            (f, c)
            for c in self.cues.get(section, ())
            if scope is None or c.scope == scope
            for f in c.forms
        ]
        return sorted(pairs, key=lambda p: -len(p[0]))

    def words(self, section: str) -> frozenset[str]:
        """Every form of a cue section."""
        return frozenset(f for c in self.cues.get(section, ()) for f in c.forms)


_CUE_SECTIONS = (
    "status", "report", "light", "event_head", "block", "discontinue", "context", "stance",
    "plural", "attribution", "anaphor",
)  # fmt: skip


@functools.cache
def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    """Load triggers, frames, cues and PLOVER data (bundled files, then user files)."""
    triggers = lexicon.load(TRIGGERS_FILE, Trigger, extra, section="trigger")
    frames = lexicon.load(TRIGGERS_FILE, Frame, extra, section="frame")
    cues = {s: tuple(lexicon.load(CUES_FILE, Cue, extra, section=s)) for s in _CUE_SECTIONS}
    plover = lexicon.load(PLOVER_FILE, PloverType, ())
    return Lexicon(
        triggers=tuple(triggers),
        frames={f.id: f for f in frames},
        cues=cues,
        plover={p.id: p for p in plover},
    )
