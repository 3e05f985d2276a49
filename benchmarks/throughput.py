"""Throughput of dekigoto against plain GiNZA parsing of the same articles.

    python benchmarks/throughput.py                 # 200 articles from the Wikinews corpus
    python benchmarks/throughput.py --n 500
    python benchmarks/throughput.py --compare-blis  # numpy BLAS vs blis: same output? how fast?

The full extractor and two baselines run in the same process after a warm-up,
interleaved article by article: plain GiNZA (``nlp(text)`` on each article's whole
text, cited sources included) and GiNZA on the blocks dekigoto parses (so the
difference to the full extractor is the cost of the rule stages). Model loading
is timed apart.
``--compare-blis`` runs the baseline twice in fresh processes, once with thinc's
default blis kernels (``DEKIGOTO_BLIS=1``) and once with numpy's BLAS (the
dekigoto default), checks that tokens, dependencies and entities are identical,
and reports the speed ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "jawikinews.jsonl"


def load_articles(path: Path, n: int, skip: int = 0) -> list[dict]:
    """The first ``n`` articles of a JSON Lines corpus after ``skip``."""
    out = []
    with path.open(encoding="utf-8") as stream:
        for i, line in enumerate(stream):
            if i < skip:
                continue
            if len(out) == n:
                break
            out.append(json.loads(line))
    return out


def peak_mib() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def full_text(article: dict) -> str:
    title = article.get("title")
    return article["text"] if not title else f"{title}\n{article['text']}"


def run_plain(article: dict) -> None:
    """Plain GiNZA over the article's whole text (title and body), as ``nlp(text)``."""
    from dekigoto.nlp import load_model

    load_model()(full_text(article))


def run_blocks(article: dict) -> None:
    """GiNZA over the blocks dekigoto parses (headline, paragraphs; cited sources left out)."""
    from dekigoto.nlp import parse_blocks
    from dekigoto.structure import split_blocks

    text = full_text(article)
    parse_blocks(text, split_blocks(text, has_title=bool(article.get("title"))))


def run_full(article: dict) -> int:
    """The whole extractor; returns the number of events."""
    import dekigoto

    return len(
        dekigoto.extract(article["text"], title=article.get("title"), id=article["id"]).events
    )


RUNNERS = {
    "plain GiNZA, whole text": run_plain,
    "GiNZA, dekigoto's blocks": run_blocks,
    "dekigoto extract": run_full,
}


def time_interleaved(articles: list[dict]) -> tuple[dict[str, float], int]:
    """Seconds per runner, interleaved article by article (in rotating order) so that
    the load of a shared machine weighs on every runner alike."""
    names = list(RUNNERS)
    seconds = dict.fromkeys(names, 0.0)
    events = 0
    for i, article in enumerate(articles):
        for k in range(len(names)):
            name = names[(i + k) % len(names)]
            start = time.perf_counter()
            result = RUNNERS[name](article)
            seconds[name] += time.perf_counter() - start
            if name == "dekigoto extract":
                events += result
    return seconds, events


def benchmark(args: argparse.Namespace) -> None:
    from dekigoto.nlp import load_model

    articles = load_articles(args.corpus, args.n, skip=args.warmup)
    warm = load_articles(args.corpus, args.warmup)
    chars = sum(len(full_text(a)) for a in articles)
    t0 = time.perf_counter()
    load_model()
    load_s = time.perf_counter() - t0
    time_interleaved(warm)  # lexicons, caches, first-call costs of every path
    mem_loaded = peak_mib()
    seconds, events = time_interleaved(articles)

    print(f"corpus: {args.corpus.name}, {len(articles)} articles, {chars:,} characters "
          f"(after {len(warm)} warm-up articles; runs interleaved article by article)")  # fmt: skip
    print(f"model load: {load_s:.1f} s; peak memory after load and warm-up: {mem_loaded:.0f} MiB")
    print(f"{'':26}{'articles/s':>12}{'chars/s':>12}{'seconds':>10}")
    for name, secs in seconds.items():
        print(f"{name:26}{len(articles) / secs:12.2f}{chars / secs:12,.0f}{secs:10.1f}")
    plain, blocks, full = seconds.values()
    print(f"peak memory: {peak_mib():.0f} MiB")
    print(f"dekigoto speed relative to plain GiNZA on the same articles: {plain / full:.2f}×")
    print(f"rule stages on top of parsing: {(full - blocks) / full:.0%} of dekigoto's time; "
          f"{events} events")  # fmt: skip


def dump_parse(args: argparse.Namespace) -> None:
    """Child process: parse the articles, write tokens/deps/entities and the time."""
    from dekigoto.nlp import load_model

    warm = load_articles(args.corpus, args.warmup)
    articles = load_articles(args.corpus, args.n, skip=args.warmup)
    nlp = load_model()
    for a in warm:
        nlp(full_text(a))
    start = time.perf_counter()
    docs = [nlp(full_text(a)) for a in articles]
    secs = time.perf_counter() - start
    out = [
        {
            "tokens": [(t.text, t.tag_, t.dep_, t.head.i) for t in doc],
            "ents": [(e.start_char, e.end_char, e.label_) for e in doc.ents],
        }
        for doc in docs
    ]
    from thinc.api import get_current_ops

    ops = get_current_ops()
    name = f"{type(ops).__name__}(use_blis={getattr(ops, 'use_blis', '?')})"
    Path(args.dump).write_text(
        json.dumps({"seconds": secs, "ops": name, "docs": out}), encoding="utf-8"
    )


def compare_blis(args: argparse.Namespace) -> int:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, blis in (("blis", "1"), ("numpy", "0")):
            dump = Path(tmp) / f"{label}.json"
            env = {**os.environ, "DEKIGOTO_BLIS": blis}
            cmd = [sys.executable, __file__, "--dump", str(dump), "--n", str(args.n),
                   "--warmup", str(args.warmup), "--corpus", str(args.corpus)]  # fmt: skip
            subprocess.run(cmd, env=env, check=True)
            results[label] = json.loads(dump.read_text(encoding="utf-8"))
    blis, numpy = results["blis"], results["numpy"]
    same_tokens = all(
        a["tokens"] == b["tokens"] for a, b in zip(blis["docs"], numpy["docs"], strict=True)
    )
    same_ents = all(
        a["ents"] == b["ents"] for a, b in zip(blis["docs"], numpy["docs"], strict=True)
    )
    n_tokens = sum(len(d["tokens"]) for d in numpy["docs"])
    print(f"{args.n} articles, {n_tokens:,} tokens")
    print(f"blis  ({blis['ops']}): {blis['seconds']:.1f} s")
    print(f"numpy ({numpy['ops']}): {numpy['seconds']:.1f} s")
    print(f"speed-up with numpy BLAS: {blis['seconds'] / numpy['seconds']:.2f}×")
    print(f"identical tokens, tags, dependencies and heads: {same_tokens}")
    print(f"identical entities: {same_ents}")
    return 0 if same_tokens and same_ents else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200, help="articles to time (default 200)")
    parser.add_argument("--warmup", type=int, default=10, help="warm-up articles (default 10)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="JSON Lines corpus")
    parser.add_argument("--compare-blis", action="store_true", help="numpy BLAS vs blis")
    parser.add_argument("--dump", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"error: corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    if args.dump:
        dump_parse(args)
        return 0
    if args.compare_blis:
        return compare_blis(args)
    benchmark(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
