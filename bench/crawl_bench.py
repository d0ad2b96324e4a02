"""Crawl throughput on 1,000 local pages, and what a second crawl downloads (issue 6).

Usage: python bench/crawl_bench.py [--pages 1000] [--changed 10] [--out bench/results/crawl.json]

A loopback server (tests/crawl/server.py) serves 20 listing pages of 50 articles each; every
article is an L'Essor-style page (the Mopti fixture's markup, menus and comments) with its own
title and first paragraph. Three crawls into a fresh SQLite database, without NLP
(extract = false), the per-host delay at 0 (the sources file's `delay`):

1. the first crawl fetches, extracts and stores every article: pages/s is stored articles over
   wall time (target >= 20 pages/s);
2. `--changed` articles are edited (their listing pages show the new date): the second crawl
   must download (HTTP 200) exactly those articles, the other articles of their listings answer
   304 and the other listings 304 — asserted on the server's hit counts;
3. nothing changes: the third crawl downloads no article at all.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.crawl.server import Route, Site, serve  # noqa: E402

from vigie.crawl import crawl  # noqa: E402
from vigie.crawl.sources import read_sources_text  # noqa: E402
from vigie.settings import Settings  # noqa: E402
from vigie.store import Store  # noqa: E402

TARGET_PAGES_PER_S = 20
PER_LISTING = 50
TEMPLATE = (ROOT / "tests" / "fixtures" / "html" / "essor-2024-03-12-mopti-bani.html").read_text(
    encoding="utf-8"
)
TITLE = "Mopti : la crue tardive du Bani menace les cultures de contre-saison"
FIRST = "Les eaux du Bani ont atteint la semaine dernière un niveau inhabituel pour la saison sèche"
PLACES = [
    "Mopti",
    "Ségou",
    "Kayes",
    "Sikasso",
    "Gao",
    "Tombouctou",
    "Koulikoro",
    "Kidal",
    "Ménaka",
    "Bandiagara",
]


def article(i: int, edition: int) -> bytes:
    place = PLACES[i % len(PLACES)]
    title = f"{place} : la crue du fleuve menace les cultures, bulletin {i}"
    lead = (
        f"Le bulletin {i} de la direction régionale de l'agriculture de {place} signale, dans sa "
        f"version {edition}, un niveau inhabituel des eaux pour la saison sèche"
    )
    return TEMPLATE.replace(TITLE, title).replace(FIRST, lead).encode("utf-8")


def slug(i: int) -> str:
    return f"/agriculture/bulletin-{i:04d}-crue-du-fleuve-cultures/"


def listing(k: int, pages: int, editions: dict[int, int]) -> bytes:
    items = "".join(
        f'<li><a href="{slug(i)}">Bulletin {i}</a> <span>version {editions[i]}</span></li>'
        for i in range(k * PER_LISTING, min(pages, (k + 1) * PER_LISTING))
    )
    return f"<html><body><nav><a href='/'>Accueil</a></nav><ul>{items}</ul></body></html>".encode()


def publish(site: Site, pages: int, editions: dict[int, int]) -> None:
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /admin/\n", "text/plain")
    for i in range(pages):
        site.routes[slug(i)] = Route(article(i, editions[i]))
    for k in range((pages + PER_LISTING - 1) // PER_LISTING):
        site.routes[f"/agriculture/page/{k}/"] = Route(listing(k, pages, editions))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--changed", type=int, default=10)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "crawl.json")
    args = parser.parse_args()
    settings = Settings(
        extract=False, crawl_contact="bench@vigie.invalid", crawl_delay=0.0, crawl_max_pages=args.pages
    )
    editions = dict.fromkeys(range(args.pages), 1)
    listings = (args.pages + PER_LISTING - 1) // PER_LISTING
    with serve(Site()) as site, tempfile.TemporaryDirectory() as tmp:
        publish(site, args.pages, editions)
        urls = ", ".join(f'"{site.base}/agriculture/page/{k}/"' for k in range(listings))
        sources = read_sources_text(
            f'allow_addresses = ["127.0.0.1/32"]\n[[source]]\nname = "local"\nlistings = [{urls}]\ndelay = 0\n'
        )
        with Store.open(f"sqlite:///{Path(tmp) / 'crawl.db'}") as store:
            started, cpu = time.perf_counter(), time.process_time()
            first = crawl(sources, store, settings)
            seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
            assert first.new == args.pages and not first.failed, first.summary()
            changed = list(range(0, args.pages, max(1, args.pages // max(1, args.changed))))[: args.changed]
            for i in changed:
                editions[i] = 2
            publish(site, args.pages, editions)
            site.reset()
            second = crawl(sources, store, settings)
            downloads = site.downloads()
            articles_200 = sorted(p for p in downloads if p.startswith("/agriculture/bulletin-"))
            listings_200 = sorted(p for p in downloads if p.startswith("/agriculture/page/"))
            article_requests = sum(site.count(slug(i)) for i in range(args.pages))
            assert articles_200 == sorted(slug(i) for i in changed), articles_200
            assert all(downloads[p] == 1 for p in articles_200)
            assert second.new == len(changed), second.summary()
            site.reset()
            third = crawl(sources, store, settings)
            third_article_requests = sum(site.count(slug(i)) for i in range(args.pages))
            assert third.new == 0 and third_article_requests == 0, third.summary()
            stored = store.counts()
            assert stored["documents"] == args.pages
            bodies = [
                a.article.body for a in store.articles() if re.search(r"bulletin 0\b", a.article.title or "")
            ]
            assert bodies and "dans sa version 2" in bodies[0]
    result = {
        "benchmark": "crawl of local pages without NLP",
        "pages": args.pages,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "pages_per_s": round(args.pages / seconds, 1),
        "target_pages_per_s": TARGET_PAGES_PER_S,
        "meets_target": args.pages / seconds >= TARGET_PAGES_PER_S,
        "first_crawl": first.summary(),
        "changed_pages": len(changed),
        "second_crawl": second.summary(),
        "second_crawl_article_downloads": len(articles_200),
        "second_crawl_article_requests": article_requests,
        "second_crawl_listing_downloads": len(listings_200),
        "third_crawl": third.summary(),
        "third_crawl_article_requests": third_article_requests,
        "documents_stored": stored["documents"],
        "python": platform.python_version(),
        "machine": platform.machine(),
        "date": time.strftime("%Y-%m-%d"),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if not result["meets_target"]:
        sys.exit(f"below target: {result['pages_per_s']} pages/s < {TARGET_PAGES_PER_S}")


if __name__ == "__main__":
    main()
