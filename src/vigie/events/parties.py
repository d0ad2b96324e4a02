"""Parties of PLOVER interactions: the states and organisations a French sentence names, as codes.

A party is named by its country name, demonym, capital, seat of power or leader
(patterns/countries.toml, patterns/leaders.toml; FORMAT.md: parties named indirectly resolve to
their code). The words around a name say when it is no party: a venue ("à Accra", "au Niger"),
a place named after a country ("la frontière nigérienne", "le lac Tchad"), the occasion ("en
marge de la session de l'ONU"), the news source ("selon l'agence mauritanienne"). "Les trois pays"
stands for the states told together before; "il", "le diplomate" for the party told before; a
lone foreign party has the page's country beside it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from vigie.events.lexicon import (
    Gazette,
    compile_phrases,
    fold_text,
    load_country_names,
    load_members,
    load_parties,
    read_table,
)
from vigie.records import Sentence

MAX_PARTIES = 5
# the words of a phrase of time that may stand between a verb and its complement ("a demandé
# mardi 4 juin à Paris")
TIME_WORD = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ce|le|\d+\w*|dernier|matin|soir|"
    r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|,)"
)
# a country or capital named as the venue: "à Accra", "au Ghana", "en Égypte"
VENUE_BEFORE = re.compile(r"(?:^|\s)(?:a|au|en|aux)\s+$")
# a capital after "de" names a place, not a government: "le sommet d'Accra", "la décision de Paris"
CAPITAL_OF = re.compile(r"(?:^|\s)(?:de|d'|d’|du|des|depuis)\s*$")  # "depuis Bamako": from where
# a stance only a government takes, whose "de" phrase names it: "la position de Washington", "les
# accusations de Bamako", "le soutien de Moscou" (a capital after "de" is otherwise a place; "la
# décision d'Accra", "l'initiative d'Accra", "l'appel de Bamako" are a summit's, where it met);
# help or a request asked of a government, or things received from it: "l'appui de Ouagadougou",
# "à la demande de Paris", "a reçu de Moscou"
GOVERNMENT_ACT = re.compile(
    r"(?:position|reaction|reponse|refus|soutien|accusations?|volonte|attitude|politique|propos|"
    r"menaces?|ingerence|hostilite|silence|plainte|demandes?|requetes?|exigences?|ultimatum|appui|aide|"
    r"concours|assistance|recue?s?(?:\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))?)\s+(?:de|d')\s*$"
)
# "les deux pays", "les deux ministres": the parties of the interaction told just before
# "les trois pays", "ces trois pays", "les deux chefs d'Etat": as many parties as were told together before
GROUP = re.compile(
    r"(?<!\w)(?:les|des|ces|aux) (deux|trois|quatre|cinq) (?:pays|etats|gouvernements|chefs d'etat|capitales|delegations|armees)(?!\w)"
)
# two parties as one subject: "les délégations malienne et russe", "la Russie et la Chine"
# French repeats the preposition before each conjunct: "au Mali, au Burkina Faso et au Niger"
COORDINATED = re.compile(
    r"^\s*(?:,|et|,\s*et)\s+(?:(?:a|au|aux|en)\s+)?(?:(?:la|le|les|l'|des|du|de la|de l'|de|d')\s*)?"
    r"(?:pays (?:de la|de l'|du|membres de la)\s*)?$"
)
# a visit to a foreign capital names the host: "le président tchadien s'est rendu à Niamey"
VISIT = re.compile(
    r"(?:rendus?|rendues?|visite(?: officielle| de travail| d'amitie)?|arrivee?s?|sejourn\w*)\s+(?:a|au|en)\s+$"
)
BORDER = re.compile(
    r"(?:frontieres?|cote|rive|territoire|sol|eaux|capitale|ville|espace aerien|presse|television|lac|golfe de|"
    r"bassin du|bassin du lac|dollars?|nationalite|origine|langue|destination d[eu]|destination de l'|"
    r"(?:parti|partie|partis|parties|en provenance|venue?s?|venant|originaires?|retour)\s+(?:de|du|d'|des)|"
    r"retour vers|vers|ressortissante?|citoyenne?|otage|touriste|expatriee?|"
    r"(?:frontieres?|cote|rive|rives|lac|golfe|bassin)\s+(?:du|de la|de l'|d'|des))\s*$"
)  # "la frontière nigérienne", "le lac Tchad", "des dollars américains", "de nationalité française":
# a place, a currency, a person's origin or a language, not a party; "parti de Côte d'Ivoire",
# "à destination du Tchad", "sur le chemin du retour vers Niamey": where one comes from or goes
# who reports it, not who acts: "selon l'agence mauritanienne Al-Akhbar", "d'après la télévision
# nationale", "a rapporté l'Agence nigérienne de presse" (a news source is no party to the act)
NEWS_SOURCE = re.compile(
    r"(?:selon|d'apres|a en croire|rapporte|a rapporte|a indique|cite par|citant)\s+(?:l'|la |le |les |un |une )?"
    r"(?:agence|television|radio|journal|quotidien|site|media|medias|presse|chaine)[^,;]*"
)
# a dateline opening the sentence: "Ouagadougou, le 2 juin 2024 (AIB) –", "Niamey (AFP) -": the
# town the report was filed from is no party (how news pages are built)
DATELINE = re.compile(r"\s*(?:,\s*(?:le\s+)?\d|\(|[–—-]\s)")
# a diplomat's posting is not a party: "l'ambassadeur du Mali auprès des Nations unies", "le
# représentant permanent de l'Algérie auprès de l'ONU" (the state of the diplomat acts)
POSTED = re.compile(
    r"(?:ambassad\w*|represent\w*|delegue\w*|envoye\w*|charge\w* d'affaires|accredite\w*|mission permanente)"
    r"(?:\s+[\w'-]+){0,6}\s+aupres\s+(?:du|des|de la|de l'|d'|de)\s*$"
)
# the country where the page's own ambassador is posted: "le nouvel ambassadeur de notre pays en
# République arabe d'Égypte" received by a minister is a domestic audience, not a meeting with Egypt
OUR_ENVOY = re.compile(
    r"ambassad\w*\s+(?:de notre pays|du pays)\s+(?:en|au|aux|a)\s+(?:republique\s+(?:arabe\s+)?(?:d'|du\s+|de\s+)?)?$"
)
# "les juntes au pouvoir au Niger, au Mali et au Burkina Faso": the states, not where it happened
IN_POWER = re.compile(r"au pouvoir (?:a|au|en|aux)\s+(?:[^,;]*(?:,|et)\s+(?:a|au|en|aux)\s+)*$")
# the occasion, not a party: "en marge de la session de l'Assemblée générale des Nations unies"
OCCASION = re.compile(r"en marge (?:de|du|des|d')[^,;]*")
# "notre pays", "nos autorités": the country of the page
OUR = re.compile(r"(?<!\w)(?:notre pays|nos autorites|notre gouvernement|notre armee|nos forces)(?!\w)")
# a subject that points back to the sentence before: "Il a accusé…", "Le diplomate a demandé au
# Conseil…", "La délégation était porteuse…": its party is the one told there, not the page's country
ANAPHOR = re.compile(
    r"\s*(?:il|elle|ils|elles|le diplomate|la diplomate|la delegation|cette delegation|l'emissaire|"
    r"les emissaires|l'envoye|l'envoyee|le chef de la delegation|le visiteur|son hote|l'hote)\b"
)
# an official named by title, state and name: "l'ambassadeur de Russie au Burkina Faso, Igor
# Martynov", "le ministre turc des Affaires étrangères, Mehmet Kaya", "le président iranien Ebrahim
# Raïssi": the name stands for that state in the rest of the article (FORMAT.md: a minister to the
# state; PLOVER resolves a person to the state he serves)
TITLED = re.compile(
    r"(?:ambassad\w*|ministre|president\w*|homologue|envoye\w*|chef de la diplomatie|representant\w*|"
    r"secretaire\w*|emissaire|porte-parole|charge\w* d'affaires|consul|roi|emir)(?:\s[^,;:.()]*)?\s$"
)
NAMED_AFTER = re.compile(
    r"^(?:(?:\s[^,;:.()«»\d]{0,45})?,\s*|\s+)((?:[A-ZÀ-Ý][\w'’-]+\s+){1,3}[A-ZÀ-Ý][\w'’-]+)"
)
# or by name, then title and state: "M. Amadou Bâ, ministre des Affaires étrangères du Sénégal",
# "SEM Igor Gromyko, ambassadeur de Russie au Mali"
NAMED_BEFORE = re.compile(
    r"((?:[A-ZÀ-Ý][\w'’-]+\s+){1,3}[A-ZÀ-Ý][\w'’-]+),\s+(?:l'|le |la )?(?:ambassad\w*|ministre|"
    r"président\w*|représentant\w*|envoyé\w*|secrétaire\w*|chargée? d'affaires|consul)[^,;:.()]*$"
)
# an envoy named without his state ("avait reçu l'ambassadeur Alexeï Saltykov", "a reçu le chargé
# d'affaires"): the state is the foreign party the sentences before named (the embassy reopened)
ENVOY_ALONE = re.compile(
    r"(?<!\w)(?:l'ambassadeur|l'ambassadrice|le charge d'affaires|la chargee d'affaires|l'emissaire|"
    r"l'envoye special|l'envoyee speciale|le nouvel ambassadeur|la nouvelle ambassadrice)"
    r"(?!\s+(?:de|du|des|d')(?!\w))(?![\w'-])"
)
# the object pronouns French sets before the verb ("l'a accusée", "lui reproche", "les a reçus")
CLITICS = frozenset({"l'", "l’", "le", "la", "les", "lui", "leur"})
CIVILITIES = frozenset({"M.", "Mme", "SEM", "Son", "Excellence", "Monsieur", "Madame"})
# acts of parties together: an organisation's own meeting or accord is one among its members
MEETINGS = frozenset({"CONSULT", "AGREE", "COOPERATE"})
NUMBERS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5}


@dataclass(frozen=True, slots=True)
class Party:
    code: str
    start: int
    end: int
    venue: bool = False  # "au Niger": the venue, unless a directed act points there ("sanctions au Niger")
    again: bool = False  # a party named a second time: it may be who acts, never whom it acts on


class PartyFinder:
    """The party lexicons, loaded once: names, capitals, organisations' members, the states."""

    def __init__(self) -> None:
        self.gazette, self.capitals = load_parties()
        self.members = load_members()
        self.countries = frozenset(load_country_names())
        # "reproche mardi à Alger": the party addressed, no venue (countries.toml [addressed])
        verbs = compile_phrases(read_table("countries.toml")["addressed"]["verbs"]).pattern
        self.addressed = re.compile(
            rf"{verbs}(?:\s+{TIME_WORD})*\s+(?:a|au|aux)\s+$"
        )  # "les trois pays" are states, not organisations
        # the words for a country's people, written in lower case in countries.toml ("malien",
        # "italienne"): capitalised after "l'", "le", "un", they name one person of that nationality
        self.demonyms = frozenset(
            fold_text(name)
            for party in read_table("countries.toml")["party"]
            for name in party["names"]
            if name[:1].islower()
        )

    def named(self, sentence: Sentence, people: Mapping[str, str] | None = None) -> list[str]:
        """The parties a sentence names, as codes, in order: not the places, venues, postings and
        nationalities `find` sets aside ("troisième étape d'une tournée qui l'a conduit en Guinée",
        then "les délégations des deux pays": not Guinea)."""
        mentions, _ = self._mentions(fold_text(sentence.text), sentence.text, people)
        return list(dict.fromkeys(p.code for p in mentions if not p.venue))

    def people(self, sentences: Sequence[Sentence]) -> list[tuple[int, str, str]]:
        """The officials an article introduces by title, state and name, as (sentence index, name,
        code): "le ministre turc des Affaires étrangères, Mehmet Kaya" makes "Mehmet Kaya" and "M.
        Kaya" Turkey's in the sentences after. A name that holds a party's own name is none."""
        found: list[tuple[int, str, str]] = []
        for index, sentence in enumerate(sentences):
            folded, original = fold_text(sentence.text), sentence.text
            for mention in self._mentions(folded, original)[0]:
                if mention.venue:
                    continue
                after = NAMED_AFTER.match(original[mention.end : mention.end + 100])
                if after is None or not TITLED.search(folded[max(0, mention.start - 60) : mention.start]):
                    after = NAMED_BEFORE.search(original[max(0, mention.start - 120) : mention.start])
                words = [w for w in after.group(1).split() if w not in CIVILITIES] if after else []
                name = " ".join(words)
                if len(words) < 2 or self.gazette.find(fold_text(name), name):
                    continue
                last = words[-1]
                found += [(index, alias, mention.code) for alias in (name, f"M. {last}", f"Mme {last}")]
        return found

    def find(
        self,
        folded: str,
        original: str,
        home: str,
        group: tuple[int, int, list[str]] | None = None,
        told_before: Sequence[str] = (),
        people: Mapping[str, str] | None = None,
    ) -> list[Party]:
        """The parties a sentence names, in text order; one foreign party alone gets the article's
        country beside it (or the host of a visit); "les trois pays" names the three told before."""
        parties: list[Party] = []
        if group is not None:
            start, end, codes = group
            parties += [Party(code, start, end) for code in codes]
        ours = OUR.search(folded)
        if ours is not None:
            parties.append(Party(home, ours.start(), ours.end()))
        mentions, visited = self._mentions(folded, original, people)
        for mention in mentions:
            # a party once, where first named; a venue gives way to the party named after it ("Au
            # Sénégal voisin, le président Macky Sall": the venue's state acts), a state named
            # itself beside "les deux pays" that stands for it keeps its place
            if all(
                p.code != mention.code or (p.venue and not mention.venue) or (group and p.start == group[0])
                for p in parties
            ):
                parties.append(mention)
            elif not mention.venue:  # "Alors que l'affaire des militaires ivoiriens…, le gouvernement
                # ivoirien annonce le retrait": the parse finds who acts in the second mention; a
                # second mention in the object is the actor's own ("le rapatriement des soldats danois")
                parties.append(replace(mention, again=True))
        return self._finish(parties, visited, home, told_before, ENVOY_ALONE.search(folded) is not None)

    def _mentions(
        self, folded: str, original: str, people: Mapping[str, str] | None = None
    ) -> tuple[list[Party], str | None]:
        """Every mention of a party in a sentence, but those that name no party (a venue is marked),
        and the host of a visit; `people` are the names of officials told before."""
        parties: list[Party] = []
        visited: str | None = None
        occasions = [m.span() for m in OCCASION.finditer(folded)]
        occasions += [m.span() for m in NEWS_SOURCE.finditer(folded)]
        for item in self.gazette.find(folded, original):
            if any(start <= item.start < end for start, end in occasions):
                continue
            if BORDER.search(folded[max(0, item.start - 24) : item.start]):
                continue  # "la frontière nigérienne": a place, not a party
            if not folded[: item.start].strip() and DATELINE.match(folded[item.end :]):
                continue  # "Ouagadougou, le 2 juin 2024 (AIB) – L'ambassadeur …": where it was filed
            if folded[max(0, item.start - 11) : item.start] == "presidence " and re.match(
                r"\s+(?:du|de la|de l'|des)\b", folded[item.end : item.end + 8]
            ):
                continue  # "la présidence chinoise du Conseil de sécurité": the Council, not China
            if POSTED.search(folded[max(0, item.start - 80) : item.start]) or OUR_ENVOY.search(
                folded[max(0, item.start - 60) : item.start]
            ):
                continue  # "l'ambassadeur du Mali auprès des Nations unies": where he is posted
            if self._a_national(original[item.start : item.end], folded[max(0, item.start - 5) : item.start]):
                continue  # "la coordonnatrice de l'ONU, l'Italienne Barbara Manzi": a person's nationality
            before = folded[max(0, item.start - 6) : item.start]
            capital = fold_text(item.text) in self.capitals
            in_power = IN_POWER.search(folded[max(0, item.start - 24) : item.start]) is not None
            venue = (
                (
                    not in_power
                    and any(alias.canonical in self.countries for alias in item.names[:1])  # "au Conseil de
                    and VENUE_BEFORE.search(before) is not None  # sécurité": an organisation is spoken to
                    and (item.text[:1].isupper() or not before.endswith("aux "))
                )
                and not self.addressed.search(folded[max(0, item.start - 60) : item.start])
            )
            # "au Niger", "à Accra": a place; "aux autorités maliennes", "reproche à Alger": a party spoken to
            if VISIT.search(folded[max(0, item.start - 40) : item.start]) and item.names:
                visited = visited or item.names[0].canonical  # "s'est rendu à Niamey": the host
            if (venue and (capital or before.endswith("a "))) or (
                capital
                and CAPITAL_OF.search(folded[max(0, item.start - 8) : item.start])
                and not GOVERNMENT_ACT.search(folded[max(0, item.start - 24) : item.start])
            ):
                continue  # "à Accra": where it happened; "le sommet d'Accra": a place
            parties += [Party(alias.canonical, item.start, item.end, venue) for alias in item.names[:1]]
        for name, code in (people or {}).items():  # "Le mardi, Mehmet Kaya s'est entretenu avec …"
            for match in re.finditer(rf"(?<!\w){re.escape(fold_text(name))}(?!\w)", folded):
                if all(match.end() <= p.start or p.end <= match.start() for p in parties):
                    parties.append(Party(code, match.start(), match.end()))
        return sorted(parties, key=lambda p: p.start), visited

    def _finish(
        self,
        parties: list[Party],
        visited: str | None,
        home: str,
        told_before: Sequence[str],
        envoy: bool = False,
    ) -> list[Party]:
        """The parties in text order, at most `MAX_PARTIES` of them; one foreign party alone gets
        a second: the host of its visit, the party told before, else the page's country."""
        parties = sorted(parties, key=lambda p: p.start)
        kept = list(dict.fromkeys(p.code for p in parties))[:MAX_PARTIES]
        parties = [p for p in parties if p.code in kept]
        named = list(dict.fromkeys(p.code for p in parties if not p.venue))
        if len(named) == 1 and named[0] != home:
            # "Le diplomate a demandé à l'ONU": the party told first in the sentence before
            told = [code for code in told_before if code != named[0]]
            host = visited if visited is not None and visited != named[0] else (told or [home])[0]
            parties.append(Party(host, -1, -1))  # the article's country, or the host of a visit
        elif len(named) == 1 and visited is not None and visited != named[0]:
            # "le ministre malien s'est rendu à Niamey": the visitor and the host of the visit
            parties.append(Party(visited, -1, -1))
        elif envoy and not named and len(told := [code for code in told_before if code != home]) == 1:
            # nothing named but an envoy without his state: "La veille, le ministre avait
            # reçu l'ambassadeur Alexeï Saltykov" after the Russian embassy's reopening (one party
            # told there: "Ils lui reprochent …" after the three states and ECOWAS is no one's)
            parties += [Party(home, -1, -1), Party(told[0], -1, -1)]
        elif len(named) == 1 and (told := [code for code in told_before if code != home]):
            # the page's country named alone, by a subject pointing back: "La délégation était
            # porteuse d'une demande d'appui à la candidature nigérienne" (the delegation told before)
            parties.append(Party(told[-1], -1, -1))
        return parties if len({p.code for p in parties}) >= 2 else []

    def _a_national(self, written: str, before: str) -> bool:
        """A demonym written as a noun after a singular article names one person of that nationality
        ("l'Italienne Barbara Manzi", "le Français arrêté"), not the state."""
        return (
            written[:1].isupper()
            and fold_text(written) in self.demonyms
            and re.search(r"(?:^|\s)(?:l'|l’|le |la |un |une )$", before) is not None
        )

    def apart_from_members(
        self, pairs: list[tuple[str, str, str]], parties: Sequence[Party] = ()
    ) -> list[tuple[str, str, str]]:
        """The pairs but those of an organisation with one of its own members ("les trois pays ont
        signé la charte de l'AES": the states, not the Alliance and each of them)."""
        kept = [
            (a, b, kind)
            for a, b, kind in pairs
            if b not in self.members.get(a, ()) and a not in self.members.get(b, ())
        ]
        organisations = {a if a in self.members else b for a, b, _ in pairs}
        named = {p.code for p in parties if p.start >= 0 and not p.venue}
        if named == organisations and not kept and len(named) == 1 and all(k in MEETINGS for *_, k in pairs):
            # "le sommet des chefs d'État de l'AES s'est tenu à Niamey" on a Nigerien page, the
            # organisation the only party named: its members meet, one entry per pair present
            # (FORMAT.md, Several parties)
            members = sorted(self.members[organisations.pop()])
            return [(a, b, pairs[0][2]) for a, b in combinations(members, 2)]
        return kept


def points_back(sentence: Sentence, folded: str, start: int = 0) -> bool:
    """Whether the one who acts, or the one acted on, is told in the sentences before: a subject
    such as "Le diplomate", "Il" opening the sentence (after a fronted phrase), a personal pronoun
    as the subject of the main verb wherever it stands ("Sur le chemin du retour, il s'est
    entretenu avec …"), or an object pronoun of the main verb ("le président l'a reçu lundi")."""
    if ANAPHOR.match(folded[start:]) is not None or ENVOY_ALONE.search(folded) is not None:
        return True
    if any(
        token.dep in {"obj", "iobj"}
        and token.text.lower() in CLITICS
        and sentence.tokens[token.head].dep == "ROOT"
        for token in sentence.tokens
    ):
        return True  # "Mardi, le capitaine l'a accusée d'avoir …": whom it acts on was told before
    return any(
        token.dep in {"nsubj", "nsubj:pass"}
        and token.pos == "PRON"
        and token.text.lower() in {"il", "elle", "ils", "elles"}
        and sentence.tokens[token.head].dep == "ROOT"
        for token in sentence.tokens
    )


def told_before(groups: list[list[str]], home: str) -> list[str]:
    """The parties of the last sentence that named one besides the page's country (two at most back)."""
    for codes in reversed(groups[-3:]):
        if any(code != home for code in codes):
            return codes
    return []


def group(
    folded: str,
    groups: list[list[str]],
    countries: frozenset[str],
    gazette: Gazette | None = None,
    original: str = "",
    members: Mapping[str, frozenset[str]] | None = None,
) -> tuple[int, int, list[str]] | None:
    """The states "les trois pays" stands for: named that many before it in its sentence (with
    `gazette`), else the last sentence that named that many together; an organisation of that
    many members told before stands for them ("la Confédération des Etats du Sahel…", then "les
    trois gouvernements")."""
    match = GROUP.search(folded)
    if match is None:
        return None
    count = NUMBERS[match.group(1)]
    if gazette is not None:  # "S'adressant au Mali et au Burkina Faso, il a appelé ces deux pays à …"
        found = gazette.find(folded[: match.start()], original[: match.start()])
        own = [f.names[0].canonical for f in found if f.names]
        groups = [*groups, list(dict.fromkeys(own))]
    for named in reversed(groups):
        codes = [code for code in named if code in countries]
        if len(codes) < count and members:
            codes = list(dict.fromkeys(m for code in named for m in sorted(members.get(code, ())) or [code]))
            codes = [code for code in codes if code in countries]
        if len(codes) >= count:
            return match.start(), match.end(), codes[:count]
    return None
