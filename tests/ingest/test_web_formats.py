"""Feeds, WARC archives and JSONL: one document per entry, record or line, format found by content (issue 6)."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.conftest import FIXTURES
from vigie.cli import cli
from vigie.errors import DocumentError
from vigie.ingest import Source, find_sources, read_documents
from vigie.ingest.feed import read_feed
from vigie.ingest.sniff import sniff_format
from vigie.pipeline import run
from vigie.records import RawDoc
from vigie.settings import Settings
from vigie.store import Store

FEED = FIXTURES / "feed" / "essor-2024-05-22-rss.xml"
MOPTI = FIXTURES / "html" / "essor-2024-03-12-mopti-bani.html"
GAO = FIXTURES / "html" / "journaldumali-2024-02-08-gao-convoi.html"
KAYES_URL = "https://www.essor.ml/kayes-la-campagne-de-vaccination-contre-la-rougeole-demarre/"
MOPTI_URL = "https://www.essor.ml/mopti-la-crue-du-bani-menace-les-cultures-de-contre-saison/"
GAO_URL = (
    "https://www.journaldumali.com/2024/02/08/gao-un-convoi-de-commercants-attaque-sur-laxe-gao-ansongo/"
)
# "Billion laughs": ten levels of ten references, a billion "ha" once expanded
ENTITY_BOMB = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY ha "ha">\n'
    + b"".join(
        f'<!ENTITY ha{i} "{("&ha" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'.encode()
        for i in range(1, 10)
    )
    + b']>\n<rss version="2.0"><channel><title>Bombe</title><item><title>&ha9;</title>'
    b"<link>https://exemple.ml/a</link><description>&ha9;</description></item></channel></rss>"
)
NO_NLP = Settings(extract=False)


def documents(path: Path, max_bytes: int = 20_000_000) -> list[RawDoc | DocumentError]:
    return list(read_documents(Source(str(path)), max_bytes))


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], compress: bool) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        for url, body, status in pages:
            headers = StatusAndHeaders(
                status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-06-01T10:20:30Z"},
            )  # fmt: skip
            writer.write_record(record)


def test_feed_entries_become_documents_with_their_metadata() -> None:
    docs = read_feed(FEED.read_bytes(), "essor.xml")
    assert [(d.source, d.url, d.page and d.page.kind) for d in docs] == [
        (f"essor.xml#{KAYES_URL}", KAYES_URL, "full"),
        (f"essor.xml#{MOPTI_URL}", MOPTI_URL, "teaser"),
    ]  # the third entry has no text
    kayes = docs[0]
    assert kayes.page is not None
    assert (
        kayes.page.title == "Kayes : la campagne de vaccination contre la rougeole démarre dans six districts"
    )
    assert kayes.page.published == datetime(2024, 5, 21, 16, 40)
    assert kayes.page.author == "Fatoumata MAÏGA"
    assert kayes.text.endswith("plus de 410 000 enfants âgés de six mois à quatorze ans.")
    assert "est apparu en premier sur" not in kayes.text


def test_entity_bomb_feed_is_refused_before_parsing(tmp_path: Path) -> None:
    bomb = tmp_path / "bombe.xml"
    bomb.write_bytes(ENTITY_BOMB)
    [error] = documents(bomb)
    assert isinstance(error, DocumentError)
    assert str(error) == (
        f"{bomb}: feed refused: it declares XML entities (EntitiesForbidden), as an entity bomb does; "
        "ask the publisher for a plain RSS or Atom feed"
    )


@pytest.mark.parametrize("compress", [True, False])
def test_warc_html_responses_become_documents(tmp_path: Path, compress: bool) -> None:
    archive = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    write_warc(
        archive,
        [
            (MOPTI_URL, MOPTI.read_bytes(), "200 OK"),
            ("https://www.essor.ml/absent/", b"<html><body>Introuvable</body></html>", "404 Not Found"),
            (GAO_URL, GAO.read_bytes(), "200 OK"),
        ],
        compress,
    )
    docs = documents(archive)
    assert [(d.url, d.format, d.captured) for d in docs if isinstance(d, RawDoc)] == [
        (MOPTI_URL, "warc", datetime(2024, 6, 1, 10, 20, 30, tzinfo=UTC)),
        (GAO_URL, "warc", datetime(2024, 6, 1, 10, 20, 30, tzinfo=UTC)),
    ]
    assert len(docs) == 2


def test_warc_page_over_the_limit_is_named(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, [(MOPTI_URL, MOPTI.read_bytes(), "200 OK")], compress=True)
    [error] = documents(archive, max_bytes=1000)
    assert (
        str(error)
        == f"{archive}: {MOPTI_URL}: page is over the limit of 0.0 MB; raise it with --setting max_bytes N"
    )


def test_jsonl_of_html_and_text(tmp_path: Path) -> None:
    lines = [
        json.dumps({"url": MOPTI_URL, "html": MOPTI.read_text(encoding="utf-8")}),
        json.dumps({"url": "https://www.essor.ml/bref", "text": "Kidal : Un véhicule neutralisé\n\nLes FAMa ont frappé un pick-up."}),
        "pas du json",
        json.dumps({"html": "<p>sans adresse</p>"}),
    ]  # fmt: skip
    path = tmp_path / "pages.data"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = documents(path)
    assert [d.url for d in docs if isinstance(d, RawDoc)] == [MOPTI_URL, "https://www.essor.ml/bref"]
    assert [str(d) for d in docs if isinstance(d, DocumentError)] == [
        f"{path} line 3: not JSON (Expecting value); each line must be one object",
        f'{path} line 4: expected an object with "url" and "html" or "text"',
    ]


def test_format_is_found_by_content_not_extension(tmp_path: Path) -> None:
    disguised = tmp_path / "page.txt"
    disguised.write_bytes(MOPTI.read_bytes())
    feed = tmp_path / "flux"
    feed.write_bytes(FEED.read_bytes())
    archive = tmp_path / "archive.bin"
    write_warc(archive, [(GAO_URL, GAO.read_bytes(), "200 OK")], compress=True)
    assert [d.format for d in documents(disguised) if isinstance(d, RawDoc)] == ["html"]
    assert [d.format for d in documents(feed) if isinstance(d, RawDoc)] == ["feed", "feed"]
    assert [d.format for d in documents(archive) if isinstance(d, RawDoc)] == ["warc"]
    assert sniff_format(gzip.compress(b"Kidal : un camp")) == "text"


def test_folders_take_web_files(tmp_path: Path) -> None:
    for name in ("a.html", "b.xml", "c.warc.gz", "d.jsonl", "e.txt", "f.png", "g.gz"):
        (tmp_path / name).write_bytes(b"x")
    found = [Path(s.location).name for s in find_sources([str(tmp_path)]) if isinstance(s, Source)]
    assert found == ["a.html", "b.xml", "c.warc.gz", "d.jsonl", "e.txt"]


def test_html_page_is_one_article_stored_with_its_url_and_reingest_is_idempotent(store: Store) -> None:
    report = run([str(MOPTI), str(GAO)], store, NO_NLP)
    assert (report.documents, report.articles, report.teasers, report.skipped) == (2, 2, 0, [])
    stored = {item.source: item for item in store.articles()}
    mopti = stored[MOPTI_URL].article
    assert mopti.title == "Mopti : la crue tardive du Bani menace les cultures de contre-saison"
    assert mopti.published == datetime(2024, 3, 12, 9, 15)
    assert mopti.author == "Oumar DIAKITÉ"
    assert mopti.kind == "full"
    assert mopti.body.startswith("Les eaux du Bani ont atteint la semaine dernière")
    assert mopti.body.endswith("distribuées par le commissariat à la sécurité alimentaire.")
    assert stored[MOPTI_URL].doc_name == "essor-2024-03-12-mopti-bani.html"
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT url, format FROM documents ORDER BY url").all()
    assert sorted(tuple(row) for row in rows) == [(MOPTI_URL, "html"), (GAO_URL, "html")]
    again = run([str(MOPTI), str(GAO)], store, NO_NLP)
    assert (again.documents, again.unchanged) == (0, 2)
    assert store.counts() == {"documents": 2, "articles": 2, "teasers": 0}


def test_cli_ingests_a_folder_of_web_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "web"
    folder.mkdir()
    (folder / "mopti.html").write_bytes(MOPTI.read_bytes())
    (folder / "essor.xml").write_bytes(FEED.read_bytes())
    write_warc(folder / "crawl.warc.gz", [(GAO_URL, GAO.read_bytes(), "200 OK")], compress=True)
    (folder / "pages.jsonl").write_text(
        json.dumps({"url": "https://www.essor.ml/bref", "text": "Kidal : Un véhicule neutralisé\n\n"
                    "Les vecteurs aériens des FAMa ont frappé un pick-up près de Kidal ce jeudi."}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    db = str(tmp_path / "web.db")
    args = ["--setting", "extract", "false", "ingest", str(folder), "--db", db]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    # the feed's Mopti entry is a teaser of the Mopti page: both are stored, linked as near-duplicates
    assert result.stderr.splitlines()[-1] == (
        "5 documents, 5 articles (1 teasers), 0 events, 0 interactions, 1 linked as near-duplicates; "
        "0 unchanged; 0 documents skipped"
    )
    with Store.open(f"sqlite:///{db}") as store:
        stored = {(item.source, item.article.kind): item.cluster_id for item in store.articles()}
    feed = str(folder / "essor.xml")
    assert sorted(stored) == sorted(
        [(GAO_URL, "full"), (MOPTI_URL, "full"), ("https://www.essor.ml/bref", "full"),
         (f"{feed}#{KAYES_URL}", "full"), (f"{feed}#{MOPTI_URL}", "teaser")]
    )  # fmt: skip
    assert stored[(MOPTI_URL, "full")] == stored[(f"{feed}#{MOPTI_URL}", "teaser")]
    again = CliRunner().invoke(cli, args)
    assert again.stderr.splitlines()[-1].endswith("5 unchanged; 0 documents skipped")


def test_an_archive_larger_than_a_batch_is_saved_in_batches(tmp_path: Path, store: Store) -> None:
    """A WARC of 450 pages: read lazily, looked up and saved 200 at a time."""
    page = MOPTI.read_bytes()
    pages = [
        (f"https://www.essor.ml/page-{i}/", page.replace(b"340 hectares", f"{i} hectares".encode()), "200 OK")
        for i in range(450)
    ]
    write_warc(tmp_path / "big.warc.gz", pages, compress=True)
    progress: list[str] = []
    report = run([str(tmp_path / "big.warc.gz")], store, NO_NLP, on_document=progress.append)
    assert (report.documents, report.skipped) == (450, [])
    assert progress == [str(tmp_path / "big.warc.gz")]
    assert store.counts()["documents"] == 450


def test_atom_feed_entries(tmp_path: Path) -> None:
    atom = tmp_path / "studiotamani.atom"
    atom.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Studio Tamani</title>
<id>https://www.studiotamani.org/</id><updated>2024-07-09T14:00:00Z</updated>
<entry><title>Tombouctou : les candidats au DEF composent malgré le blocus</title>
<link href="https://www.studiotamani.org/158233-tombouctou-les-candidats-au-def"/>
<id>158233</id><updated>2024-07-09T14:00:00Z</updated><author><name>Studio Tamani</name></author>
<content type="html">&lt;p&gt;Les épreuves du DEF ont commencé ce mardi dans la région de Tombouctou.&lt;/p&gt;</content></entry>
<entry><title>Gao : une vingtaine d'écoles rouvrent à Ansongo</title>
<link href="https://www.studiotamani.org/157990-gao-les-ecoles-rouvrent"/>
<id>157990</id><updated>2024-07-08T09:30:00+00:00</updated>
<summary>Une vingtaine d'écoles ont rouvert leurs portes dans le cercle d'Ansongo.</summary></entry>
</feed>""",
        encoding="utf-8",
    )
    docs = [d for d in documents(atom) if isinstance(d, RawDoc)]
    assert [(d.page.title, d.page.published, d.page.author, d.page.kind) for d in docs if d.page] == [
        ("Tombouctou : les candidats au DEF composent malgré le blocus", datetime(2024, 7, 9, 14, 0), "Studio Tamani", "full"),
        ("Gao : une vingtaine d'écoles rouvrent à Ansongo", datetime(2024, 7, 8, 9, 30), None, "teaser"),
    ]  # fmt: skip
    assert docs[0].text.endswith("Les épreuves du DEF ont commencé ce mardi dans la région de Tombouctou.")


def _feed(encoding: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel><title>L\'Essor</title>'
        f"<item><title>Mopti : la crue du Bani menace les cultures</title><link>{MOPTI_URL}</link>"
        "<description>Les eaux du Bani montent à Mopti et menacent les cultures de contre-saison des "
        "riverains, selon la direction régionale de l'agriculture.</description></item></channel></rss>"
    ).encode("utf-8" if encoding.startswith("x-") else encoding)


@pytest.mark.parametrize("encoding", ["gb2312", "gb18030", "windows-1252", "x-encodage-inconnu"])
def test_feeds_in_encodings_the_xml_parser_lacks_are_read(tmp_path: Path, encoding: str) -> None:
    """Issue 12: a feed declaring gb2312 (multi-byte) or an unknown encoding raised a traceback."""
    path = tmp_path / "flux.xml"
    path.write_bytes(_feed(encoding))
    [doc] = documents(path)
    assert isinstance(doc, RawDoc)
    assert doc.page is not None and doc.page.title == "Mopti : la crue du Bani menace les cultures"
    assert "Les eaux du Bani montent à Mopti" in doc.text


def test_a_feed_in_an_unknown_encoding_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "flux.xml"
    path.write_bytes(_feed("windows-1252").replace(b"windows-1252", b"x-inconnu"))
    [error] = documents(path)
    assert str(error) == (
        f"{path}: feed declares the unknown encoding 'x-inconnu' and is not UTF-8; ask the publisher for a UTF-8 feed"
    )


def _zeros_record(zeros: int, compress: bool) -> bytes:
    """A response record whose HTTP headers are `zeros` NUL bytes (as a broken archiver wrote them)."""
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://www.essor.ml/zeros/\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {zeros + 4}\r\n\r\n"
    ).encode()
    if not compress:
        return head + b"\0" * zeros + b"\r\n\r\n"
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunks = [packer.compress(head)]
    block = b"\0" * (1 << 20)
    for _ in range(zeros >> 20):
        chunks.append(packer.compress(block))
    return b"".join([*chunks, packer.compress(b"\r\n\r\n"), packer.flush()])


@pytest.mark.parametrize("compress", [True, False])
def test_warc_with_zeros_where_the_http_headers_go_is_refused_in_bounded_memory(
    tmp_path: Path, compress: bool
) -> None:
    """Issue 12: a 4 MB WARC.gz of zeros took gigabytes of memory, with no message."""
    archive = tmp_path / ("zeros.warc.gz" if compress else "zeros.warc")
    write_warc(archive, [(MOPTI_URL, MOPTI.read_bytes(), "200 OK")], compress)
    with archive.open("ab") as handle:
        handle.write(_zeros_record((200 if compress else 30) << 20, compress))
    tracemalloc.start()
    try:
        docs = documents(archive)
        peak_mb = tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()
    assert [d.url for d in docs if isinstance(d, RawDoc)] == [MOPTI_URL]
    assert [str(d) for d in docs if isinstance(d, DocumentError)] == [
        f"{archive}: https://www.essor.ml/zeros/: archive refused from this record on: its HTTP headers run "
        "over 64 KB (zeros or binary data where the headers go); the pages before it are kept"
    ]
    assert peak_mb < 50


def test_a_gzip_bomb_in_a_warc_is_refused_after_bounded_inflation(tmp_path: Path) -> None:
    archive = tmp_path / "bombe.warc.gz"
    payload = b"<html><body><p>" + (b" " * 999 + b"\n") * 60_000 + b"</p></body></html>"  # 60 MB
    write_warc(archive, [(MOPTI_URL, MOPTI.read_bytes(), "200 OK"), (GAO_URL, payload, "200 OK")], True)
    docs = documents(archive, max_bytes=200_000)
    assert [d.url for d in docs if isinstance(d, RawDoc)] == [MOPTI_URL]
    refused = [str(d) for d in docs if isinstance(d, DocumentError)][-1]
    assert refused.startswith(f"{archive}: archive refused after ")
    assert refused.endswith(
        "it expands more than 100 times, as a compression bomb does; the pages before it are kept"
    )
