"""Find the speech predicate that governs a quoted content (述べた, 見方を示した, 祝電を送った…).

The walk starts at the head of the quoted content and climbs the dependency
tree: through transparent する/いう (とする, として, という), through a statement
noun to its verb (…という見通しを示した), and stops at the first other predicate.
"""

from __future__ import annotations

from dataclasses import dataclass

from dekigoto.nlp import Parse, Token
from dekigoto.quotes.lexicon import SpeechLexicon

#: How many heads the walk may climb above the content.
MAX_STEPS = 5
_TRANSPARENT = ("する", "し", "いう", "いっ", "言う")
_PASSIVE = ("れる", "られる")
_LEAD = "、,， も"


@dataclass(frozen=True)
class Predicate:
    """The speech predicate of a quote. ``token`` is where its subject attaches."""

    lemma: str
    kind: str
    indirect: bool
    person_only: bool
    token: int
    entry: str


def phrase_text(parse: Parse, token: Token) -> str:
    """The text of the bunsetsu of ``token`` from ``token`` on, without leading 、/も."""
    if token.bunsetsu < 0:
        return token.text
    b = parse.bunsetsu[token.bunsetsu]
    return parse.text[token.start : b.end].lstrip(_LEAD)


def _is_passive(parse: Parse, token: Token) -> bool:
    if token.bunsetsu < 0:
        return False
    b = parse.bunsetsu[token.bunsetsu]
    return any(
        t.lemma in _PASSIVE and t.pos == "AUX" for t in parse.tokens[token.i + 1 : b.last + 1]
    )


def window(parse: Parse, token: Token, size: int = 10) -> str:
    """Up to ``size`` characters of text from ``token`` on, within its sentence."""
    end = min(token.start + size, parse.sentences[token.sent].end)
    return parse.text[token.start : end]


def _verb_of(parse: Parse, lex: SpeechLexicon, token: Token) -> Predicate | None:
    verb = lex.verb_at(window(parse, token))
    if verb is None or _is_passive(parse, token):
        return None
    return Predicate(verb.lemma, verb.kind, verb.indirect, verb.person_only, token.i, verb.id)


def verb_lemma(parse: Parse, lex: SpeechLexicon, token: Token) -> str:
    """The lemma of the verb phrase at ``token`` (明らかにする rather than 明らか)."""
    verb = lex.verb_at(window(parse, token))
    return verb.lemma if verb is not None else token.lemma


def _noun_object(parse: Parse, lex: SpeechLexicon, verb: Token) -> Predicate | None:
    """``verb`` with a statement noun as its object (…考えを示した)."""
    for child in parse.children(verb.i):
        if child.dep != "obj" or child.i > verb.i:
            continue
        start = parse.bunsetsu[child.bunsetsu].start if child.bunsetsu >= 0 else child.start
        noun = lex.noun_at(parse.text[start : parse.bunsetsu[child.bunsetsu].end].strip())
        if noun is not None and not _is_passive(parse, verb):
            lemma = f"{noun.lemma}を{verb_lemma(parse, lex, verb)}"
            return Predicate(lemma, noun.kind, noun.indirect, noun.person_only, verb.i, noun.id)
    return None


def clause_verb(parse: Parse, lex: SpeechLexicon, after: int, before: int) -> Predicate | None:
    """…としている / …とした: a する phrase right after the particle that ends at ``after``.

    ``before`` is where the particle starts; content ending in a volitional
    (…しようとした, "tried to") is not speech.
    """
    rest = parse.text[after : after + 12]
    for entry, pattern in lex.clause_verbs:
        if any(parse.text[:before].endswith(v) for v in entry.not_after):
            continue
        if pattern.match(rest):
            token = parse.token_at(after)
            if token is None:
                return None
            return Predicate(
                entry.lemma, entry.kind, entry.indirect, entry.person_only, token.i, entry.id
            )
    return None


def is_name_frame(parse: Parse, lex: SpeechLexicon, after: int) -> bool:
    """Whether the text after the particle makes the bracket a name (と呼ばれる, という名の)."""
    rest = parse.text[after : after + 8].lstrip(_LEAD)
    return any(rest.startswith(form) for form in lex.not_quote)


def find_predicate(
    parse: Parse,
    lex: SpeechLexicon,
    content_head: int,
    after: int,
    *,
    before: int,
    indirect: bool = False,
) -> Predicate | None:
    """The speech predicate governing the content whose head is ``content_head``.

    ``before`` and ``after`` are the offsets of the quoting particle (と, という, との…).
    ``indirect``: the predicate must follow the particle at once (…と述べた,
    …という見方を示した, …としている); no walk through として or other clauses.
    """
    if is_name_frame(parse, lex, after):
        return None
    found = clause_verb(parse, lex, after, before)
    if found is not None:
        return found
    # the phrase right after the particle (「…」と述べ, 「…」と、強調し)
    token = parse.token_at(after)
    while token is not None and token.text in ("、", "も") and token.i + 1 < len(parse.tokens):
        token = parse.tokens[token.i + 1]
    if token is not None:
        found = _verb_of(parse, lex, token)
        if found is not None:
            return found
        if indirect:
            return _noun_then_verb(parse, lex, token)
    if indirect:
        return None
    return _climb(parse, lex, content_head) or _clause_ahead(parse, lex, after)


def _clause_ahead(parse: Parse, lex: SpeechLexicon, after: int) -> Predicate | None:
    """「…」として、…と示唆した: after として and a comma, the next speech verb of the sentence."""
    if not parse.text.startswith("して、", after):
        return None
    token = parse.token_at(after + 3)
    if token is None:
        return None
    sent = parse.sentences[token.sent]
    for t in parse.tokens[token.i : sent.last + 1]:
        if t.text == "「":
            return None
        if t.bunsetsu >= 0 and parse.bunsetsu[t.bunsetsu].first == t.i:
            found = _verb_of(parse, lex, t)
            if found is not None:
                return found
    return None


def _noun_then_verb(parse: Parse, lex: SpeechLexicon, token: Token) -> Predicate | None:
    """…という見方を示した: a statement noun right after the particle, then its verb."""
    noun = lex.noun_at(phrase_text(parse, token))
    head = parse.tokens[token.head]
    if noun is None or head.pos not in ("VERB", "AUX") or head.i == token.i:
        return None
    if _is_passive(parse, head):
        return None
    lemma = f"{noun.lemma}を{verb_lemma(parse, lex, head)}"
    return Predicate(lemma, noun.kind, noun.indirect, noun.person_only, head.i, noun.id)


def _climb(parse: Parse, lex: SpeechLexicon, content_head: int) -> Predicate | None:
    start = parse.tokens[content_head]
    noun_seen = None
    for n, head in enumerate(parse.ancestors(content_head)):
        if n >= MAX_STEPS or head.sent != start.sent:
            return None
        if head.bunsetsu == start.bunsetsu and head.bunsetsu >= 0:
            continue
        if noun_seen is not None:
            if head.pos not in ("VERB", "AUX") or _is_passive(parse, head):
                return None
            lemma = f"{noun_seen.lemma}を{verb_lemma(parse, lex, head)}"
            kind, ind, po = noun_seen.kind, noun_seen.indirect, noun_seen.person_only
            return Predicate(lemma, kind, ind, po, head.i, noun_seen.id)
        found = _verb_of(parse, lex, head)
        if found is not None:
            return found
        text = phrase_text(parse, head)
        noun = lex.noun_at(text)
        if noun is not None and head.pos in ("NOUN", "PROPN"):
            noun_seen = noun
            continue
        if head.pos in ("VERB", "AUX"):
            found = _noun_object(parse, lex, head)
            if found is not None:
                return found
        if text.startswith(_TRANSPARENT) or head.lemma in ("する", "いう", "言う"):
            continue
        return None
    return None
