"""Reading articles: encodings, file kinds, and one clear message per bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dekigoto.errors import DateError, InputError
from dekigoto.ingest import (
    MAX_ARTICLE_CHARS,
    IngestFailure,
    decode,
    parse_published,
    read_articles,
)
from dekigoto.models import Article

SEED = Path(__file__).parents[2] / "shared" / "seed" / "000_b16e9d0afafa0953.txt"
TITLE = "プーチン大統領とキム総書記会談へ 武器をめぐり話し合いか"
BODY = (
    "ロシアと北朝鮮はキム・ジョンウン(金正恩)総書記が近くロシアを訪問し、プーチン大統領と会談すると"
    "発表しました。ウクライナへの軍事侵攻が長期化するなか、ロシアとしては武器の供与について話し合う"
    "ねらいもあるとみられます。\n\n北朝鮮は、キム・ジョンウン総書記が10日午後、ロシアを訪問するため"
    "首都ピョンヤンを専用列車で出発したと発表しました。"
)
ARTICLE = f"{TITLE}\n{BODY}\n"


def only(items: list) -> Article | IngestFailure:
    assert len(items) == 1, items
    return items[0]


# fmt: off
ENCODINGS = [
    ("utf-8", ARTICLE.encode("utf-8")),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")),
    ("Shift_JIS", ARTICLE.encode("cp932")),
    ("EUC-JP", ARTICLE.encode("euc_jp")),
    ("ISO-2022-JP", ARTICLE.encode("iso2022_jp")),
    ("UTF-16 with BOM", ARTICLE.encode("utf-16")),
    ("CRLF line ends", ARTICLE.replace("\n", "\r\n").encode("utf-8")),
]
# fmt: on


@pytest.mark.parametrize(("name", "data"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_encodings_are_detected(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    art = only(list(read_articles([str(path)], published="2023-09-12")))
    assert isinstance(art, Article), art
    assert art.title == TITLE
    assert art.text == BODY
    assert art.published == "2023-09-12"
    assert art.id == "article"


def test_seed_article_reads_with_headline() -> None:
    art = only(list(read_articles([str(SEED)])))
    assert isinstance(art, Article)
    assert art.title == TITLE
    assert art.text.startswith("ロシアと北朝鮮は")
    assert art.published is None


def test_shift_jis_is_not_mistaken_for_euc() -> None:
    # short texts where both decoders succeed: the Japanese-looking one wins
    for text in ("北朝鮮が核実験を実施した。", "韓国の国防省は発表した。"):
        assert decode(text.encode("cp932"), "x") == text
        assert decode(text.encode("euc_jp"), "x") == text


def test_one_line_text_is_a_body_without_headline(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("北朝鮮は10日、弾道ミサイルを発射した。", encoding="utf-8")
    art = only(list(read_articles([str(path)])))
    assert isinstance(art, Article)
    assert (art.title, art.text) == (None, "北朝鮮は10日、弾道ミサイルを発射した。")


# fmt: off
BAD_FILES = [
    ("empty", b"", "empty input"),
    ("white space only", b" \n\n\t\n", "empty input"),
    ("binary", b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(200), "binary data"),
    ("unknown encoding", "ニュース\n".encode() + bytes(range(0x80, 0x100)), "unknown text"),
    ("control characters", b"\x01\x02\x03\x04\x05abc\x06\x07" * 20, "binary data"),
    ("not Japanese", b"Pyongyang fired a missile.\nThe launch was condemned by Seoul.", "Japanese"),
    ("too long", ("北" * (MAX_ARTICLE_CHARS + 10)).encode("utf-8"), "limit"),
]
# fmt: on


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_give_one_clear_message(tmp_path: Path, name, data, message) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    failure = only(list(read_articles([str(path)])))
    assert isinstance(failure, IngestFailure)
    assert isinstance(failure.error, InputError)
    assert message in failure.message
    assert failure.message.startswith(str(path))
    assert "\n" not in failure.message


def test_missing_file(tmp_path: Path) -> None:
    failure = only(list(read_articles([str(tmp_path / "nope.txt")])))
    assert isinstance(failure, IngestFailure)
    assert "does not exist" in failure.message


def test_huge_text_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(("北朝鮮" * 400_000).encode("utf-8"))
    failure = only(list(read_articles([str(path)])))
    assert isinstance(failure, IngestFailure)
    assert "limit" in failure.message and "JSON Lines" in failure.message


def jsonl(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = {"id": "a1", "title": TITLE, "text": BODY, "published": "2023-09-12"}


def test_jsonl_reads_every_record(tmp_path: Path) -> None:
    second = {"id": "a2", "text": "韓国の国防省は25日、地震を観測したと発表した。"}
    path = jsonl(tmp_path, [json.dumps(GOOD, ensure_ascii=False), "",
                            json.dumps(second, ensure_ascii=False)])  # fmt: skip
    arts = list(read_articles([str(path)], published="2009-05-25"))
    assert [a.id for a in arts] == ["a1", "a2"]
    assert arts[0].published == "2023-09-12"  # its own date wins
    assert arts[1].published == "2009-05-25"  # the --published date fills in
    assert arts[1].title is None
    assert arts[0].source == f"{path}:1"


# fmt: off
BAD_LINES = [
    ("invalid JSON", '{"id": "b", "text": "北朝鮮', "invalid JSON"),
    ("not an object", '["北朝鮮が核実験"]', "must be an object"),
    ("no text", '{"id": "b", "title": "北朝鮮が核実験"}', "has no 'text'"),
    ("empty text", '{"id": "b", "text": "  "}', "has no 'text'"),
    ("text not a string", '{"id": "b", "text": 42}', "has no 'text'"),
    ("bad published", '{"id": "b", "text": "核実験を実施した。", "published": "12/09/2023"}',
     "YYYY-MM-DD"),
    ("impossible date", '{"id": "b", "text": "核実験を実施した。", "published": "2023-02-30"}',
     "YYYY-MM-DD"),
    ("not Japanese", '{"id": "b", "text": "North Korea tested a nuclear device."}', "Japanese"),
]
# fmt: on


@pytest.mark.parametrize(("name", "line", "message"), BAD_LINES, ids=[b[0] for b in BAD_LINES])
def test_bad_jsonl_line_names_file_and_line(tmp_path: Path, name, line, message) -> None:
    good = json.dumps(GOOD, ensure_ascii=False)
    path = jsonl(tmp_path, [good, line, good.replace('"a1"', '"a3"')])
    items = list(read_articles([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "IngestFailure", "Article"]
    failure = items[1]
    assert failure.source == f"{path}:2"
    assert failure.message.startswith(f"{path}:2: ")
    assert message in failure.message


def test_jsonl_line_without_id_gets_file_and_line_id(tmp_path: Path) -> None:
    path = jsonl(tmp_path, [json.dumps({"text": BODY}, ensure_ascii=False)])
    assert only(list(read_articles([str(path)]))).id == "batch-1"


# fmt: off
STDIN_CASES = [
    ("text", ARTICLE.encode("utf-8"), ["stdin"]),
    ("jsonl", (json.dumps(GOOD, ensure_ascii=False) + "\n").encode("utf-8"), ["a1"]),
    ("Shift_JIS text", ARTICLE.encode("cp932"), ["stdin"]),
]
# fmt: on


@pytest.mark.parametrize(("name", "data", "ids"), STDIN_CASES, ids=[s[0] for s in STDIN_CASES])
def test_standard_input(name, data, ids) -> None:
    arts = list(read_articles(["-"], stdin=io.BytesIO(data)))
    assert [a.id for a in arts] == ids
    assert all(isinstance(a, Article) for a in arts)


def test_empty_standard_input() -> None:
    failure = only(list(read_articles(["-"], stdin=io.BytesIO(b""))))
    assert isinstance(failure, IngestFailure)
    assert failure.message == "<stdin>: empty input"


# fmt: off
DATES = [
    ("2023-09-12", "2023-09-12"),
    (" 2023-09-12 ", "2023-09-12"),
    ("2023-9-12", None),
    ("20230912", None),
    ("2023/09/12", None),
    ("2023-02-30", None),
    ("", None),
    ("昨日", None),
]
# fmt: on


@pytest.mark.parametrize(("value", "expected"), DATES)
def test_parse_published(value: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(DateError, match="expected YYYY-MM-DD"):
            parse_published(value)
    else:
        assert parse_published(value).isoformat() == expected


def test_malformed_published_option_is_a_date_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(DateError):
        list(read_articles([str(path)], published="2023-13-01"))
