"""Dashboard words in French (default) and English: a key -> the text shown in each language."""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES = ("fr", "en")

MESSAGES: dict[str, tuple[str, str]] = {  # key: (French, English)
    "title": ("Vigie : événements au Sahel", "Vigie: Sahel events"),
    "nav.events": ("Carte et événements", "Map and events"),
    "nav.search": ("Articles", "Articles"),
    "nav.cooperation": ("Coopération", "Cooperation"),
    "nav.api": ("API JSON", "JSON API"),
    "filters": ("Filtres", "Filters"),
    "start": ("Du", "From"),
    "end": ("Au", "To"),
    "event_type": ("Type", "Type"),
    "sub_event_type": ("Sous-type", "Sub-type"),
    "actor": ("Acteur", "Actor"),
    "admin1": ("Région", "Region"),
    "location": ("Lieu", "Place"),
    "text": ("Mots", "Words"),
    "any": ("(tous)", "(any)"),
    "apply": ("Filtrer", "Apply"),
    "reset": ("Effacer", "Clear"),
    "map": ("Carte", "Map"),
    "map.help": (
        "Un cercle par lieu et par type, sa taille selon le nombre d'événements ; un clic l'ouvre.",
        "One circle per place and type, sized by number of events; click to open.",
    ),
    "timeline": ("Événements par semaine", "Events per week"),
    "events": ("Événements", "Events"),
    "events.count": ("{total} événements", "{total} events"),
    "download": ("Télécharger", "Download"),
    "date": ("Date", "Date"),
    "fatalities": ("Morts", "Fatalities"),
    "evidence": ("Phrase source", "Source sentence"),
    "previous": ("← Précédents", "← Previous"),
    "next": ("Suivants →", "Next →"),
    "none": ("Aucun résultat.", "Nothing found."),
    "event": ("Événement", "Event"),
    "sources": ("Articles sources", "Source articles"),
    "field": ("Champ", "Field"),
    "value": ("Valeur", "Value"),
    "flagged": ("Signalé comme erroné", "Flagged as wrong"),
    "flag": ("Signaler comme erroné", "Flag as wrong"),
    "flagged.filter": ("Signalement", "Flag"),
    "flagged.only": ("signalés", "flagged"),
    "flagged.not": ("non signalés", "not flagged"),
    "unflag": ("Retirer le signalement", "Clear the flag"),
    "token": ("Jeton", "Token"),
    "readonly": (
        "Tableau de bord en lecture seule : le signalement demande un jeton configuré par l'administrateur.",
        "Read-only dashboard: flagging needs a token configured by the administrator.",
    ),
    "search": ("Rechercher", "Search"),
    "search.placeholder": ("ex. attaque Ségou", "e.g. attaque Ségou"),
    "search.count": ("{total} articles", "{total} articles"),
    "year": ("Année", "Year"),
    "source": ("Source", "Source"),
    "section": ("Rubrique", "Section"),
    "article": ("Article", "Article"),
    "published": ("Publié", "Published"),
    "author": ("Auteur", "Author"),
    "document": ("Document", "Document"),
    "cooperation": ("Coopération et relations", "Cooperation and relations"),
    "cooperation.help": (
        "Interactions PLOVER entre pays et organisations sur la période choisie.",
        "PLOVER interactions between countries and organisations over the chosen period.",
    ),
    "type": ("Type PLOVER", "PLOVER type"),
    "party": ("Partie", "Party"),
    "interactions": ("Interactions", "Interactions"),
    "interactions.count": ("{total} interactions", "{total} interactions"),
    "direction": ("Qui → qui", "Who → whom"),
    "direction.help": (
        "« MLI → FRA » : le Mali agit envers la France (pour une consultation, l'ordre du texte) ; "
        "« — » : sens inconnu (interaction enregistrée avant que Vigie ne le garde).",
        "“MLI → FRA”: Mali acts towards France (for a consultation, the order of the text); "
        "“—”: direction unknown (stored before Vigie kept it).",
    ),
    "quad_class": ("Classe PLOVER", "PLOVER quad class"),
    "error": ("Erreur", "Error"),
    "api.help": (
        "Chaque route répond en JSON ; les listes se téléchargent avec format=csv, geojson ou jsonl.",
        "Every route answers JSON; lists download with format=csv, geojson or jsonl.",
    ),
    "basemap": ("Fond de carte", "Base map"),
}

EVENT_TYPES_FR = {
    "Battles": "Affrontements",
    "Explosions/Remote violence": "Explosions/violence à distance",
    "Violence against civilians": "Violence contre des civils",
    "Protests": "Manifestations",
    "Riots": "Émeutes",
    "Strategic developments": "Développements stratégiques",
}

# PLOVER's quad classes (data/plover_quad.toml) in French
QUAD_CLASSES_FR = {
    "Verbal cooperation": "Coopération verbale",
    "Material cooperation": "Coopération matérielle",
    "Verbal conflict": "Conflit verbal",
    "Material conflict": "Conflit matériel",
}


def translator(lang: str) -> Callable[..., str]:
    """The `t(key, **values)` function of one language.

    >>> translator("fr")("events.count", total=3), translator("en")("events.count", total=3)
    ('3 événements', '3 events')
    """
    index = LANGUAGES.index(lang) if lang in LANGUAGES else 0

    def translate(key: str, **values: object) -> str:
        text = MESSAGES[key][index]
        return text.format(**values) if values else text

    return translate


def type_label(event_type: str, lang: str) -> str:
    """An ACLED event type as shown: French by default, ACLED's own English otherwise."""
    return EVENT_TYPES_FR.get(event_type, event_type) if lang == "fr" else event_type


def quad_label(quad_class: str, lang: str) -> str:
    """A PLOVER quad class as shown: French by default, PLOVER's own English otherwise.

    >>> quad_label("Verbal conflict", "fr"), quad_label("Verbal conflict", "en")
    ('Conflit verbal', 'Verbal conflict')
    """
    return QUAD_CLASSES_FR.get(quad_class, quad_class) if lang == "fr" else quad_class
