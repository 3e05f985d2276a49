"""Quotes stage: direct (「…」) and indirect reported speech, each with its speaker.

Reads: ``text``, ``blocks``, ``parse``, ``mentions``, ``actors``. Writes: ``quotes``.
The speech lexicon is ``data/speech.yaml``. Events inside a quote are linked
by the events stage, which runs later.
"""

from __future__ import annotations

from dekigoto.document import Document
from dekigoto.options import Options
from dekigoto.quotes.extract import find_quotes
from dekigoto.quotes.lexicon import load_speech
from dekigoto.quotes.table import format_quote_row

REQUIRES = ("text", "blocks", "parse", "mentions", "actors")
ASSIGNS = ("quotes",)

__all__ = ["ASSIGNS", "REQUIRES", "find_quotes", "format_quote_row", "run"]


def run(doc: Document, options: Options) -> None:
    """Fill ``doc.quotes``."""
    doc.quotes = find_quotes(doc, load_speech(tuple(options.lexicons)))
