"""JSONL input: one object per line, {"url", "html"} or {"url", "text"} -> one RawDoc per line."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from vigie.errors import DocumentError
from vigie.ingest.html import read_html
from vigie.ingest.text import repair_mojibake
from vigie.records import RawDoc


def read_jsonl(data: bytes, where: str) -> Iterator[RawDoc | DocumentError]:
    """Each line's page: HTML through the HTML reader, text as a page dump; a bad line is named.

    >>> line = '{"url": "https://www.essor.ml/bani", "text": "Mopti : le Bani en crue\\\\n\\\\nLes eaux montent."}'
    >>> [(d.source, d.text) for d in read_jsonl(line.encode(), "pages.jsonl")]
    [('https://www.essor.ml/bani', 'Mopti : le Bani en crue\\n\\nLes eaux montent.')]
    """
    for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        here = f"{where} line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield DocumentError(f"{here}: not JSON ({err.msg}); each line must be one object")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("url"), str):
            yield DocumentError(f'{here}: expected an object with "url" and "html" or "text"')
            continue
        url = record["url"]
        if isinstance(record.get("html"), str):
            try:
                yield read_html(record["html"].encode("utf-8"), f"{here}: {url}", url=url, fmt="jsonl")
            except DocumentError as err:
                yield err
        elif isinstance(record.get("text"), str):
            text = repair_mojibake(record["text"].replace("\r\n", "\n").replace("\r", "\n"))
            if not text.strip():
                yield DocumentError(f"{here}: {url}: empty text, nothing to ingest")
                continue
            yield RawDoc(
                source=url,
                name=url.rstrip("/").rsplit("/", 1)[-1] or url,
                sha1=hashlib.sha1(f"{url}\n{text}".encode()).hexdigest(),
                size=len(text.encode()),
                encoding="utf-8",
                text=text,
                url=url,
                format="jsonl",
            )
        else:
            yield DocumentError(f'{here}: {url}: no "html" or "text" field')
