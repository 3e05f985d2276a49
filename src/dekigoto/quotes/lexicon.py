"""The speech lexicon (``data/speech.yaml``): speech verbs, statement nouns, particles, titles."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from dekigoto import lexicon

FILE = "speech.yaml"
Kind = Literal["statement", "opinion"]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    example: str | None = None


class SpeechVerb(_Entry):
    """A speech or opinion predicate, recognised by the surface prefixes of its phrase."""

    lemma: str
    forms: list[str]
    kind: Kind
    indirect: bool = True
    person_only: bool = False


class SpeechNoun(_Entry):
    """A noun that holds a statement (見方, 声明, 祝電…), followed by a verb."""

    lemma: str
    kind: Kind
    indirect: bool = True
    person_only: bool = False


class ClauseVerb(_Entry):
    """A する phrase after と that closes a quoting clause (…としている)."""

    lemma: str
    pattern: str
    not_after: list[str] = []
    kind: Kind
    indirect: bool = True
    person_only: bool = False


class Pattern(_Entry):
    """A regular expression (quoting particles, announcing phrases)."""

    pattern: str


class Form(_Entry):
    """A plain word form (titles, settings, name-making predicates)."""

    form: str


@dataclass(frozen=True)
class SpeechLexicon:
    """Everything the quotes stage reads from ``speech.yaml``."""

    verbs: tuple[SpeechVerb, ...]
    nouns: tuple[SpeechNoun, ...]
    clause_verbs: tuple[tuple[ClauseVerb, re.Pattern[str]], ...]
    particle: re.Pattern[str]
    announce: re.Pattern[str]
    not_quote: tuple[str, ...]
    titles: tuple[str, ...]
    settings: tuple[str, ...]
    setting_cases: tuple[str, ...]
    agent_entities: tuple[str, ...]
    bodies: tuple[str, ...]

    def verb_at(self, text: str) -> SpeechVerb | None:
        """The speech verb whose form begins ``text``, if any (longest form wins)."""
        best: tuple[int, SpeechVerb] | None = None
        for verb in self.verbs:
            for form in verb.forms:
                if text.startswith(form) and (best is None or len(form) > best[0]):
                    best = (len(form), verb)
        return best[1] if best else None

    def noun_at(self, text: str) -> SpeechNoun | None:
        """The statement noun that ``text`` consists of (with a trailing を/も/は), if any."""
        for noun in self.nouns:
            rest = text[len(noun.lemma) :] if text.startswith(noun.lemma) else None
            if rest is not None and re.fullmatch(r"[をもは]?[、]?", rest):
                return noun
        return None

    def is_body(self, name: str) -> bool:
        """Whether ``name`` ends like a body that can speak (政府, 省, 病院…)."""
        return any(name.endswith(b) for b in self.bodies)

    def is_person_title(self, name: str) -> bool:
        """Whether ``name`` ends with a person title (報道官, 大統領, 氏…)."""
        return any(name.endswith(t) for t in self.titles)


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@functools.cache
def load_speech(extra: tuple[Path, ...] = ()) -> SpeechLexicon:
    """Load and compile the speech lexicon (bundled file merged with user files)."""

    def forms(section: str) -> tuple[str, ...]:
        entries = lexicon.load(FILE, Form, extra, section)
        return tuple(sorted((e.form for e in entries), key=len, reverse=True))

    particles = [e.pattern for e in lexicon.load(FILE, Pattern, extra, "particle")]
    announce = [e.pattern for e in lexicon.load(FILE, Pattern, extra, "announce")]
    clause = lexicon.load(FILE, ClauseVerb, extra, "clause_verb")
    return SpeechLexicon(
        verbs=tuple(lexicon.load(FILE, SpeechVerb, extra, "verb")),
        nouns=tuple(lexicon.load(FILE, SpeechNoun, extra, "noun")),
        clause_verbs=tuple((c, re.compile(c.pattern)) for c in clause),
        # longest alternatives first, so that との wins over と
        particle=re.compile(_alternation(sorted(particles, key=len, reverse=True))),
        announce=re.compile(_alternation(announce)),
        not_quote=forms("not_quote"),
        titles=forms("title"),
        settings=forms("setting"),
        setting_cases=forms("setting_case"),
        agent_entities=forms("agent_entity"),
        bodies=forms("body"),
    )
