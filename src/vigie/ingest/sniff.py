"""Input formats: the first bytes of an input -> text, html, feed, warc or jsonl (content, not extension)."""

from __future__ import annotations

import codecs
import re
import zlib

from vigie.records import InputFormat

SNIFF_BYTES = 4096
GZIP_MAGIC = b"\x1f\x8b"
# <rss version="2.0">, <feed xmlns="http://www.w3.org/2005/Atom">, <rdf:RDF …> (RSS 1.0)
FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]")
# <!DOCTYPE html>, <html lang="fr">, or a fragment opening with <head>/<body>/<meta>
HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]")
# {"url": "https://…", "html": "<html>…"}
JSON_OBJECT = re.compile(rb"^\{\s*\"")


def sniff_format(head: bytes) -> InputFormat:
    """The format of an input from its first bytes.

    >>> sniff_format(b"WARC/1.0\\r\\nWARC-Type: warcinfo\\r\\n")
    'warc'
    >>> sniff_format(b'<?xml version="1.0"?>\\n<rss version="2.0"><channel>')
    'feed'
    >>> sniff_format(b"\\xef\\xbb\\xbf  <!DOCTYPE html>\\n<html lang='fr'>")
    'html'
    >>> sniff_format(b'{"url": "https://www.essor.ml/a", "text": "Kidal : un camp attaqu\\xc3\\xa9"}\\n')
    'jsonl'
    >>> sniff_format("Kidal : un camp attaqué\\n\\nPublié jeudi 01 août 2024".encode())
    'text'
    """
    if head.startswith(GZIP_MAGIC):
        return "warc" if _gunzip_head(head).startswith(b"WARC/") else "text"
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()[:SNIFF_BYTES].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if JSON_OBJECT.match(start):
        return "jsonl"
    if start.startswith(b"<"):
        if FEED_ROOT.search(start):
            return "feed"
        if HTML_START.search(start):
            return "html"
    return "text"


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
    except zlib.error:
        return b""
