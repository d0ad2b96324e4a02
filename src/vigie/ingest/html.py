"""HTML input: the bytes of one web page -> a RawDoc of its main text, with title, date and author.

trafilatura finds the main text, title and author (menus, share buttons, "Lire aussi" blocks,
comments and footers are left out); htmldate finds the publication date, and the page's own
`article:published_time` adds the time when it agrees with that date.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

import htmldate
import trafilatura
from lxml.html import HtmlElement

from vigie.errors import DocumentError
from vigie.frdate import find_date, fold
from vigie.page import page_text
from vigie.records import InputFormat, Page, RawDoc
from vigie.segment import Line, classify_line
from vigie.segment.lines import is_site_name, is_tag

# <meta property="og:title" content="Gao : un convoi attaqué">, and Twitter's card title
HEADLINE_META = '//meta[@property="og:title" or @name="og:title" or @name="twitter:title"]/@content'
# <meta property="article:published_time" content="2024-03-12T09:15:00+00:00">
TIME_META = (
    '//meta[@property="article:published_time" or @name="article:published_time" '
    'or @itemprop="datePublished"]/@content'
    ' | //time[@itemprop="datePublished" or contains(@class, "published")]/@datetime'
    ' | //abbr[contains(@class, "published")]/@title'  # hAtom, as SPIP prints it
)
# The chapô (standfirst) that French outlets print above the body, outside its block:
# <div class="chapo"><p>Les habitants du secteur 4 de Dori disposent désormais…</p></div>
LEAD = (
    '//*[contains(concat(" ", normalize-space(@class), " "), " chapo ") '
    'or contains(concat(" ", normalize-space(@class), " "), " chapeau ") '
    'or contains(concat(" ", normalize-space(@class), " "), " standfirst ")]'
)
LEAD_WORDS = 8
# The signature under a SPIP article: <p class="signature"><strong>Hamidou BARRY</strong><br />Correspondant</p>
SIGNATURE = '//*[contains(concat(" ", normalize-space(@class), " "), " signature ")]/strong'
MAX_NAME_WORDS = 5
# "2024-03-12T09:15:00+00:00", "2024-03-12 09:15"
ISO_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})")
# A paragraph break in trafilatura's text: one line per paragraph
LINE_BREAK = re.compile(r"\n+")
# "Par Moussa DIARRA" in an author field: the name alone is kept
BY = re.compile(r"^(?:par|by)\s*:?\s+", re.IGNORECASE)
# Lines of the article block that are page furniture (data/page_furniture.toml): "Source : Le Républicain",
# "Mots clés : riz", "LIRE AUSSI : Transport routier : …", "Écouter le reportage"
DROPPED = {Line.FURNITURE, Line.TAG, Line.READ_ALSO, Line.RELATED, Line.COMMENTS, Line.BYLINE, Line.CAPTION}
# <meta charset="UTF-8">, <meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
# A short line with a full date among the first lines: "Ségou, 26 août 2024 (AMAP)"
DATELINE_WORDS = 10
DATELINE_WITHIN = 2


def read_html(
    data: bytes,
    where: str,
    url: str | None = None,
    captured: datetime | None = None,
    fmt: InputFormat = "html",
) -> RawDoc:
    """Extract the article of one HTML page; raise DocumentError when it has no main text.

    >>> page = ("<html><head><title>Kayes : la rentrée scolaire repoussée | L'Essor</title>"
    ...     '<meta property="article:published_time" content="2023-10-02T08:30:00+00:00"></head>'
    ...     "<body><nav><a href='/'>Accueil</a></nav><article><h1>Kayes : la rentrée scolaire repoussée</h1>"
    ...     "<p>La rentrée scolaire est repoussée d'une semaine dans la région de Kayes, a annoncé "
    ...     "lundi le directeur de l'académie, en raison des pluies qui ont endommagé plusieurs écoles.</p>"
    ...     "</article></body></html>").encode()
    >>> raw = read_html(page, "kayes.html")
    >>> raw.page.title, raw.page.published
    ('Kayes : la rentrée scolaire repoussée', datetime.datetime(2023, 10, 2, 8, 30))
    >>> raw.text.split("\\n\\n")[1][:42]
    "La rentrée scolaire est repoussée d'une se"
    """
    tree = trafilatura.load_html(data)
    if tree is None:
        raise DocumentError(f"{where}: not an HTML page (the parser found no document)")
    marked = find_published(tree, url)
    lead = _lead(tree)
    signed = _signature(tree)
    found: Any = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )
    sitename = _clean(found.sitename) if found is not None else None
    title = find_headline(tree, found.title if found is not None else None, sitename, url)
    author = (_author(found.author) if found is not None else None) or signed
    names = {fold(name) for name in [sitename, *_page_title(tree)] if name and _is_site_title(name.strip())}
    lines = _paragraphs(found.text if found is not None else None, title, author, names)
    if lines and lead and not any(lead in line for line in lines):
        lines.insert(0, lead)
    lines, printed = _dateline(lines)
    published = marked or printed or _any_date(tree, url)
    body = "\n\n".join(lines)
    if not body:
        raise DocumentError(
            f"{where}: no article text found in the HTML page (menus, links or a page without a body)"
        )
    canonical = url or _clean(found.url)
    page = Page(title=title, published=published, author=author, sitename=sitename)
    return RawDoc(
        source=canonical or where,
        name=where.rstrip("/").rsplit("/", 1)[-1] or where,
        sha1=hashlib.sha1(data).hexdigest(),
        size=len(data),
        encoding=_declared_charset(data),
        text=page_text(title, body),
        url=canonical,
        captured=captured,
        format=fmt,
        page=page,
    )


def find_published(tree: HtmlElement, url: str | None = None) -> date | datetime | None:
    """The publication date in a page's markup (htmldate), with its time when the metadata gives one."""
    found = htmldate.find_date(tree, original_date=True, extensive_search=False, url=url)
    if found is None:
        return None
    day = date.fromisoformat(found)
    for value in [*tree.xpath(TIME_META), *_json_ld(tree, "datePublished")]:
        match = ISO_TIME.match(str(value).strip())
        if match:
            year, month, dom, hour, minute = (int(g) for g in match.groups())
            if date(year, month, dom) == day:
                return datetime(year, month, dom, hour, minute)
    return day


def _lead(tree: HtmlElement) -> str | None:
    """The chapô printed above the body, when the page marks it."""
    for element in tree.xpath(LEAD):
        text = " ".join(element.text_content().split())
        if len(text.split()) >= LEAD_WORDS:
            return text
    return None


def _signature(tree: HtmlElement) -> str | None:
    """The author's name of a signature block, when the metadata names no author."""
    for element in tree.xpath(SIGNATURE):
        name = " ".join(element.text_content().split())
        if name and len(name.split()) <= MAX_NAME_WORDS:
            return _author(name)
    return None


def _declared_charset(data: bytes) -> str:
    """The charset a page declares (trafilatura decodes it), lower-case; utf-8 when none is declared.

    >>> _declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=Windows-1252">')
    'windows-1252'
    """
    found = CHARSET.search(data[:4096])
    return found.group(1).decode("ascii").lower() if found else "utf-8"


def _any_date(tree: HtmlElement, url: str | None) -> date | None:
    """A date found anywhere in the page text by htmldate: the last resort."""
    found = htmldate.find_date(tree, original_date=True, extensive_search=True, url=url)
    return date.fromisoformat(found) if found else None


def _dateline(lines: list[str]) -> tuple[list[str], date | datetime | None]:
    """A dateline opening the body, taken out of it, and its date.

    >>> _dateline(["Ségou, 26 août 2024 (AMAP)", "Le conseil régional de Ségou a réceptionné…"])
    (['Le conseil régional de Ségou a réceptionné…'], datetime.date(2024, 8, 26))
    """
    for index, line in enumerate(lines[:DATELINE_WITHIN]):
        if len(line.split()) <= DATELINE_WORDS:
            printed = find_date(line)
            if printed is not None:
                return lines[:index] + lines[index + 1 :], printed
    return lines, None


def _paragraphs(
    text: str | None, title: str | None, author: str | None, names: set[str] | None = None
) -> list[str]:
    """Body paragraphs, one per line of trafilatura's text, without the headline printed on top,
    the signature printed below ("Oumar DIAKITÉ"), the furniture lines of the article block and
    the site's or page's name (`names`, folded: "le quotidien", "accueil").
    """
    lines = [" ".join(line.split()) for line in LINE_BREAK.split(text or "")]
    lines = [
        line
        for line in lines
        if line and classify_line(line)[0] not in DROPPED and fold(line) not in (names or ())
    ]
    while lines and title and lines[0] == title:
        lines.pop(0)
    while lines and author and lines[-1].strip(" *_") == author:
        lines.pop()
    return lines


def find_headline(
    tree: HtmlElement, extracted: str | None, sitename: str | None, url: str | None = None
) -> str | None:
    """The article's headline: JSON-LD `headline`, `og:title`, the page's `<h1>`, then the title
    trafilatura found; never the bare name of the site (a page whose only title is the site's name
    gets none, and its first words stand for it).

    >>> from lxml import html
    >>> page = html.fromstring("<html><head><title>Le Quotidien</title></head><body><p>Texte.</p></body></html>")
    >>> find_headline(page, "Le Quotidien", "Le Quotidien") is None
    True
    >>> page = html.fromstring('<html><head><meta property="og:title" content="Gao : un convoi attaqué - Le Quotidien"></head></html>')
    >>> find_headline(page, "Le Quotidien", "Le Quotidien")
    'Gao : un convoi attaqué'
    >>> page = html.fromstring("<html><head><title>Le Quotidien | Gao : un convoi attaqué près de la ville</title></head><body><h1>Le Quotidien</h1></body></html>")
    >>> find_headline(page, "Le Quotidien | Gao", None)
    'Gao : un convoi attaqué près de la ville'
    """
    site_names = {fold(name) for name in (sitename, _host(url)) if name}
    candidates = [*_json_ld(tree, "headline"), *tree.xpath(HEADLINE_META), *_h1(tree), *_page_title(tree)]
    for value in candidates:  # the site's own name, printed as a title somewhere: "<h1>Le Quotidien</h1>"
        title = _clean(str(value))
        if title is not None and _is_site_title(title):
            site_names.add(fold(title))
    for value in [*candidates, extracted]:
        title = _title(str(value), sitename)
        if title is None:
            continue
        title = _without_site(title, site_names)
        if fold(title) in site_names or _is_site_title(title):
            continue
        return title
    return None


SITE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " » ")
MIN_HEADLINE_WORDS = 4  # beside a site's name in a <title>, the headline is the longer part


def _without_site(title: str, site_names: set[str]) -> str:
    """A <title> without the site's name before or after it: "Le Quotidien | Gao : un convoi attaqué",
    "Gao : un convoi attaqué - lequotidien.ml"; a part that names a known site, or a last part shaped
    as a site's name, beside a headline's worth of words is dropped (not "Mali" of "Mali - Niger : …")."""
    hosts = {name.replace(" ", "").split(".")[0] for name in site_names}
    for separator in SITE_SEPARATORS:
        if separator not in title:
            continue
        for first, rest in ((True, title.split(separator, 1)), (False, title.rsplit(separator, 1))):
            site, headline = (rest[0], rest[1]) if first else (rest[1], rest[0])
            folded = fold(site.strip())
            known = folded in site_names or folded.replace(" ", "").split(".")[0] in hosts
            shaped = not first and _is_site_title(site.strip())
            if (known or shaped) and len(headline.split()) >= MIN_HEADLINE_WORDS:
                return headline.strip()
    return title


def _page_title(tree: HtmlElement) -> list[str]:
    return [str(text) for text in tree.xpath("//head/title/text()")[:1]]


def _json_ld(tree: HtmlElement, key: str) -> list[str]:
    """The values of `key` ("headline", "datePublished") in the page's JSON-LD objects."""
    found: list[str] = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(str(script))
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get(key), str):
                    found.append(item[key])
                stack.extend(v for k, v in item.items() if k == "@graph")
    return found


def _h1(tree: HtmlElement) -> list[str]:
    return [" ".join(h.text_content().split()) for h in tree.xpath("//article//h1 | //h1")[:2]]


def _host(url: str | None) -> str | None:
    """ "https://www.lequotidien.ml/a/b" -> "lequotidien.ml" """
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _is_site_title(title: str) -> bool:
    """A title that only names a site or a page: "i24NEWS", "Le Quotidien", "aBamako.com", "Accueil";
    one word is a name, never a headline."""
    folded = fold(title)
    words = len(title.split())
    if words == 1 or is_tag(folded):
        return True
    return (words <= 3 and ":" not in title) and (
        is_site_name(title, folded, words) or "." in title.strip(".")
    )


def _title(value: str | None, sitename: str | None) -> str | None:
    """The page title without the site's name appended to it.

    >>> _title("Gao : un convoi attaqué | Journal du Mali", "Journal du Mali")
    'Gao : un convoi attaqué'
    """
    title = _clean(value)
    if title and sitename:
        for separator in (" | ", " - ", " – ", " — ", " :: "):
            title = title.removesuffix(f"{separator}{sitename}")
    return title


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None


def _author(value: str | None) -> str | None:
    value = _clean(value)
    return BY.sub("", value) if value else None
