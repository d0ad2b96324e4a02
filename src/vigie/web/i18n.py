"""Dashboard and report words in French (default) and English: a key -> the text shown in each language.

ACLED and PLOVER labels are shown in French in the French interface (their English, verbatim, in
the English one); party codes ("MLI", "ECOWAS") by name, from data/party_names.toml.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources

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
    "timeline.week": ("Événements par semaine", "Events per week"),
    "timeline.month": ("Événements par mois", "Events per month"),
    "timeline.year": ("Événements par année", "Events per year"),
    "timeline.week_of": ("semaine du {day}", "week of {day}"),
    "timeline.tip": ("{count} événement(s)", "{count} event(s)"),
    "timeline.dead": ("{dead} mort(s)", "{dead} fatalities"),
    "timeline.no_toll": ("aucun bilan chiffré", "no fatality figure"),
    "timeline.axis": ("événements", "events"),
    "timeline.help": (
        "Survoler une barre : nombre d'événements et de morts ; cliquer une barre ou glisser sur "
        "plusieurs pour filtrer la carte et la liste sur cette période.",
        "Hover a bar for its events and fatalities; click a bar, or drag across several, to filter "
        "the map and the list to that period.",
    ),
    "map.size": ("Nombre d'événements", "Number of events"),
    "map.precise": ("lieu connu", "known place"),
    "map.approximate": (
        "centre de région seulement (lieu exact inconnu)",
        "region centre only (exact place unknown)",
    ),
    "map.regions": ("Régions des données (admin1)", "Regions of the data (admin1)"),
    "map.regions_2023": ("Régions de 2023 (limites de cercles)", "2023 regions (cercle limits)"),
    "map.seat": (
        "Taoudénit : chef-lieu seulement, aucune limite publiée dans les sources",
        "Taoudénit: seat only, no boundary in the sources",
    ),
    "map.scale": ("Échelle", "Scale"),
    "back": ("← Retour à la liste filtrée", "← Back to the filtered list"),
    "toll": ("Phrase du bilan", "Toll sentence"),
    "mark.evidence": ("phrase qui rapporte l'événement", "sentence reporting the event"),
    "mark.toll": ("phrase qui donne le bilan", "sentence giving the toll"),
    "yes": ("oui", "yes"),
    "no": ("non", "no"),
    "drawn_from": (
        "Tiré de cet article et de ses doublons",
        "Drawn from this article and its near-duplicates",
    ),
    "duplicates": ("Doublons proches", "Near-duplicates"),
    "cooperative": ("Coopération", "Cooperation"),
    "hostile": ("Conflit", "Conflict"),
    "matrix.help": (
        "Lignes : qui agit ; colonnes : envers qui. Chaque case ouvre ses interactions et leurs sources.",
        "Rows: who acts; columns: towards whom. Each cell opens its interactions and their sources.",
    ),
    "matrix.legend": ("Nombre d'interactions", "Number of interactions"),
}

FIELDS: dict[str, tuple[str, str]] = {  # event fields as the event page labels them
    "date": ("Date", "Date"),
    "date_precision": ("Précision de la date", "Date precision"),
    "event_type": ("Type d'événement", "Event type"),
    "sub_event_type": ("Sous-type", "Sub-event type"),
    "actor1": ("Acteur 1", "Actor 1"),
    "assoc_actor_1": ("Acteur associé 1", "Associated actor 1"),
    "actor2": ("Acteur 2", "Actor 2"),
    "assoc_actor_2": ("Acteur associé 2", "Associated actor 2"),
    "location": ("Lieu", "Location"),
    "admin1": ("Région", "Region (admin1)"),
    "admin2": ("Cercle", "Cercle (admin2)"),
    "admin3": ("Commune", "Commune (admin3)"),
    "country": ("Pays", "Country"),
    "iso": ("Code ISO", "ISO code"),
    "latitude": ("Latitude", "Latitude"),
    "longitude": ("Longitude", "Longitude"),
    "geo_precision": ("Précision du lieu", "Location precision"),
    "fatalities": ("Morts", "Fatalities"),
    "notes": ("Notes", "Notes"),
    "flagged": ("Signalé comme erroné", "Flagged as wrong"),
}

# ACLED's time_precision and geo_precision codes, as its codebook defines them
PRECISIONS: dict[str, dict[int, tuple[str, str]]] = {
    "date_precision": {
        1: ("jour connu", "day known"),
        2: ("semaine connue", "week known"),
        3: ("mois connu", "month known"),
    },
    "geo_precision": {
        1: ("la localité elle-même", "the town itself"),
        2: ("près d'une localité, ou partie d'une région", "near a town, or part of a region"),
        3: ("la région seulement", "the region only"),
    },
}

SUB_EVENT_TYPES_FR = {
    "Armed clash": "Affrontement armé",
    "Government regains territory": "Reprise de territoire par l'État",
    "Non-state actor overtakes territory": "Prise de territoire par un acteur non étatique",
    "Chemical weapon": "Arme chimique",
    "Air/drone strike": "Frappe aérienne ou de drone",
    "Suicide bomb": "Attentat-suicide",
    "Shelling/artillery/missile attack": "Tirs d'obus, d'artillerie ou de missiles",
    "Remote explosive/landmine/IED": "Engin explosif, mine ou EEI",
    "Grenade": "Grenade",
    "Sexual violence": "Violence sexuelle",
    "Attack": "Attaque",
    "Abduction/forced disappearance": "Enlèvement ou disparition forcée",
    "Peaceful protest": "Manifestation pacifique",
    "Protest with intervention": "Manifestation réprimée",
    "Excessive force against protesters": "Force excessive contre des manifestants",
    "Violent demonstration": "Manifestation violente",
    "Mob violence": "Violence de foule",
    "Agreement": "Accord",
    "Arrests": "Arrestations",
    "Change to group/activity": "Changement de groupe ou d'activité",
    "Disrupted weapons use": "Usage d'armes déjoué",
    "Headquarters or base established": "Quartier général ou base établi",
    "Looting/property destruction": "Pillage ou destruction de biens",
    "Non-violent transfer of territory": "Transfert de territoire sans violence",
    "Other": "Autre",
}

PLOVER_TYPES_FR = {
    "AGREE": "S'accorder",
    "CONSULT": "Consulter",
    "SUPPORT": "Soutenir",
    "CONCEDE": "Concéder",
    "COOPERATE": "Coopérer",
    "AID": "Aider",
    "RETREAT": "Se retirer",
    "REQUEST": "Demander",
    "ACCUSE": "Accuser",
    "REJECT": "Rejeter",
    "THREATEN": "Menacer",
    "PROTEST": "Protester",
    "SANCTION": "Sanctionner",
    "MOBILIZE": "Mobiliser",
    "COERCE": "Contraindre",
    "ASSAULT": "Attaquer",
}

MONTHS = (
    ("janvier", "janv.", "January", "Jan"), ("février", "févr.", "February", "Feb"), ("mars", "mars", "March", "Mar"),
    ("avril", "avr.", "April", "Apr"), ("mai", "mai", "May", "May"), ("juin", "juin", "June", "Jun"),
    ("juillet", "juil.", "July", "Jul"), ("août", "août", "August", "Aug"), ("septembre", "sept.", "September", "Sep"),
    ("octobre", "oct.", "October", "Oct"), ("novembre", "nov.", "November", "Nov"),
    ("décembre", "déc.", "December", "Dec"),
)  # fmt: skip

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


def sub_type_label(sub_event_type: str, lang: str) -> str:
    """An ACLED sub-event type as shown.

    >>> sub_type_label("Remote explosive/landmine/IED", "fr")
    'Engin explosif, mine ou EEI'
    """
    return SUB_EVENT_TYPES_FR.get(sub_event_type, sub_event_type) if lang == "fr" else sub_event_type


def plover_label(plover_type: str, lang: str) -> str:
    """A PLOVER type as shown: a French verb, or PLOVER's own word.

    >>> plover_label("ACCUSE", "fr"), plover_label("ACCUSE", "en")
    ('Accuser', 'ACCUSE')
    """
    return PLOVER_TYPES_FR.get(plover_type, plover_type) if lang == "fr" else plover_type


def field_label(field: str, lang: str) -> str:
    """An event field's label: "admin2" -> "Cercle"."""
    return FIELDS[field][LANGUAGES.index(lang) if lang in LANGUAGES else 0] if field in FIELDS else field


def precision_label(field: str, value: int | None, lang: str) -> str:
    """What an ACLED precision code means: ("geo_precision", 3) -> "la région seulement"."""
    names = PRECISIONS.get(field, {})
    if value not in names:
        return "" if value is None else str(value)
    return f"{value} ({names[value][LANGUAGES.index(lang) if lang in LANGUAGES else 0]})"


def month_name(month: int, lang: str, short: bool = False) -> str:
    """ "août" / "August", or "août" / "Aug" when short."""
    return MONTHS[month - 1][(0 if lang == "fr" else 2) + (1 if short else 0)]


@cache
def _party_names() -> dict[str, tuple[str, str]]:
    text = resources.files("vigie.data").joinpath("party_names.toml").read_text(encoding="utf-8")
    return {code: (names[0], names[1]) for code, names in tomllib.loads(text)["party"].items()}


def party_label(code: str, lang: str) -> str:
    """A party's name: "DZA" -> "Algérie" / "Algeria"; an unknown code as it is.

    >>> party_label("ECOWAS", "fr"), party_label("CIV", "en"), party_label("XYZ", "fr")
    ('CEDEAO', 'Ivory Coast', 'XYZ')
    """
    names = _party_names().get(code)
    return code if names is None else names[0 if lang == "fr" else 1]
