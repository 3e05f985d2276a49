"""Ingest stage: read articles from text files, JSON Lines and standard input.

A ``.txt`` file is one article whose first line is the headline. A ``.jsonl``
file holds one article a line (``id``, ``title``, ``text``, optional
``published``). ``-`` reads standard input (JSON Lines when it starts with ``{``).
Text may be UTF-8 (with or without BOM), Shift_JIS (cp932), EUC-JP, ISO-2022-JP
or UTF-16 with a BOM.

:func:`read_articles` yields an :class:`~dekigoto.models.Article` per good
article and an :class:`IngestFailure` per bad one, so that a batch goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dekigoto.errors import DateError, DekigotoError, InputError
from dekigoto.models import Article

#: Longest article accepted, in characters (real news articles are far shorter).
MAX_ARTICLE_CHARS = 200_000
#: Longest input line or text file accepted, in bytes.
MAX_INPUT_BYTES = 4 * MAX_ARTICLE_CHARS
#: Share of Japanese characters (kana, kanji) below which a text is not Japanese.
MIN_JAPANESE_SHARE = 0.1
#: Encodings tried, in order, when a text is not UTF-8.
LEGACY_ENCODINGS = ("cp932", "euc_jp")
JSONL_SUFFIXES = (".jsonl", ".ndjson")

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u30fc]")
_HIRAGANA_KATAKANA = re.compile(r"[\u3040-\u30ff]")
_HALFWIDTH_KANA = re.compile(r"[\uff61-\uff9f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class IngestFailure:
    """An input that could not be read: where it came from and why."""

    source: str
    error: DekigotoError

    @property
    def message(self) -> str:
        return str(self.error)


def parse_published(value: str) -> dt.date:
    """Parse a ``YYYY-MM-DD`` date given by the user, or raise :class:`DateError`."""
    text = value.strip() if isinstance(value, str) else ""
    try:
        if len(text) != 10:
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise DateError(f"invalid date {value!r}: expected YYYY-MM-DD, e.g. 2023-09-12") from exc


def _japanese_score(text: str) -> int:
    """How Japanese a decoded text looks: kana and kanji count, half-width kana penalised."""
    return (
        len(_JAPANESE.findall(text))
        + len(_HIRAGANA_KATAKANA.findall(text))
        - 4 * len(_HALFWIDTH_KANA.findall(text))
    )


def decode(data: bytes, source: str) -> str:
    """Decode text bytes: UTF-8 (BOM or not), Shift_JIS (cp932), EUC-JP, ISO-2022-JP, UTF-16.

    Raises :class:`InputError` for binary data and unknown encodings.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{source}: broken UTF-16 text") from exc
    if b"\x00" in data:
        raise InputError(f"{source}: binary data (NUL bytes), not a text file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x1b$" in data:  # ISO-2022-JP escape sequences
        try:
            return data.decode("iso2022_jp")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in LEGACY_ENCODINGS:
        try:
            candidates.append((_japanese_score(text := data.decode(encoding)), encoding, text))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise InputError(
            f"{source}: unknown text encoding (not UTF-8, Shift_JIS or EUC-JP); "
            "convert it to UTF-8, e.g. with `iconv -t UTF-8`"
        )
    # the best-scoring decoding; on a tie, the order of LEGACY_ENCODINGS
    best = max(candidates, key=lambda c: (c[0], -LEGACY_ENCODINGS.index(c[1])))
    return best[2]


def check_text(text: str, source: str) -> str:
    """Reject text that is empty, binary-looking, absurdly long or not Japanese."""
    if not text.strip():
        raise InputError(f"{source}: no text")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"{source}: {len(text):,} characters is more than the limit of "
            f"{MAX_ARTICLE_CHARS:,} per article; split the input into articles"
        )
    if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise InputError(f"{source}: binary data (control characters), not a text")
    visible = sum(1 for c in text if not c.isspace())
    share = len(_JAPANESE.findall(text)) / visible
    if share < MIN_JAPANESE_SHARE:
        raise InputError(
            f"{source}: does not look like Japanese text ({share:.0%} kana/kanji); "
            "dekigoto reads Japanese news"
        )
    return text


def _published(value: object, source: str, default: str | None) -> str | None:
    if value is None or value == "":
        return default
    if not isinstance(value, str):
        raise DateError(f"{source}: 'published' must be a YYYY-MM-DD string, got {value!r}")
    try:
        return parse_published(value).isoformat()
    except DateError as exc:
        raise DateError(f"{source}: {exc}") from exc


def article_from_text(
    text: str,
    *,
    id: str,
    source: str,
    published: str | None = None,
) -> Article:
    """An article from plain text: the first line is the headline, the rest the body.

    A text of one line is a body without a headline.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_text(text, source)
    lines = text.strip("\n").split("\n", 1)
    if len(lines) == 1 or not lines[1].strip():
        return Article(id=id, title=None, text=lines[0].strip(), published=published, source=source)
    title, body = lines[0].strip(), lines[1].strip("\n")
    check_text(body, source)
    return Article(id=id, title=title, text=body, published=published, source=source)


def article_from_json(line: str, *, default_id: str, source: str, published: str | None) -> Article:
    """An article from one JSON Lines record (``id``, ``title``, ``text``, ``published``)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: invalid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise InputError(f"{source}: a JSON Lines record must be an object with 'text'")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{source}: the record has no 'text'")
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        raise InputError(f"{source}: 'title' must be a string")
    art_id = record.get("id", default_id)
    if not isinstance(art_id, str | int) or art_id == "":
        raise InputError(f"{source}: 'id' must be a string")
    check_text(f"{title or ''}\n{text}", source)
    return Article(
        id=str(art_id),
        title=title or None,
        text=text,
        published=_published(record.get("published"), source, published),
        source=source,
    )


def _read_jsonl(
    stream: BinaryIO, name: str, stem: str, published: str | None
) -> Iterator[Article | IngestFailure]:
    for n, raw in enumerate(stream, 1):
        source = f"{name}:{n}"
        if not raw.strip():
            continue
        if len(raw) > MAX_INPUT_BYTES:
            yield IngestFailure(
                source,
                InputError(
                    f"{source}: line of {len(raw):,} bytes is more than the limit of "
                    f"{MAX_INPUT_BYTES:,}"
                ),
            )
            continue
        try:
            yield article_from_json(
                decode(raw, source), default_id=f"{stem}-{n}", source=source, published=published
            )
        except DekigotoError as exc:
            yield IngestFailure(source, exc)


def _looks_like_jsonl(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def read_path(
    path: str, *, published: str | None = None, stdin: BinaryIO | None = None
) -> Iterator[Article | IngestFailure]:
    """Yield an Article or :class:`IngestFailure` for each article in ``path`` (``-`` = stdin)."""
    if path == "-":
        data = (stdin or sys.stdin.buffer).read(MAX_INPUT_BYTES * 1000 + 1)
        if _looks_like_jsonl(data):
            import io

            yield from _read_jsonl(io.BytesIO(data), "<stdin>", "stdin", published)
            return
        yield from _read_text(data, "<stdin>", "stdin", published)
        return
    file = Path(path)
    if not file.is_file():
        reason = "is a directory" if file.is_dir() else "does not exist"
        yield IngestFailure(path, InputError(f"{path}: {reason}"))
        return
    try:
        if file.suffix.lower() in JSONL_SUFFIXES:
            with file.open("rb") as stream:
                yield from _read_jsonl(stream, path, file.stem, published)
            return
        size = file.stat().st_size
        if size > MAX_INPUT_BYTES:
            yield IngestFailure(
                path,
                InputError(
                    f"{path}: {size:,} bytes is more than the limit of {MAX_INPUT_BYTES:,} "
                    "for one article; use JSON Lines for many articles"
                ),
            )
            return
        data = file.read_bytes()
    except OSError as exc:
        yield IngestFailure(path, InputError(f"{path}: cannot read: {exc.strerror}"))
        return
    yield from _read_text(data, path, file.stem, published)


def _read_text(
    data: bytes, name: str, stem: str, published: str | None
) -> Iterator[Article | IngestFailure]:
    if not data.strip():
        yield IngestFailure(name, InputError(f"{name}: empty input"))
        return
    if len(data) > MAX_INPUT_BYTES:
        yield IngestFailure(
            name, InputError(f"{name}: more than the limit of {MAX_INPUT_BYTES:,} bytes")
        )
        return
    try:
        yield article_from_text(decode(data, name), id=stem, source=name, published=published)
    except DekigotoError as exc:
        yield IngestFailure(name, exc)


def read_articles(
    paths: Iterable[str], *, published: str | None = None, stdin: BinaryIO | None = None
) -> Iterator[Article | IngestFailure]:
    """Every article of every input in order; bad inputs come as :class:`IngestFailure`.

    ``published`` (YYYY-MM-DD) dates the articles that carry no date of their own.
    """
    if published is not None:
        published = parse_published(published).isoformat()
    for path in paths:
        yield from read_path(str(path), published=published, stdin=stdin)
