"""Situation report words in French and English: a key -> (French, English); the dashboard's words
(web/i18n.py) serve for the rest."""

from __future__ import annotations

from collections.abc import Callable

from vigie.web.i18n import LANGUAGES, translator

REPORT: dict[str, tuple[str, str]] = {
    "title": ("Note de situation", "Situation report"),
    "subtitle": (
        "Sécurité et relations extérieures, d'après la presse sahélienne francophone",
        "Security and foreign relations, from French-language Sahel news",
    ),  # fmt: skip
    "period": ("Période : du {start} au {end} ({days} jours)", "Period: {start} to {end} ({days} days)"),
    "previous": (
        "comparée à la période précédente, du {start} au {end}",
        "compared with the previous period, {start} to {end}",
    ),  # fmt: skip
    "scope.region": ("Région : {region}", "Region: {region}"),
    "scope.country": ("Pays : {country}", "Country: {country}"),
    "generated": (
        "Produit par Vigie le {when}, à partir de {articles} articles publiés sur la période.",
        "Produced by Vigie on {when}, from {articles} articles published in the period.",
    ),  # fmt: skip
    "headline": ("Chiffres clés", "Key figures"),
    "headline.events": ("Événements de sécurité", "Security events"),
    "headline.fatalities": ("Morts rapportés", "Reported fatalities"),
    "headline.with_toll": ("Événements avec un bilan chiffré", "Events with a reported toll"),
    "now": ("Période", "Period"),
    "before": ("Précédente", "Previous"),
    "change": ("Évolution", "Change"),
    "new": ("nouveau", "new"),
    "map": ("Carte des événements", "Map of events"),
    "timeline": ("Chronologie", "Timeline"),
    "by_region": ("Événements et morts par région", "Events and fatalities by region"),
    "by_type": ("Événements et morts par type", "Events and fatalities by type"),
    "region": ("Région", "Region"),
    "unknown_region": ("(région inconnue)", "(region unknown)"),
    "type": ("Type", "Type"),
    "events": ("Événements", "Events"),
    "fatalities": ("Morts", "Fatalities"),
    "deadliest": ("Les événements les plus meurtriers", "The deadliest events"),
    "deadliest.none": (
        "Aucun événement avec un bilan chiffré sur la période.",
        "No event with a reported toll in the period.",
    ),  # fmt: skip
    "deadliest.dead": ("{dead} morts", "{dead} fatalities"),
    "source": ("Source", "Source"),
    "toll_quote": ("Bilan", "Toll"),
    "diplomacy": (
        "Relations extérieures : {focus} et ses partenaires",
        "Foreign relations: {focus} and its partners",
    ),  # fmt: skip
    "diplomacy.count": (
        "{count} interactions PLOVER sur la période.",
        "{count} PLOVER interactions in the period.",
    ),
    "diplomacy.none": ("Aucune interaction sur la période.", "No interaction in the period."),
    "partner": ("Partenaire", "Partner"),
    "cooperation": ("Coopération", "Cooperation"),
    "conflict": ("Conflit", "Conflict"),
    "acted": ("À l'initiative de {focus}", "Initiated by {focus}"),
    "types": ("Types d'interaction", "Interaction types"),
    "method": ("Méthode et limites", "Method and limits"),
    "method.extraction": (
        "Les articles sont découpés dans les pages de presse collectées (titres, dates, auteurs ; "
        "les doublons proches sont reliés). Des règles écrites pour le français (lexique de déclencheurs, "
        "analyse syntaxique, tables d'acteurs) y repèrent les événements de sécurité dans la taxonomie "
        "ACLED (type, sous-type, acteurs, date, lieu, bilan) et les interactions diplomatiques dans la "
        "taxonomie PLOVER (type, qui agit envers qui). Les lieux sont géocodés hors ligne (GeoNames, OCHA). "
        "Un même événement rapporté par plusieurs articles n'est compté qu'une fois.",
        "Articles are cut out of the collected news pages (titles, dates, authors; near-duplicates are "
        "linked). Rules written for French (trigger lexicon, syntactic parse, actor tables) find security "
        "events in the ACLED taxonomy (type, sub-type, actors, date, place, toll) and diplomatic "
        "interactions in the PLOVER taxonomy (type, who acts on whom). Places are geocoded offline "
        "(GeoNames, OCHA). One event reported by several articles is counted once.",
    ),
    "method.limits": (
        "Ce que ces chiffres ne peuvent pas montrer : seulement ce que la presse collectée rapporte, avec "
        "ses angles morts (zones sans correspondant, communiqués officiels surreprésentés, censure) ; "
        "les morts sont ceux annoncés, le plus bas de deux bilans concurrents, et un événement sans bilan "
        "chiffré ne compte pour aucun mort ; un événement sans date n'est pas compté ; un lieu inconnu est "
        "placé au centre de sa région (cercle en pointillés sur la carte) ; l'extraction automatique "
        "manque des événements et en invente : sa précision mesurée est donnée par `vigie eval`. Une "
        "variation d'une période à l'autre peut refléter la couverture de la presse autant que la "
        "situation.",
        "What these figures cannot show: only what the collected press reports, with its blind spots "
        "(areas without correspondents, official statements over-represented, censorship); fatalities "
        "are those announced, the lowest of two competing tolls, and an event without a figure counts no "
        "death; an undated event is not counted; an unknown place is put at its region's centre (a dashed "
        "ring on the map); automatic extraction misses events and invents some: its measured accuracy is "
        "given by `vigie eval`. A change from one period to the next may reflect press coverage as much "
        "as the situation.",
    ),
    "method.regions": (
        "Régions : celles que portent les données (découpage d'avant 2023, avec Ménaka) ; les régions "
        "de 2023 sont tracées en pointillés, chaque ancien cercle rattaché entier à la région de son chef-lieu.",
        "Regions: those the data carry (the frame before 2023, with Ménaka); the 2023 regions are drawn "
        "dashed, each old cercle given whole to the region of its seat.",
    ),
}


def report_translator(lang: str) -> Callable[..., str]:
    """`t(key, **values)` over the report's words, then the dashboard's.

    >>> report_translator("en")("headline.events"), report_translator("fr")("map")
    ('Security events', 'Carte des événements')
    """
    index = LANGUAGES.index(lang) if lang in LANGUAGES else 0
    dashboard = translator(lang)

    def translate(key: str, **values: object) -> str:
        if key not in REPORT:
            return dashboard(key, **values)
        text = REPORT[key][index]
        return text.format(**values) if values else text

    return translate
