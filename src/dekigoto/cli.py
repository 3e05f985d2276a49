"""The ``dekigoto`` command line: extract, eval, eval-ner, schema, demo.

Each command is a thin wrapper over a library function. User errors (bad input,
bad dates, bad lexicons, bad gold) are one line on stderr, never a traceback;
in a batch, a bad article is reported and skipped, and the exit status is 1
when any article failed.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dekigoto.errors import DateError, DekigotoError
from dekigoto.models import Article, Extraction
from dekigoto.options import Options

app = typer.Typer(
    name="dekigoto",
    help="Japanese news articles to verifiable political event data (PLOVER events, "
    "dates, status, quotes).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)
log = logging.getLogger("dekigoto")

# shared options: the same name means the same thing in every command
SilentOpt = Annotated[
    bool, typer.Option("--silent", "-s", help="No progress bar, no summary; errors only.")
]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Log what each stage does.")]
LexiconOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--lexicon",
        "-l",
        help="Extra lexicon YAML file merged over the bundled ones (repeatable).",
        exists=True,
        dir_okay=False,
        readable=True,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _report(message: str) -> None:
    """One error line on stderr."""
    err.print(f"[bold red]error:[/] {message}", markup=True, highlight=False, soft_wrap=True)


def _setup(verbose: bool, silent: bool) -> None:
    level = logging.DEBUG if verbose else logging.ERROR if silent else logging.WARNING
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr, force=True
    )


def _options(lexicons: list[Path] | None) -> Options:
    return Options(lexicons=tuple(lexicons or ()))


@contextmanager
def _progress(total: int | None, *, enabled: bool, label: str) -> Iterator:
    """A progress bar on stderr (or nothing when disabled); yields ``advance()``."""
    if not enabled:
        yield lambda: None
        return
    columns = (
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


def extract_article(article: Article, options: Options) -> Extraction:
    """Run the pipeline on one ingested article."""
    from dekigoto.pipeline import extract

    return extract(
        article.text, title=article.title, published=article.published, id=article.id,
        options=options,
    )  # fmt: skip


def _open_output(path: Path | None) -> IO[str] | None:
    if path is None:
        return None
    if str(path) == "-":
        return sys.stdout
    try:
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        _report(f"{path}: cannot write: {exc.strerror}")
        raise typer.Exit(2) from exc


def _run_batch(
    inputs: list[str],
    *,
    published: str | None,
    options: Options,
    output: Path | None,
    show_tables: bool,
    silent: bool,
    verbose: bool,
) -> int:
    """Ingest, extract, print or write; return the number of failed articles."""
    from dekigoto.display import show
    from dekigoto.ingest import IngestFailure, read_articles
    from dekigoto.record import to_json

    try:
        items = list(read_articles(inputs, published=published))
    except DateError as exc:
        _report(f"--published: {exc}")
        raise typer.Exit(2) from exc
    failed = 0
    done = 0
    sink = _open_output(output)
    use_bar = not silent and not show_tables and len(items) > 1 and sink is not sys.stdout
    try:
        with _progress(len(items), enabled=use_bar, label="extracting") as advance:
            for item in items:
                if isinstance(item, IngestFailure):
                    _report(item.message)
                    failed += 1
                    advance()
                    continue
                where = item.source or item.id
                try:
                    extraction = extract_article(item, options)
                except DekigotoError as exc:
                    _report(f"{where}: {exc}")
                    failed += 1
                except Exception as exc:  # a bug in a stage must not lose the batch
                    _report(f"{where}: internal error: {type(exc).__name__}: {exc}")
                    if verbose:
                        log.exception("while extracting %s", where)
                    failed += 1
                else:
                    done += 1
                    if sink is not None:
                        sink.write(json.dumps(to_json(extraction), ensure_ascii=False) + "\n")
                    if show_tables:
                        show(extraction, out)
                advance()
    finally:
        if sink is not None and sink is not sys.stdout:
            sink.close()
    if not silent and sink is not None and sink is not sys.stdout:
        err.print(
            f"{done} article(s) written to {output}" + (f", {failed} failed" if failed else "")
        )
    return failed


@app.command()
def extract(
    files: Annotated[
        list[str], typer.Argument(help="Article files (.txt: first line = headline; .jsonl), or -.")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write one JSON record per article (JSON Lines); - = stdout."
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Article date YYYY-MM-DD, for articles that carry none."),
    ] = None,
    show_tables: Annotated[
        bool | None,
        typer.Option("--show/--no-show", help="Print tables (default: only without -o)."),
    ] = None,
    lexicon: LexiconOpt = None,
    silent: SilentOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Extract events, dates, actors and quotes from Japanese news articles.

    Examples:

        dekigoto extract article.txt --published 2023-09-12

        dekigoto extract corpus.jsonl -o events.jsonl

        cat article.txt | dekigoto extract - --published 2023-09-12
    """
    _setup(verbose, silent)
    tables = show_tables if show_tables is not None else output is None
    try:
        failed = _run_batch(
            files, published=published, options=_options(lexicon), output=output,
            show_tables=tables, silent=silent, verbose=verbose,
        )  # fmt: skip
    except DekigotoError as exc:
        _report(str(exc))
        raise typer.Exit(1) from exc
    if failed:
        raise typer.Exit(1)


def _metrics_table(result: dict) -> Table:
    from dekigoto.evaluation.scorer import summary_rows

    n = result["articles"]
    title = f"{result['gold']} · {n} article{'' if n == 1 else 's'}"
    table = Table(title=title, title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("counts", style="dim")
    for name, value, counts in summary_rows(result):
        table.add_row(name, value, counts)
    return table


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold file (JSON Lines, FORMAT.md).")],
    as_json: JsonOpt = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Also write the system records (JSON Lines)."),
    ] = None,
    lexicon: LexiconOpt = None,
    silent: SilentOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Run dekigoto on every gold article and print the FORMAT.md metrics.

    Event P/R/F1, strict event F1, date and status accuracy, timex P/R/F1,
    quote P/R/F1 and published-date inference.

    Example:

        dekigoto eval ../shared/eval/dev/wikinews.gold.jsonl --output system.jsonl
    """
    from dekigoto.evaluation.scorer import evaluate, load_gold

    _setup(verbose, silent)
    options = _options(lexicon)
    try:
        total = len(load_gold(gold))
    except DekigotoError as exc:
        _report(str(exc))
        raise typer.Exit(1) from exc
    sink = _open_output(output)

    def extractor(article: Article) -> dict:
        from dekigoto.record import to_json

        return to_json(extract_article(article, options), full=False)

    try:
        with _progress(total, enabled=not silent and not as_json, label="scoring") as advance:

            def on_record(_gold: dict, record: dict) -> None:
                if sink is not None:
                    sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                advance()

            result = evaluate(gold, extractor=extractor, on_record=on_record)
    except DekigotoError as exc:
        _report(str(exc))
        raise typer.Exit(1) from exc
    finally:
        if sink is not None and sink is not sys.stdout:
            sink.close()
    for error in result["errors"]:
        _report(f"{error['id']}: {error['error']}")
    if as_json:
        out.print_json(json.dumps(result, ensure_ascii=False))
    else:
        out.print(_metrics_table(result))
    if result["errors"]:
        raise typer.Exit(1)


@app.command("eval-ner")
def eval_ner(
    file: Annotated[Path, typer.Argument(help="NER gold file (e.g. ner-wikipedia-dev.json).")],
    as_json: JsonOpt = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N items.")] = None,
    silent: SilentOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Score the actor mentions against a named-entity gold file.

    Example:

        dekigoto eval-ner ../shared/eval/dev/ner-wikipedia-dev.json --limit 200
    """
    _setup(verbose, silent)
    from dekigoto.evaluation import ner

    if not file.is_file():
        _report(f"{file}: does not exist")
        raise typer.Exit(1)
    try:
        result = ner.evaluate_ner(file, limit=limit)
    except DekigotoError as exc:
        _report(str(exc))
        raise typer.Exit(1) from exc
    except (ValueError, KeyError, TypeError) as exc:
        _report(f"{file}: not a NER gold file ({type(exc).__name__}: {exc})")
        raise typer.Exit(1) from exc
    if as_json:
        out.print_json(json.dumps(result, ensure_ascii=False, default=str))
    else:
        sys.stdout.write(ner.format_table(result) + "\n")


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record (an Extraction).

    Example:

        dekigoto schema > extraction.schema.json
    """
    data = Extraction.model_json_schema()
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def example_path() -> Path:
    """The bundled example articles (CC BY 2.5 Japanese Wikinews)."""
    return Path(str(resources.files("dekigoto").joinpath("examples/wikinews.jsonl")))


@app.command()
def demo(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Also write the records (JSON Lines).")
    ] = None,
    silent: SilentOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Run dekigoto on the bundled Japanese Wikinews articles and print what it finds.

    Example:

        dekigoto demo
    """
    _setup(verbose, silent)
    path = example_path()
    if not path.is_file():
        _report(f"the bundled examples are missing ({path}); reinstall dekigoto")
        raise typer.Exit(1)
    failed = _run_batch(
        [str(path)], published=None, options=Options(), output=output, show_tables=True,
        silent=silent, verbose=verbose,
    )  # fmt: skip
    if not silent:
        out.print(
            "[dim]Articles from Japanese Wikinews (CC BY 2.5, Wikinews contributors); "
            "see examples/ATTRIBUTION.md.[/]"
        )
    if failed:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover - console entry
    """Entry point for ``python -m dekigoto.cli``."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
