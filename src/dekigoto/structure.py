"""Structure stage: tell headline, subheadings, paragraphs and cited sources apart.

Reads: ``text`` (and whether a title was given). Writes: ``blocks``.
Offsets always point into the extraction text.
"""

from __future__ import annotations

import re

from dekigoto.models import Block

REQUIRES = ("text",)
ASSIGNS = ("blocks",)

#: A line this short with no sentence-final 。 is a subheading.
SUBHEADING_MAX_CHARS = 40
_DATE = re.compile(
    r"(\d{4}年\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|"
    r"(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s*\d{1,2}\s*(st|nd|rd|th)?\s*,\s*\d{4}|\d{1,2}\s*(January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\s*\d{4})"
)
_TITLE_MARK = re.compile(r"[『』\"“”]")
#: Wikinews-style cited-source pieces end with 。 (Japanese) or . (Latin).
_PIECE = re.compile(r"[^。]*。|[^。]+$")
#: Pieces of other kinds that may close a cited-source list.
_TRAILING_NOISE = 2
#: An outlet with a bare year or no date ("フォーリン・アフェアーズ、2005年。", "…、。").
_YEAR_END = re.compile(r"、\s*(\d{4}年)?。$")
#: A sister-project link after the sources ("ウィキペディアに…に関する記事があります。").
_SISTER_LINK = re.compile(
    r"ウィキ(ペディア|メディア・コモンズ|ソース|ブックス|ニュース)に.{0,120}があります。$"
)


def _is_citation_piece(piece: str) -> bool:
    """A piece of a cited-source list: a work title in 『』 or quotes, or an outlet and date."""
    piece = piece.strip()
    if not piece:
        return True
    if _SISTER_LINK.search(piece):
        return True
    if len(piece) <= 60 and _YEAR_END.search(piece):
        return True
    if _TITLE_MARK.search(piece):
        return len(piece) < 400
    # "朝日新聞社、2011年1月15日。": an outlet, then the date near the end
    date = _DATE.search(piece)
    return bool(date) and len(piece) <= 80 and len(piece) - date.end() <= 25


def _citation_start(text: str, start: int, end: int) -> int | None:
    """Where a trailing list of cited sources begins in ``text[start:end]``, or None.

    Walk back over the last pieces (split at 。) while each looks like part of a
    citation; at least one must hold a date next to a title mark. Up to
    ``_TRAILING_NOISE`` last pieces of other kinds (a link list, a note) may
    follow the list when at least two dated citations come before them.
    """
    pieces = [(m.start() + start, m.end() + start) for m in _PIECE.finditer(text[start:end])]
    for skip in range(_TRAILING_NOISE + 1):
        if skip >= len(pieces):
            break
        first: int | None = None
        dated = 0
        for s, e in reversed(pieces[: len(pieces) - skip]):
            piece = text[s:e]
            if not _is_citation_piece(piece):
                break
            if _DATE.search(piece):
                dated += 1
            first = s
        if first is None or not dated or (skip and dated < 2):
            continue
        # the citation list needs at least one work title
        if not _TITLE_MARK.search(text[first:end]):
            continue
        return first
    return None


def split_blocks(text: str, *, has_title: bool) -> list[Block]:
    """Split the extraction text into blocks.

    The first line is the headline when ``has_title``; later lines that are short
    and have no 。 are subheadings; a trailing cited-source list becomes a
    ``citations`` block.
    """
    blocks: list[Block] = []
    pos = 0
    lines: list[tuple[int, int]] = []
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        # trim white space at both ends, keeping offsets
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            lines.append((s, e))
    for n, (s, e) in enumerate(lines):
        line = text[s:e]
        if n == 0 and has_title:
            kind = "headline"
        elif "。" not in line and len(line) <= SUBHEADING_MAX_CHARS and n < len(lines) - 1:
            kind = "subheading"
        else:
            kind = "paragraph"
        blocks.append(Block(kind=kind, text=line, start=s, end=e))
    # a trailing cited-source list: in the last body line (Wikinews puts it inline)
    body = [i for i, b in enumerate(blocks) if b.kind == "paragraph"]
    if body:
        last = blocks[body[-1]]
        cut = _citation_start(text, last.start, last.end)
        if cut is not None:
            head_end = cut
            while head_end > last.start and text[head_end - 1].isspace():
                head_end -= 1
            tail = [Block(kind="citations", text=text[cut : last.end], start=cut, end=last.end)]
            if head_end > last.start:
                tail.insert(
                    0,
                    Block(
                        kind="paragraph",
                        text=text[last.start : head_end],
                        start=last.start,
                        end=head_end,
                    ),
                )
            blocks[body[-1] : body[-1] + 1] = tail
    return blocks


def run(doc, options) -> None:
    """Fill ``doc.blocks``."""
    doc.blocks = split_blocks(doc.text, has_title=doc.title is not None)
