"""Place mentions in a sentence: the toponyms an event happened at, and the role each plays.

"Le village peul d'Ogossagou, situé à une vingtaine de kilomètres de Bankass, dans la région de
Mopti" names the event's place (Ogossagou), a reference point (Bankass) and a container (Mopti).
An event is placed at its direct toponyms; without one, near its reference (ACLED precision 2);
without one, in its container (a cercle: precision 2, a region: precision 3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from vigie.events.lexicon import fold_text

Role = Literal["direct", "reference", "route", "cercle", "region", "home", "other"]

# A toponym: capitalised words, with lower-case links ("Nioro du Sahel", "Sobane Da", "Tongo Tongo")
# ("N'Djamena", "Fada N'Gourma": the Mande and Hausa "N'" belongs to the name)
TOPONYM = re.compile(
    r"(?<![\w-])((?:N['’])?[A-ZÀ-Ý][\w\-]*\w(?:(?:\s+(?:du|de|des|la|le|el|al)\s+|\s+|-)(?:N['’])?[A-ZÀ-Ý][\w\-]*\w)*)"
)
# Words before a toponym that make it a container: "dans la région de Mopti", "cercle de Bankass"
REGION_BEFORE = re.compile(
    r"(?:region|province|wilaya|departement du|zone des trois)\s+(?:de\s+(?:la\s+|l')?|d'|du\s+)?$"
)
# an area named with its article after a place: "Bourasso, dans la Kossi", "Djibo, dans le Soum"
# (French names towns bare and provinces, cercles and areas with an article)
AREA_AFTER_PLACE = re.compile(r",\s*(?:dans|en)\s+(?:la|le|l')\s*$")
# a road told by its two ends: "l'axe Oursi-Déou", "sur le tronçon Mopti-Gao"
ROAD_BEFORE = re.compile(r"(?:axe|troncon|route)\s+$")
CERCLE_BEFORE = re.compile(
    r"(?:cercle|commune|commune rurale|commune urbaine|departement|district|prefecture|sous-prefecture)\s+(?:de\s+|d'|du\s+)?$"
)
# Words before a toponym that make it a reference point: "près de", "à 30 km de", "non loin de"
REFERENCE_BEFORE = re.compile(
    r"(?:pres|non loin|proximite|environs|abords|sortie|large|alentours|encablures|hauteur|axe|route)\s+"
    r"(?:\w+\s+)?(?:de\s+(?:la ville de\s+)?|d'|du\s+|des\s+)?$"
    r"|(?:km|kilometres?|kilometre)\s+(?:au\s+\w+\s+|a l'\w+\s+)?(?:de\s+(?:la ville de\s+)?|d'|du\s+)$"
    # "à 11 km du camp de la MINUSMA de Tessalit": a distance from a camp or a post of the town
    r"|(?:km|kilometres?)\s+(?:du|de la|de l')\s*(?:camp|base|poste|ville|village|localite|commune)\s+(?:de\s+la\s+|de\s+l'|du\s+|de\s+|d')?$"
    r"|(?:nord|sud|est|ouest|nord-est|nord-ouest|sud-est|sud-ouest|centre)\s+(?:de\s+(?:la ville de\s+)?|d'|du\s+)$"
    r"|(?:zone|foret|secteur|axe)\s+(?:de\s+|d'|du\s+)$"
    r"|voisine?s?\s+(?:de\s+|d'|du\s+)$"  # "Aorema, une localité voisine de Karma": near Karma
    r"|entre\s+(?:les villages de\s+|les localites de\s+|la ville de\s+)?$"
)
# a neighbour named with the definite article is the place it names: "aux villages voisins de Yoro et
# de Diougani", "dans le village voisin de Kouri", "la commune voisine de Ségué" (the neighbours of
# the place told before, by name); with the indefinite one it is near the name ("Aorema, une
# localité voisine de Karma": near Karma)
NAMED_NEIGHBOUR = re.compile(
    r"(?:^|\s)(?:le|la|les|au|aux|du|l')\s*(?:village|localite|hameau|commune|campement|ville|bourgade|quartier)s?\s+"
    r"voisine?s?\s+(?:de\s+|d'|du\s+)$"
)
# ends of a route: "un convoi qui reliait Douentza à Sévaré", "allant de Tessalit à Kidal"
ROUTE_BEFORE = re.compile(
    r"(?:reliait\s+|reliant\s+|relie\s+|allant d'|allant de\s+|en provenance d'|en provenance de\s+|a destination d'|"
    r"a destination de\s+|en route pour\s+)(?:la ville de\s+)?$"
    r"|reli\w*\s+(?:[\w']+\s+){1,3}a\s+$"  # the second end: "qui relie la ville à Ansongo"
)
# names that are not where it happened: "venus de Tessalit", "le sous-préfet de Dioungani", "évacué à Dakar"
OTHER_BEFORE = re.compile(
    r"(?<!\w)(?:venus?|venant|venues|partis?|originaires?|ressortissants?|evacues?|transferes?|conduits?|achemines?)\s+"
    r"(?:(?:par|en)\s+[\w']+\s+)?(?:de\s+|d'|du\s+|a\s+|au\s+|vers\s+|sur\s+)$"
    r"|(?:de type|du type|modele|marque|baptisee?s?|nommee?s?|denommee?s?|surnommee?s?)\s+$"
    r"|(?:affiliee?s?|liee?s?|allegeance|fidele?s?|proches?)\s+(?:a\s+|au\s+|aux\s+)$"  # "affilié à Al-Qaïda"
    r"|(?:au pouvoir|siege|basee?s?|installee?s?)\s+a\s+$"  # "les militaires au pouvoir à Bamako"
    r"|(?:visite|sejour|tournee|voyage)\s+(?:[\w'-]+\s+){0,3}?(?:a|au|en)\s+$"  # "au terme d'une visite à Moscou"
    r"|(?:sous-prefet|prefet|maire|gouverneur|depute|chef|president|ministre|ambassadeur|imam|roi|cadi|elus?)\s+(?:de\s+|d'|du\s+)$"
    r"|(?:progression|avancee|direction|repli|fuite|marche)\s+(?:[\w']+\s+){0,4}?(?:vers|sur)\s+$"
    # where the attackers went after it: "ont pris la direction des zones inondées du Delta"
    r"|(?:pris|prenant|pris la|prenant la) direction\s+(?:[\w']+\s+){0,4}?(?:de|des|du|d')\s*$"
    r"|(?:faisait route|faisaient route|en route|se rendait|se rendaient|en partance|rentrait|regagnait|regagner|rejoindre|"
    r"a destination)\s+(?:vers\s+|a\s+|au\s+|pour\s+|de\s+)?$"
    r"|(?:point de presse|conference de presse|communique|declaration|entretien|interview|lors d'un point de presse)\s+(?:[\w']+\s+){0,2}?a\s+$"
    # where a report was given is not where the event was ("ont affirmé samedi à Ouahigouya",
    # "interrogé à New York"), nor where people went back to after it ("ont regagné Abidjan")
    r"|(?:affirme|affirment|declare|declarent|annonce|indique|confirme|explique|rapporte|temoigne|interroge|appris|"
    r"sont rentres|est rentre|sont retournes)\s+(?:[\w']+\s+){0,2}?a\s+$"
    r"|(?:ont|a|avaient|avait) regagne\s+(?:[\w']+\s+){0,2}?$"
    # where people serve, not where they were hit: "président du conseil régional de Ségou",
    # "venus de la gendarmerie de Bouna"
    r"|conseil\s+(?:regional|municipal|communal|de cercle|local)\s+(?:de\s+|d'|du\s+)$"
    r"|(?:venus?|venant|venues|partis?|originaires?)\s+(?:de la|du|de l')\s*(?:gendarmerie|brigade|garnison|base|camp|"
    r"detachement|caserne|poste|commissariat)\s+(?:de\s+|d'|du\s+)$"
)
# a unit named by its home post: "une unité du détachement de Markoye … accrochée aux abords de
# Tokabangou"; the post is the scene only when the sentence names no other place
HOME_BEFORE = re.compile(
    r"(?:detachement|garnison|escadron|bataillon|compagnie|brigade|unite|renforts?)\s+(?:de\s+|d'|du\s+)$"
    r"|(?:en poste|en service|en fonction|affectee?s?|stationnee?s?)\s+a\s+$"
    # the people of a post: "l'équipe du poste de police frontière de Sona", "les agents du poste de
    # douane de X", "des éléments du camp de X" (the post attacked is the scene: "ont attaqué le poste de X")
    # "une patrouille de la brigade de gendarmerie de Djibo" (but "la brigade de gendarmerie de
    # Markala a interpellé …": the unit itself acts where it serves)
    r"|(?:equipe|agents|elements|personnel|releve|effectifs?|patrouille|unite|mission|escouade)\s+(?:\w+\s+){0,2}?"
    r"(?:du|de la|de l')\s*(?:poste|camp|base|commissariat|caserne|brigade|garnison|escadron|compagnie)"
    r"(?:\s+[\w-]+){0,3}?\s+(?:de\s+|d'|du\s+)$"  # "des gendarmes en poste à X"
)
# a place people were taken to after the event: "décédé à Dakar, où il avait été évacué"
OTHER_AFTER = re.compile(
    r",?\s+ou\s+(?:il|elle|ils|elles)\s+(?:avait|avaient|a|ont|etait|etaient|sont|est)\s+(?:ete\s+)?"
    r"(?:evacue|transfere|hospitalise|admis|soigne|conduit|achemine)"
)
# the second name of "entre Ménaka et Ansongo"
AND_BEFORE = re.compile(r"(?:^|\s)et\s+(?:de\s+|d')?$")
# "Région de Kayes" printed as one capitalised name
GENERIC_HEAD = re.compile(r"(Région|Region|Province|Cercle|Commune)\s+(?:de\s+|du\s+|d')")
# the next capitalised word of a name that opens with a word of no place ("Près de Mondoro")
NEXT_NAME = re.compile(r"(?:\s+(?:du|de|des|la|le|el|al)\s+|\s+|-)(?=(?:N['’])?[A-ZÀ-Ý])")
# Capitalised words that open a sentence or name no place
NOT_PLACES = {
    "le", "la", "les", "un", "une", "des", "selon", "dans", "depuis", "alors", "apres", "avant", "lors",
    "cette", "ce", "ces", "au", "aux", "par", "pour", "sur", "sous", "en", "de", "du", "l", "d",
    "pres", "entre", "vers", "non", "puis", "enfin", "ensuite", "hier", "aussi", "outre", "parmi",
    "nord", "sud", "est", "ouest", "centre", "nord-est", "nord-ouest", "sud-est", "sud-ouest",
    "etat", "etats", "secretaire", "organisation", "ministre", "ministere", "direction", "president",
    "gouvernement", "armee", "armees", "forces", "force", "mission", "conseil", "communique", "republique",
    "union", "nations", "transition", "general", "colonel", "commandant", "capitaine", "premier", "chef",
    "cour", "tribunal", "parquet", "assemblee", "comite", "commission", "operation", "bureau", "service",
    "garde", "police", "gendarmerie", "casques", "monsieur", "madame", "mme", "m",
    # participles that open a sentence: "Parti de Côte d'Ivoire pour rejoindre Gao, …"
    "parti", "partis", "partie", "parties", "venu", "venus", "venue", "arrive", "arrives", "situe", "situee",
    "installe", "installes", "base", "bases", "basee", "ne", "nee", "originaire", "originaires",
}  # fmt: skip
# the points of the compass, which name regions after "région de" ("la région de l'Est")
COMPASS = {"nord", "sud", "est", "ouest", "centre"}
# a rank or title before a name makes it a person: "le capitaine Traoré", "le général Diarra"
PERSON_BEFORE = re.compile(
    r"(?:^|\s)(?:capitaine|colonel|colonel-major|general|commandant|lieutenant|adjudant|sergent|caporal|"
    r"president|ministre|premier ministre|imam|cheikh|docteur|dr|professeur|monsieur|madame|mme|m\.)\s+$"
)
RESIDENT_BEFORE = re.compile(
    r"(?:habitante?s?|residente?s?|temoins?|notables?|elus?|chefs? de village)\s+(?:de\s+|d'|du\s+)$"
)
# a reporting clause put after the report: "…, ont confirmé lundi les autorités et le ministère à
# Berne": the names after it say where the report was made, not where the event was (but "a
# indiqué un habitant de Ouakara": a resident speaks of his village, the scene)
REPORTED_AFTER = re.compile(
    r",\s*(?:ont|a|avait|avaient|auraient|aurait)\s+(?:\w+\s+)?(?:confirme|annonce|indique|declare|rapporte|"
    r"precise|affirme|assure|souligne|explique|fait savoir|appris)\b"
)

# a report of what happened elsewhere: "À Bamako, le ministre a déclaré que … à Mondoro": the names
# before the verb of saying are where it was said, when the reported clause names a place
SAID_THAT = re.compile(
    r"\b(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:declare|annonce|indique|affirme|confirme|explique|precise|assure|"
    r"rapporte|souligne|revele|fait savoir)\s+(?:\w+\s+){0,3}?qu(?:e\s+|')"
)


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name in a sentence: offsets into the sentence, and its role for the event."""

    name: str
    start: int
    end: int
    role: Role
    qualifies: bool = False  # describes the toponym before it: "forêt de X, à proximité de Y"


def find_toponyms(sentence: str) -> list[Toponym]:
    """Capitalised names of a sentence with the role the words before them give.

    >>> [(t.name, t.role) for t in find_toponyms(
    ...     "Le village d'Ogossagou, situé à une vingtaine de kilomètres de Bankass, dans la région de Mopti, a été attaqué.")]
    [('Ogossagou', 'direct'), ('Bankass', 'reference'), ('Mopti', 'region')]
    >>> [(t.name, t.role) for t in find_toponyms("Des terroristes ont été neutralisés dans la région de l'Est.")]
    [('Est', 'region')]
    """
    folded = fold_text(sentence)
    reported = REPORTED_AFTER.search(folded)
    out: list[Toponym] = []
    for match in TOPONYM.finditer(sentence):
        name, begin = match.group(1), match.start()
        first = fold_text(name.split()[0]).strip("'’")
        while first in NOT_PLACES and (rest := NEXT_NAME.search(name)) is not None:
            name, begin = name[rest.end() :], begin + rest.end()  # "Près de Mondoro, …": Mondoro
            first = fold_text(name.split()[0]).strip("'’")
        before = folded[max(0, begin - 60) : begin]
        if first in COMPASS and name == match.group(1) and REGION_BEFORE.search(before):
            pass  # "dans la région de l'Est", "la région du Nord": Burkina Faso's regions bear these names
        elif first in NOT_PLACES or any(c.isdigit() for c in name):
            continue  # "Mi-24P", "RN3": no place
        role = _role(before)
        if OTHER_AFTER.match(folded, match.end()) or (
            reported is not None and begin > reported.end() and not RESIDENT_BEFORE.search(before)
        ):
            role = "other"  # "mort à Dakar où il avait été évacué": where he was taken, not where he was hit
        if role == "direct" and out and AND_BEFORE.search(before) and "entre" in before:
            role = out[-1].role  # "entre Ménaka et Ansongo": both are references
        if (
            role == "direct"
            and out
            and out[-1].role == "route"
            and re.fullmatch(r"\s+(?:à|a|au)\s+", sentence[out[-1].end : begin])
        ):
            role = "route"  # "reliait Douentza à Sévaré": both are ends of the route
        if role == "direct" and out and AREA_AFTER_PLACE.search(sentence[out[-1].end : begin]):
            role = "cercle"
        ends = name.split("-")
        if (
            ROAD_BEFORE.search(before)
            and len(ends) == 2
            and all(e[:1].isupper() and len(e) > 2 for e in ends)
        ):
            at = begin
            for end in ends:  # "l'axe Oursi-Déou": between Oursi and Déou
                out.append(Toponym(end, at, at + len(end), "reference"))
                at += len(end) + 1
            continue
        generic = GENERIC_HEAD.match(name)
        if generic:  # "Région de Kayes", "Cercle de Koro": the role is in the name
            role = "region" if fold_text(generic.group(1)) in {"region", "province"} else "cercle"
            name = name[generic.end() :]
        between = sentence[out[-1].end : begin] if out else ""
        qualifies = role == "reference" and bool(out) and "," in between and len(between) < 60
        out.append(Toponym(name, match.end() - len(name), match.end(), role, qualifies))
    said = SAID_THAT.search(folded)
    if said is not None and any(t.start >= said.end() and t.role != "other" for t in out):
        out = [replace(t, role="other") if t.end <= said.start() else t for t in out]
    return out


def _role(before: str) -> Role:
    if OTHER_BEFORE.search(before) or PERSON_BEFORE.search(before):
        return "other"
    if HOME_BEFORE.search(before):
        return "home"
    if ROUTE_BEFORE.search(before):
        return "route"
    if REGION_BEFORE.search(before):
        return "region"
    if CERCLE_BEFORE.search(before):
        return "cercle"
    if NAMED_NEIGHBOUR.search(before):
        return "direct"
    if REFERENCE_BEFORE.search(before):
        return "reference"
    return "direct"
