"""Records: the frozen dataclasses passed between pipeline stages, and their vocabularies."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

Kind = Literal["full", "teaser"]

InputFormat = Literal["text", "html", "feed", "warc", "jsonl"]  # how a document was read

EventType = Literal[
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]

PloverType = Literal[
    "CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REJECT", "ACCUSE", "SANCTION", "REQUEST"
]

FIRST_WORDS = 8


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One input document, decoded to text and repaired (encoding, mojibake, line ends)."""

    source: str  # path or URL as given, "<stdin>" for standard input
    name: str  # base name: the `doc` key of FORMAT.md
    sha1: str  # of the source bytes: re-ingesting the same bytes is a no-op
    size: int  # bytes
    encoding: str
    text: str
    url: str | None = None  # the page's canonical URL, when it came from the web or an archive
    captured: datetime | None = None  # when the page was fetched or archived (UTC)
    format: InputFormat = "text"
    page: Page | None = None  # set for a web page or feed entry: one article, its metadata given


@dataclass(frozen=True, slots=True)
class Page:
    """What a web page or feed entry says about its one article; RawDoc.text is title, then body."""

    title: str | None
    published: date | datetime | None
    author: str | None
    kind: Kind = "full"  # "teaser" for a feed entry that only carries a summary
    sitename: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One article or teaser cut out of a document; start/end are offsets into RawDoc.text."""

    doc_id: str
    position: int  # reading order inside the document
    kind: Kind
    title: str | None
    published: date | datetime | None  # a datetime when the page prints a time
    author: str | None
    body: str  # the paragraphs, joined by blank lines
    start: int
    end: int
    spans: tuple[tuple[int, int], ...] = ()  # document offsets of each body paragraph
    published_month: bool = False  # only the month is printed ("Publié en janvier 2024"): the 1st is kept

    @property
    def id(self) -> str:
        return f"{self.doc_id}:{self.position}"

    @property
    def first_words(self) -> str:
        """The first words of the body, as FORMAT.md's `first_words`."""
        return " ".join(self.body.split()[:FIRST_WORDS])


@dataclass(frozen=True, slots=True)
class Skip:
    """A document that could not be ingested, and why."""

    source: str
    reason: str


@dataclass(slots=True)
class Report:
    """What one run did: counts for the summary line, skips with their reasons."""

    documents: int = 0
    unchanged: int = 0
    replaced: int = 0
    articles: int = 0
    teasers: int = 0
    linked: int = 0  # articles that joined an existing near-duplicate cluster
    events: int = 0
    interactions: int = 0
    skipped: list[Skip] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.skipped

    def summary(self) -> str:
        """One line for the end of a batch.

        >>> Report(documents=2, articles=5, teasers=3).summary()
        '2 documents, 5 articles (3 teasers), 0 events, 0 interactions, 0 linked as near-duplicates; 0 unchanged; 0 documents skipped'
        """
        line = (
            f"{self.documents} documents, {self.articles} articles ({self.teasers} teasers), "
            f"{self.events} events, {self.interactions} interactions, "
            f"{self.linked} linked as near-duplicates; {self.unchanged} unchanged"
        )
        if self.replaced:
            line += f", {self.replaced} replaced"
        return line + f"; {len(self.skipped)} documents skipped"


@dataclass(slots=True)
class CrawlReport:
    """What one crawl did: pages fetched and stored, failures with their reasons."""

    fetched: int = 0  # pages downloaded (HTTP 200)
    not_modified: int = 0  # conditional requests answered 304: nothing downloaded
    new: int = 0  # pages stored as new documents, or replacing their older text
    unchanged: int = 0  # pages downloaded whose text was stored already
    failed: list[Skip] = field(default_factory=list)  # refused, unreachable, too big, not HTML…
    stored: Report = field(default_factory=Report)  # articles, events and interactions of new pages

    def summary(self) -> str:
        """One line for the end of a crawl.

        >>> CrawlReport(fetched=3, not_modified=5, new=2, unchanged=1).summary()
        '3 pages fetched, 5 not modified, 2 new, 1 unchanged, 0 failed; 0 articles, 0 events, 0 interactions'
        """
        return (
            f"{self.fetched} pages fetched, {self.not_modified} not modified, {self.new} new, "
            f"{self.unchanged} unchanged, {len(self.failed)} failed; {self.stored.articles} articles, "
            f"{self.stored.events} events, {self.stored.interactions} interactions"
        )


@dataclass(frozen=True, slots=True)
class Place:
    """Where something happened, as resolved by the gazetteer (geo stage)."""

    name: str  # the gazetteer's name, French spelling where known: "Nioro du Sahel"
    latitude: float
    longitude: float
    country: str  # ISO 3166-1 alpha-3: "MLI"
    admin1: str | None  # region in the layout of the data (before 2023): "Kayes"
    admin1_2023: str | None  # region in Mali's 2023 layout: "Nioro"
    admin2: str | None  # cercle (Mali), province (Burkina Faso), department (Niger)
    admin3: str | None  # commune, where the data has it
    geo_precision: int  # ACLED: 1 the town itself, 2 near a town or part of a region, 3 region only
    feature_class: str  # GeoNames class: P populated place, A admin area, H water, T terrain, L area, S spot
    population: int
    source_id: str  # "geonames:2452651", "region:Kayes", "user:12"


SubEventType = Literal[
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade",
    "Sexual violence", "Attack", "Abduction/forced disappearance",
    "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    "Violent demonstration", "Mob violence",
    "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction",
    "Non-violent transfer of territory", "Other",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a parsed sentence: offsets into the document text, and its syntax."""

    text: str
    start: int
    end: int
    lemma: str
    pos: str  # Universal POS: VERB, AUX, NOUN, PROPN…
    dep: str  # Universal Dependencies relation to its head: nsubj, obj, obl:agent, nsubj:pass…
    head: int  # index of the head word in the sentence (itself for the root)
    tense: str = ""  # Pres, Past, Imp, Fut
    mood: str = ""  # Ind, Cnd, Sub, Imp
    form: str = ""  # Fin, Part, Inf


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article; start/end are offsets into the document text."""

    text: str
    start: int
    end: int
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity found in an article: an actor, an organisation, a country or a place."""

    text: str
    start: int  # offsets into the document text
    end: int
    label: str  # ACTOR, ORG, COUNTRY, LOC, PER, DATE
    canonical: str | None  # canonical actor, ISO3 or organisation code; None for a raw LOC/PER


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence of an article that reports an event or an interaction."""

    article_id: str
    sentence: str
    start: int  # offsets into the document text
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    """A security event in the ACLED taxonomy, with every sentence that reports it."""

    event_type: EventType
    sub_event_type: SubEventType
    date: date | None
    date_precision: int  # ACLED time_precision: 1 day, 2 week, 3 month or more
    actor1: str
    actor2: str | None
    location: str | None  # as written in French: "Nioro du Sahel"
    place: Place | None
    fatalities: int | None
    evidence: tuple[Evidence, ...]
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None


@dataclass(frozen=True, slots=True)
class Interaction:
    """A diplomatic or cooperation interaction in the PLOVER taxonomy."""

    type: PloverType
    parties: tuple[str, str]  # ISO3 or organisation codes, sorted
    date: date | None
    location: str | None
    place: Place | None
    evidence: tuple[Evidence, ...]
    source: str | None = None  # who acts (PLOVER's source); for symmetric acts the first named
    target: str | None = None  # who is acted upon


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the events stage found in one article."""

    events: tuple[Event, ...] = ()
    interactions: tuple[Interaction, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceName:
    """A place name the geo stage was asked about in an article, and whether the gazetteer knew it.

    Unknown names are listed by `vigie places --unresolved`; a name placed only by the area its
    sentence gives ("Tibezas (Région de Kidal)") is unknown.
    """

    article_id: str
    name: str  # as written: "Tibezas"
    sentence: str
    resolved: bool
