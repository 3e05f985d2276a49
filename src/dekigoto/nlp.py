"""The one module that talks to spaCy/GiNZA.

It loads the ``ja_ginza`` model once per process and turns its Doc objects into
dekigoto's own plain records (tokens, sentences, bunsetsu, entities) whose
character offsets point into the extraction text. No other module imports spaCy.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dekigoto.errors import ModelError
from dekigoto.models import Block

log = logging.getLogger(__name__)

MODEL_NAME = "ja_ginza"
#: Sudachi refuses inputs over 49,149 bytes; parse long blocks in chunks well below that.
MAX_CHUNK_CHARS = 3000
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")


@dataclass(frozen=True, slots=True)
class Token:
    """One token of the article. ``i`` and ``head`` index ``Parse.tokens``."""

    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    start: int
    end: int
    sent: int
    bunsetsu: int
    ent: str = ""
    ent_iob: str = "O"
    inflection: str = ""
    reading: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its tokens are ``Parse.tokens[first:last + 1]``."""

    i: int
    start: int
    end: int
    first: int
    last: int
    block: int


@dataclass(frozen=True, slots=True)
class Bunsetsu:
    """A bunsetsu (phrase unit): tokens ``first..last``, ``head`` is its head token."""

    i: int
    first: int
    last: int
    head: int
    phrase: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A GiNZA named entity (Extended Named Entity label)."""

    start: int
    end: int
    label: str
    first: int
    last: int


@dataclass
class Parse:
    """The parsed article: tokens, sentences, bunsetsu and entities, all over one text."""

    text: str
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    bunsetsu: list[Bunsetsu] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def children(self, i: int) -> list[Token]:
        """Tokens whose head is token ``i`` (excluding ``i`` itself)."""
        return [t for t in self.sentence_tokens(self.tokens[i].sent) if t.head == i and t.i != i]

    def sentence_tokens(self, sent: int) -> list[Token]:
        """The tokens of sentence ``sent``."""
        s = self.sentences[sent]
        return self.tokens[s.first : s.last + 1]

    def sentence_at(self, char: int) -> Sentence | None:
        """The sentence that holds character ``char``, if any."""
        for s in self.sentences:
            if s.start <= char < s.end:
                return s
        return None

    def token_at(self, char: int) -> Token | None:
        """The token that holds character ``char``, if any."""
        for t in self.tokens:
            if t.start <= char < t.end:
                return t
        return None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens that overlap ``[start, end)``."""
        return [t for t in self.tokens if t.start < end and t.end > start]

    def ancestors(self, i: int) -> list[Token]:
        """Heads of token ``i`` up to the sentence root."""
        out: list[Token] = []
        seen = {i}
        cur = self.tokens[i]
        while cur.head != cur.i and cur.head not in seen:
            seen.add(cur.head)
            cur = self.tokens[cur.head]
            out.append(cur)
        return out

    def subtree(self, i: int) -> list[Token]:
        """Token ``i`` and every token that depends on it, in text order."""
        sent = self.sentence_tokens(self.tokens[i].sent)
        keep = {i}
        changed = True
        while changed:
            changed = False
            for t in sent:
                if t.i not in keep and t.head in keep and t.head != t.i:
                    keep.add(t.i)
                    changed = True
        return [t for t in sent if t.i in keep]


def _use_numpy_ops() -> None:
    """Use numpy's BLAS instead of blis (much faster on CPUs where blis falls back to generic).

    Set ``DEKIGOTO_BLIS=1`` to keep thinc's default.
    """
    if os.environ.get("DEKIGOTO_BLIS") == "1":
        return
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))


@functools.cache
def load_model():
    """Load the GiNZA model once per process."""
    _use_numpy_ops()
    try:
        import spacy

        return spacy.load(MODEL_NAME)
    except OSError as exc:  # model package missing
        raise ModelError(
            f"cannot load the GiNZA model {MODEL_NAME!r}: {exc}. Install it with "
            "`pip install ja-ginza`."
        ) from exc


def _chunks(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Split ``text[start:end]`` into pieces of at most MAX_CHUNK_CHARS at sentence ends."""
    pos = start
    while end - pos > MAX_CHUNK_CHARS:
        window = text[pos : pos + MAX_CHUNK_CHARS]
        cut = max(window.rfind(c) for c in "。！？!?\n")
        cut = pos + cut + 1 if cut > MAX_CHUNK_CHARS // 4 else pos + MAX_CHUNK_CHARS
        yield pos, cut
        pos = cut
    if pos < end:
        yield pos, end


def parse_blocks(
    text: str, blocks: Sequence[Block], *, skip: Iterable[str] = ("citations",)
) -> Parse:
    """Parse the blocks of ``text`` (except the kinds in ``skip``) into one :class:`Parse`.

    Each block is parsed on its own, so that a headline or subheading never
    runs into the next paragraph; offsets are shifted back into ``text``.
    """
    import ginza

    nlp = load_model()
    skip = set(skip)
    pieces: list[tuple[int, int, int]] = []  # (block index, start, end)
    for bi, block in enumerate(blocks):
        if block.kind in skip:
            continue
        for s, e in _chunks(text, block.start, block.end):
            # leading/trailing white space would shift offsets; trim it
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                pieces.append((bi, s, e))
    parse = Parse(text=text)
    docs = nlp.pipe(text[s:e] for _, s, e in pieces)
    for (bi, s, _e), doc in zip(pieces, docs, strict=True):
        _append_doc(parse, doc, bi, s, ginza)
    return parse


def _append_doc(parse: Parse, doc, block: int, offset: int, ginza) -> None:
    base = len(parse.tokens)
    bunsetsu_of: dict[int, int] = {}
    for span in ginza.bunsetu_spans(doc):
        bi = len(parse.bunsetsu)
        heads = [h for h in ginza.bunsetu_head_list(span)]
        head = span.start + (heads[0] if heads else len(span) - 1)
        phrase = span.label_ if span.label_ else ""
        parse.bunsetsu.append(
            Bunsetsu(
                i=bi,
                first=base + span.start,
                last=base + span.end - 1,
                head=base + head,
                phrase=phrase,
                start=offset + span.start_char,
                end=offset + span.end_char,
            )
        )
        for k in range(span.start, span.end):
            bunsetsu_of[k] = bi
    for sent in doc.sents:
        si = len(parse.sentences)
        parse.sentences.append(
            Sentence(
                i=si,
                start=offset + sent.start_char,
                end=offset + sent.end_char,
                first=base + sent.start,
                last=base + sent.end - 1,
                block=block,
            )
        )
        for tok in sent:
            infl = tok.morph.get("Inflection")
            reading = tok.morph.get("Reading")
            parse.tokens.append(
                Token(
                    i=base + tok.i,
                    text=tok.text,
                    lemma=tok.lemma_,
                    pos=tok.pos_,
                    tag=tok.tag_,
                    dep=tok.dep_,
                    head=base + tok.head.i,
                    start=offset + tok.idx,
                    end=offset + tok.idx + len(tok.text),
                    sent=si,
                    bunsetsu=bunsetsu_of.get(tok.i, -1),
                    ent=tok.ent_type_,
                    ent_iob=tok.ent_iob_,
                    inflection=infl[0] if infl else "",
                    reading=reading[0] if reading else "",
                )
            )
    for ent in doc.ents:
        parse.entities.append(
            Entity(
                start=offset + ent.start_char,
                end=offset + ent.end_char,
                label=ent.label_,
                first=base + ent.start,
                last=base + ent.end - 1,
            )
        )


def parse_text(text: str) -> Parse:
    """Parse a plain string as one paragraph (for tests and quick use)."""
    return parse_blocks(text, [Block(kind="paragraph", text=text, start=0, end=len(text))])
