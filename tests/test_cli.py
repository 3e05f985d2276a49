"""The command line, in-process: help, output, and bad inputs in a batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dekigoto.cli import app

SHARED = Path(__file__).parents[2] / "shared"
SEED = SHARED / "seed" / "000_b16e9d0afafa0953.txt"
SEED_GOLD = SHARED / "eval" / "dev" / "seed.gold.jsonl"
COMMANDS = ["extract", "eval", "eval-ner", "schema", "demo"]
METRIC_NAMES = [
    "event precision", "event recall", "event F1", "strict event F1", "date accuracy",
    "status accuracy", "timex precision", "timex recall", "timex F1", "quote precision",
    "quote recall", "quote F1", "published-date inference",
]  # fmt: skip
ARTICLE = (
    "北朝鮮、3回目の核実験を実施\n"
    "朝鮮民主主義人民共和国は、朝鮮中央通信を通じて12日、地下核実験を実施したと発表した。"
    "潘基文国際連合事務総長は、北朝鮮による核実験を非難すると発表した。\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, input: bytes | str | None = None):
    return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(runner: CliRunner, command: str) -> None:
    result = invoke(runner, command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert "dekigoto " + command in result.stdout


def test_schema_is_the_extraction_json_schema(runner: CliRunner) -> None:
    result = invoke(runner, "schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Extraction"
    assert {"events", "timexes", "quotes", "published", "text"} <= set(schema["properties"])


def test_extract_writes_one_record_per_article(
    runner: CliRunner, tmp_path: Path, nlp_model
) -> None:
    out = tmp_path / "out.jsonl"
    result = invoke(runner, "extract", SEED, "--published", "2023-09-12", "-o", out)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1
    record = records[0]
    assert record["id"] == SEED.stem
    assert record["published"] == "2023-09-12"
    assert record["text_used"] == "title+text"
    for key in ("events", "timexes", "quotes"):
        assert isinstance(record[key], list)
    for item in record["timexes"] + record["quotes"]:
        assert record["text"][item["start"] : item["end"]] == item["text"]


def test_extract_prints_tables(runner: CliRunner, tmp_path: Path, nlp_model) -> None:
    path = tmp_path / "nk.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = invoke(runner, "extract", path, "--published", "2013-02-12")
    assert result.exit_code == 0, result.stderr
    assert "北朝鮮、3回目の核実験を実施" in result.stdout
    assert "published 2013-02-12" in result.stdout
    assert "Time expressions" in result.stdout


def test_extract_reads_standard_input(runner: CliRunner, nlp_model) -> None:
    result = invoke(runner, "extract", "-", "-o", "-", "--published", "2013-02-12",
                    input=ARTICLE.encode("cp932"))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["id"] == "stdin"
    assert record["title"] == "北朝鮮、3回目の核実験を実施"


# fmt: off
BAD_INPUTS = [
    # name, file name, content, message
    ("empty file", "empty.txt", b"", "empty input"),
    ("binary file", "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binary data"),
    ("unknown encoding", "latin.txt", "見出し\n".encode() + bytes(range(0x80, 0x100)), "encoding"),
    ("invalid JSON line", "bad.jsonl", b'{"id": "x", "text": ', "bad.jsonl:1: invalid JSON"),
    ("record without text", "notext.jsonl", b'{"id": "x", "title": "\xe8\xa6\x8b"}',
     "notext.jsonl:1: the record has no 'text'"),
    ("malformed published field", "date.jsonl",
     '{"id": "x", "text": "北朝鮮が発射した。", "published": "2023-9-1"}'.encode(),
     "date.jsonl:1: invalid date"),
    ("not Japanese", "en.txt", b"Headline\nNorth Korea fired a missile on Tuesday.", "Japanese"),
]
# fmt: on


@pytest.mark.parametrize(
    ("name", "filename", "content", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS]
)
def test_bad_input_is_one_clear_line(runner, tmp_path, name, filename, content, message) -> None:
    path = tmp_path / filename
    path.write_bytes(content)
    result = invoke(runner, "extract", path, "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert filename in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("value", ["2023-9-12", "12/09/2023", "2023-02-30", "tomorrow"])
def test_malformed_published_option(runner: CliRunner, value: str) -> None:
    result = invoke(runner, "extract", SEED, "--published", value)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --published: invalid date")
    assert "Traceback" not in result.output


def test_bad_article_does_not_lose_the_others(runner: CliRunner, tmp_path: Path, nlp_model) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="cp932")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)))
    batch = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "j1", "title": "核実験", "text": ARTICLE}, ensure_ascii=False),
        '{"id": "j2", "text": ',
        json.dumps({"id": "j3", "text": ARTICLE}, ensure_ascii=False),
    ]
    batch.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = invoke(runner, "extract", good, binary, batch, tmp_path / "missing.txt", "-o", out,
                    "--published", "2013-02-12")  # fmt: skip
    assert result.exit_code == 1
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["good", "j1", "j3"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    assert any("binary.txt" in e for e in errors)
    assert any("batch.jsonl:2" in e for e in errors)
    assert any("missing.txt" in e for e in errors)


def test_eval_prints_every_metric(runner: CliRunner, tmp_path: Path, nlp_model) -> None:
    out = tmp_path / "system.jsonl"
    result = invoke(runner, "eval", SEED_GOLD, "--output", out, "--silent")
    assert result.exit_code == 0, result.stderr
    for name in METRIC_NAMES:
        assert name in result.stdout
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_eval_json(runner: CliRunner, nlp_model) -> None:
    result = invoke(runner, "eval", SEED_GOLD, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["articles"] == 1
    for part in ("events", "strict", "date", "status", "timexes", "quotes", "published"):
        assert part in data


def test_eval_bad_gold(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    event = {"type": "CONSULT", "actor": [], "recipient": [], "date": [],
             "status": ["occurred"], "evidence": "ない文"}  # fmt: skip
    line = {"id": "g", "title": "見出し", "text": "本文。", "events": [event]}
    gold.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = invoke(runner, "eval", gold)
    assert result.exit_code == 1
    assert "gold.jsonl:1" in result.stderr and "not a substring" in result.stderr
    assert "Traceback" not in result.output


def test_eval_ner_missing_file_gives_a_clear_message(runner, tmp_path) -> None:
    result = invoke(runner, "eval-ner", tmp_path / "ner.json")
    assert result.exit_code == 1
    assert "ner.json: does not exist" in result.stderr
    assert "Traceback" not in result.output


def test_demo_runs_on_the_bundled_examples(runner: CliRunner, bundled_examples, nlp_model) -> None:
    result = invoke(runner, "demo")
    assert result.exit_code == 0, result.stderr
    for article in bundled_examples:
        assert article["id"] in result.stdout
    assert "CC BY 2.5" in result.stdout


def test_eval_ner_json(runner: CliRunner, nlp_model) -> None:
    ner_gold = SHARED / "eval" / "dev" / "ner-wikipedia-dev.json"
    result = invoke(runner, "eval-ner", ner_gold, "--limit", "5", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["sentences"] == 5
    assert {"project", "ginza"} <= set(data)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"`dekigoto {command}" in readme


def test_commands_list_is_complete() -> None:
    import typer.main

    names = set(typer.main.get_command(app).commands)
    assert names == set(COMMANDS)
