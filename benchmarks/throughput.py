"""Throughput of dekigoto against plain GiNZA parsing of the same articles.

    python benchmarks/throughput.py                 # 200 articles from the Wikinews corpus
    python benchmarks/throughput.py --n 500
    python benchmarks/throughput.py --compare-blis  # numpy BLAS vs blis: same output? how fast?

The full extractor and the baseline (``nlp(text)`` on each article's whole text,
title and body, cited sources included) run in the same process after a warm-up;
model loading is timed apart.
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


def time_plain(articles: list[dict]) -> float:
    """Plain GiNZA over each article's whole text (title and body), one ``nlp(text)`` each."""
    from dekigoto.nlp import load_model

    nlp = load_model()
    start = time.perf_counter()
    for a in articles:
        nlp(full_text(a))
    return time.perf_counter() - start


def time_blocks(articles: list[dict]) -> float:
    """GiNZA over the blocks dekigoto parses (headline, paragraphs; cited sources left out)."""
    from dekigoto.nlp import parse_blocks
    from dekigoto.structure import split_blocks

    start = time.perf_counter()
    for a in articles:
        text = full_text(a)
        parse_blocks(text, split_blocks(text, has_title=bool(a.get("title"))))
    return time.perf_counter() - start


def time_full(articles: list[dict]) -> tuple[float, int]:
    import dekigoto

    start = time.perf_counter()
    events = 0
    for a in articles:
        events += len(dekigoto.extract(a["text"], title=a.get("title"), id=a["id"]).events)
    return time.perf_counter() - start, events


def benchmark(args: argparse.Namespace) -> None:
    from dekigoto.nlp import load_model

    articles = load_articles(args.corpus, args.n, skip=args.warmup)
    warm = load_articles(args.corpus, args.warmup)
    chars = sum(len(full_text(a)) for a in articles)
    t0 = time.perf_counter()
    load_model()
    load_s = time.perf_counter() - t0
    # warm-up: lexicons, caches, first-call costs of both paths
    time_full(warm)
    time_plain(warm)
    mem_loaded = peak_mib()
    plain_s = time_plain(articles)
    mem_plain = peak_mib()
    blocks_s = time_blocks(articles)
    mem_blocks = peak_mib()
    full_s, events = time_full(articles)
    mem_full = peak_mib()

    print(f"corpus: {args.corpus.name}, {len(articles)} articles, {chars:,} characters "
          f"(after {len(warm)} warm-up articles)")  # fmt: skip
    print(f"model load: {load_s:.1f} s; peak memory after load and warm-up: {mem_loaded:.0f} MiB")
    print(f"{'':26}{'articles/s':>12}{'chars/s':>12}{'seconds':>10}{'peak MiB':>10}")
    rows = (("plain GiNZA, whole text", plain_s, mem_plain),
            ("GiNZA, dekigoto's blocks", blocks_s, mem_blocks),
            ("dekigoto extract", full_s, mem_full))  # fmt: skip
    for name, secs, mem in rows:
        print(f"{name:26}{len(articles) / secs:12.2f}{chars / secs:12,.0f}{secs:10.1f}{mem:10.0f}")
    print(
        f"speed of dekigoto relative to plain GiNZA on the same articles: {plain_s / full_s:.2f}×"
    )
    print(f"time of the rule stages on top of parsing: {(full_s - blocks_s) / full_s:.0%} "
          f"of dekigoto's time; {events} events")  # fmt: skip


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
