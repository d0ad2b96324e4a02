"""A catalogue of hostile and careless inputs, ingested in one batch: each bad one gives one line
naming it, the rest of the batch is stored, and the exit status is 1 (issue 12).

The files are made here, from the project's fixtures and seeds: empty, binary, oversized, an
entity bomb, a gzip bomb and zeros in a WARC, a malformed JSONL line, deep HTML nesting, feeds in
encodings the XML parser lacks, damaged UTF-8, UTF-16 without its mark, a FIFO, a photo, a name
holding a line break, a dangling link, a paragraph of 1.6 MB.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import EVAL, FIXTURES, _need_shared
from tests.ingest.test_web_formats import ENTITY_BOMB, GAO, GAO_URL, MOPTI, MOPTI_URL, write_warc
from vigie.cli import cli
from vigie.store import Store

PARAGRAPH = (
    "Les habitants de Diabaly ont accueilli jeudi les autorités régionales venues constater les dégâts. "
)
FEED = (
    '<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel><title>L\'Essor</title>'
    "<item><title>Mopti : la crue du Bani menace les cultures</title><link>{link}</link>"
    "<description>Les eaux du Bani montent à Mopti et menacent les cultures de contre-saison des "
    "riverains, selon la direction régionale de l'agriculture.</description></item></channel></rss>"
)


def _gzip_member(*parts: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return b"".join([*(packer.compress(part) for part in parts), packer.flush()])


def make_catalogue(folder: Path) -> dict[str, str | None]:
    """Write the catalogue; for each file, the start of the one line it must give (None: stored silently)."""
    _need_shared()
    folder.mkdir()
    lines: dict[str, str | None] = {}

    def put(name: str, data: bytes, line: str | None) -> None:
        (folder / name).write_bytes(data)
        lines[name] = line

    put("a-bon.txt", (EVAL / "seeds" / "001_5278eb2115a67db4.txt").read_bytes(), None)
    put("vide.txt", b"  \n\n", "skipped: {path}: empty file, nothing to ingest")
    put(
        "binaire.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, "skipped: {path}: binary file (NUL bytes)"
    )
    with (folder / "enorme.txt").open("wb") as handle:
        handle.truncate(200_000_000)  # sparse
    lines["enorme.txt"] = "skipped: {path}: file is 200.0 MB, above the limit of 20.0 MB"
    put("bombe-entites.xml", ENTITY_BOMB, "skipped: {path}: feed refused: it declares XML entities")
    write_warc(folder / "bombe.warc.gz", [(MOPTI_URL, MOPTI.read_bytes(), "200 OK")], compress=True)
    with (folder / "bombe.warc.gz").open(
        "ab"
    ) as handle:  # a page of 60 MB of blank lines, deflated 1000 times
        handle.write(
            _gzip_member(
                b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://www.essor.ml/bombe/\r\n"
                b"Content-Type: application/http; msgtype=response\r\nContent-Length: 60000044\r\n\r\n"
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
                *([(b" " * 999 + b"\n") * 1000] * 60),
            )
        )
    lines["bombe.warc.gz"] = "skipped: {path}: archive refused after "
    write_warc(folder / "zeros.warc.gz", [(GAO_URL, GAO.read_bytes(), "200 OK")], compress=True)
    with (folder / "zeros.warc.gz").open("ab") as handle:  # zeros where the HTTP headers go
        handle.write(
            _gzip_member(
                b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://www.essor.ml/zeros/\r\n"
                b"Content-Type: application/http; msgtype=response\r\nContent-Length: 209715204\r\n\r\n",
                *([b"\0" * (1 << 20)] * 200),
                b"\r\n\r\n",
            )
        )
    lines["zeros.warc.gz"] = (
        "skipped: {path}: https://www.essor.ml/zeros/: archive refused from this record on"
    )
    jsonl = [json.dumps({"url": "https://www.essor.ml/bref", "text": f"Diabaly : la visite\n\n{PARAGRAPH}"}),
             '{"url": "https://www.essor.ml/casse", "text": "Kidal']  # fmt: skip
    put("lignes.jsonl", "\n".join(jsonl).encode(), "skipped: {path} line 2: not JSON (Unterminated string")
    nested = (
        "<html><body>" + "<div>" * 100_000 + f"<p>{PARAGRAPH}</p>" + "</div>" * 100_000 + "</body></html>"
    )
    put("profond.html", nested.encode(), "skipped: {path}: no article text found in the HTML page")
    put("flux-gb2312.xml", FEED.format(encoding="gb2312", link=MOPTI_URL).encode("gb2312"), None)
    unknown = FEED.format(encoding="x-inconnu", link=GAO_URL).encode("cp1252")
    put("flux-inconnu.xml", unknown, "skipped: {path}: feed declares the unknown encoding 'x-inconnu'")
    damaged = f"Diabaly : le village endeuillé\n\n{PARAGRAPH * 3}\n".encode()
    put(
        "abime.txt", damaged[:40] + b"\xff\xfe" + damaged[40:], "warning: {path}: 2 bytes are not valid UTF-8"
    )
    utf16 = f"Ségou : une école rouverte\n\n{PARAGRAPH.replace('Diabaly', 'Ségou') * 2}\n"
    put("utf16.txt", utf16.encode("utf-16-le"), None)
    put("longue.txt", f"Diabaly : une longue dépêche\n\n{PARAGRAPH * 16_000}\n".encode(), None)
    os.mkfifo(folder / "tube.txt")
    lines["tube.txt"] = "passed over: {path}: not a regular file (a FIFO)"
    put("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "passed over: {path}: unknown kind of file (.jpg)")
    put("saut\nde-ligne.txt", b"", "skipped: {path!r}: empty file, nothing to ingest")
    (folder / "lien.txt").symlink_to(folder / "disparu.txt")
    lines["lien.txt"] = "skipped: {path}: cannot read: the link points to a missing file"
    return lines


def test_each_bad_input_gives_one_line_and_the_rest_is_stored(tmp_path: Path) -> None:
    folder = tmp_path / "lot"
    expected = make_catalogue(folder)
    db = tmp_path / "lot.db"
    result = CliRunner().invoke(
        cli,
        [
            "-v",
            "--setting",
            "extract",
            "false",
            "ingest",
            str(folder),
            str(FIXTURES / "feed"),
            "--db",
            str(db),
        ],
    )
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    summary = lines.pop()
    for name, start in expected.items():
        named = [line for line in lines if name.replace("\n", "\\n") in line]
        if start is None:
            assert named == [], name
            continue
        path = str(folder / name)
        assert len(named) == 1, (name, named)
        assert named[0].startswith(start.format(path=path)), (name, named[0])
    assert len(lines) == sum(start is not None for start in expected.values())  # nothing else is said
    assert summary.startswith("10 documents, ")
    assert summary.endswith("; 11 documents skipped; 2 files of unknown kind passed over (-v lists them)")
    with Store.open(f"sqlite:///{db}", create=False) as store:
        sources = {item.source for item in store.articles()}
    assert {str(folder / name) for name in ("a-bon.txt", "abime.txt", "utf16.txt", "longue.txt")} <= sources
    assert {
        MOPTI_URL,
        GAO_URL,
        "https://www.essor.ml/bref",
        f"{folder / 'flux-gb2312.xml'}#{MOPTI_URL}",
    } <= sources


def test_a_fifo_on_the_command_line_is_one_line_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "tube")
    page = tmp_path / "page.txt"
    page.write_text(f"Diabaly : la visite\n\n{PARAGRAPH}\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "--setting",
            "extract",
            "false",
            "ingest",
            str(tmp_path / "tube"),
            str(page),
            "--db",
            str(tmp_path / "x.db"),
        ],
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"skipped: {tmp_path / 'tube'}: not a regular file (a FIFO); Vigie reads files, folders, globs and - (stdin)",
        "1 documents, 1 articles (0 teasers), 0 events, 0 interactions, 0 linked as near-duplicates; 0 unchanged; "
        "1 documents skipped",
    ]
