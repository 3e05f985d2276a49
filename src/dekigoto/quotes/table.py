"""Quote rows for the readable ``dekigoto extract`` table."""

from __future__ import annotations

from dekigoto.models import Quote


def format_quote_row(quote: Quote) -> tuple[str, str, str, str]:
    """``(speaker, role, country, quote text)`` of one quote, for a readable table.

    The speaker is the name as written, with the English name in brackets when
    the actor stage knows it; a quote without a speaker shows ``?``. An indirect
    quote's text is marked with a leading ``~``.
    """
    speaker = quote.speaker
    if speaker is None:
        who, role, country = "?", "", ""
    else:
        who = speaker.name if not speaker.name_en else f"{speaker.name} ({speaker.name_en})"
        role, country = speaker.role or "", speaker.code or ""
    text = quote.text if quote.kind == "direct" else f"~{quote.text}"
    return who, role, country, text
