"""Who acts on whom in a PLOVER act: a sentence's parties paired as source and target.

Directed types (SUPPORT, AID, REJECT, ACCUSE, SANCTION, REQUEST) read the roles from the parse:
the trigger's subject is the source, its object or the complement it is aimed at ("à", "contre",
"auprès de") the target; an act's noun names its giver in its "de" phrase, else the verb it
completes says who gives it to whom; a title set off before an official's name gives the state
that acts; a pronoun subject is the party the sentences before named. Symmetric types pair the
page's country with each partner, or each party with each when three or more are listed where the
act's own parties stand (FORMAT.md: one entry per pair).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations, pairwise

from vigie.events.acts import Trigger
from vigie.events.clauses import ancestors, parties_apart
from vigie.events.frames import Frame, Phrase, frame
from vigie.events.lexicon import fold_text
from vigie.events.parties import COORDINATED, Party
from vigie.events.tree import children, preposition, subtree, token_at
from vigie.records import Sentence

# who acts for a state when no country is named: "le ministre", "le gouvernement", "les autorités"
OFFICIAL = re.compile(
    r"president|ministre|ministere|gouvernement|autorites|ambassad|chef de l'etat|porte-parole|transition|"
    r"etat-major|diplomat|delegation|conseil|armee|etat|junte|pouvoir|koulouba|colonel|general|capitaine|"
    r"premier ministre|primature|\broi\b|\bemir|souverain|chef de la diplomatie|representant|envoye|emissaire"
)

# "il", "elle": an official when the sentence before names one
PRONOUN = re.compile(r"(?<!\w)(?:il|elle|ils|elles)(?!\w)")

# acts whose noun names the giver in its "de" phrase ("le soutien de la Russie"); not so for
# REJECT or ACCUSE ("le retrait du Mali", "le rejet de la demande": who withdraws, what is rejected)
GIVEN = {"SUPPORT", "AID", "COOPERATE", "REQUEST", "SANCTION"}

# the diplomats of a state: "les ambassadeurs de Turquie, d'Égypte …", "les chargés d'affaires du …"
ENVOYS_OF = re.compile(
    r"(?:ambassadeurs?|charges? d'affaires|consuls?|diplomates?)\s+(?:de|du|des|d')\s*(?:la |l')?$"
)

# the agent of a passive: "par le Bénin", "par l'Algérie"
AGENT_BEFORE = re.compile(r"(?:^|\s)par\s+(?:le |la |les |l')?$")

# prepositions of the complement an act is aimed at, beside its object
TOWARDS = frozenset({"à", "au", "aux", "contre", "envers", "auprès", "avec", "vis-à-vis"})

# whom an accusation is brought before, not the accused: "saisissent le Conseil de sécurité du
# soutien de l'Ukraine", "une plainte devant la Cour" (PLOVER ACCUSE: the target is the one accused)
AUDIENCE_VERBS = frozenset({"saisir", "alerter", "interpeller"})
AUDIENCE_PREPOSITIONS = frozenset({"devant"})

# prepositions of a phrase that places the act in time by another fact: "après la sortie du Mali,
# du Burkina Faso et du Niger de la CEDEAO", "Après le Mali, Ouagadougou et Niamey ont annoncé…",
# "depuis la rupture avec la France": the parties of that fact are not those of the act
BEFORE_AFTER = frozenset({"après", "avant", "depuis", "dès"})


def pair_parties(
    trigger: Trigger,
    parties: list[Party],
    sentence: Sentence,
    subject_from: int,
    folded: str,
    home: str,
    previous: str = "",
    told: Sequence[str] = (),
) -> list[tuple[str, str, str]]:
    """Who acts on whom: (source, target, type) per pair; `previous` is the sentence before (folded),
    which says who "il" is.

    Directed types pair the sources (the subject of the trigger, or the parties named before
    it) with the targets (its object or "à" complement, or the parties after it); the article's
    country stands in for a missing side. Symmetric types pair the article's country with each
    partner, or, without it, every two parties (each with each when three or more are listed).
    """
    parties = _outside_time_phrases(sentence, trigger, parties)
    again = [p for p in parties if p.again]  # named a second time: may be the subject the parse finds
    parties = [p for p in parties if not p.again]
    if not parties:
        return []
    named = [p for p in parties if not p.venue]
    codes = [p.code for p in named]
    if trigger.to_home:  # "l'UA a dénoncé un assassinat ignoble": with the country that suffered it
        return [(code, home, trigger.type) for code in dict.fromkeys(codes) if code != home]
    if trigger.directed:
        sources, targets = _roles(
            trigger, parties, sentence, subject_from, folded, home, previous, told, again
        )
        if not sources or not targets:
            return []
        return [(a, b, trigger.type) for a in sources for b in targets if a != b]
    envoys = _envoys(named, folded)
    if envoys:  # "a reçu les lettres de créance des ambassadeurs de Turquie, d'Égypte et du Maroc":
        hosts = [c for c in dict.fromkeys(codes) if c not in envoys] or [home]  # each with the host
        pairs: list[tuple[str, str, str]] = [(a, b, trigger.type) for a in envoys for b in hosts if a != b]
        return pairs + [(a, b, trigger.type) for a, b in combinations(hosts, 2)]
    if _listed(
        named, _list_may_stand(sentence, trigger), folded
    ):  # "les chefs d'État du Mali, du Burkina Faso et du Niger ont signé",
        # "la réunion tripartite des armées du Sénégal, du Mali et de la Mauritanie": each with each
        return [(a, b, trigger.type) for a, b in combinations(dict.fromkeys(codes), 2)]
    spans = [(p.start, p.end) for p in named if p.start >= 0]
    if len(spans) > len(
        set(spans)
    ):  # "les trois pays ont signé": the states told together before, each with each
        return [(a, b, trigger.type) for a, b in combinations(dict.fromkeys(codes), 2)]
    if home in codes:
        return [(home, other, trigger.type) for other in dict.fromkeys(codes) if other != home]
    return [(a, b, trigger.type) for a, b in combinations(dict.fromkeys(codes), 2)]


def _roles(
    trigger: Trigger,
    parties: list[Party],
    sentence: Sentence,
    subject_from: int,
    folded: str,
    home: str,
    previous: str = "",
    told: Sequence[str] = (),
    again: Sequence[Party] = (),
) -> tuple[list[str], list[str]]:
    named = [p for p in parties if not p.venue]
    explicit = [p for p in named if p.start >= 0]
    roles = _frame(sentence, trigger)
    if (
        roles is not None
        and not (roles.agent or roles.patient or roles.obliques)
        and sentence.tokens[roles.trigger].dep == "obj"
        and sentence.tokens[above := sentence.tokens[roles.trigger].head].pos == "VERB"
    ):
        # "La Chine a accordé au Mali un prêt": the noun names no one, the verb it is the object of
        # says who gives it to whom
        roles = frame(sentence, above)
    sources: list[str] = []
    targets: list[str] = []
    if roles is not None and (roles.agent or roles.patient or roles.obliques):
        venues = [p for p in parties if p.venue and p.start >= 0]
        sources, targets = _cast(explicit, roles, sentence, again, venues)
        if not sources and (verb := _verb_of(sentence, roles.trigger)) is not None:
            # "Sonko a assuré le Mali de la solidarité du Sénégal": the act's noun names no one,
            # the verb it completes says who gives it to whom; "Copenhague a annoncé le rapatriement
            # des militaires danois": the noun names no giver, the verb's subject is the one who acts
            outer = frame(sentence, verb)
            more_sources, more_targets = _cast(explicit, outer, sentence, again, venues)
            if not targets:
                roles, targets = outer, more_targets
            sources = more_sources
        if not sources and roles.passive and not roles.agent:
            # "a été accusé jeudi par le Bénin de …", "fournis au Mali par la Chine": the agent of a
            # passive the parser hung on a day or on another complement
            by = [
                p.code
                for p in explicit
                if p.start > trigger.start and AGENT_BEFORE.search(folded[max(0, p.start - 12) : p.start])
            ]
            sources, targets = by, [code for code in targets if code not in by]
        if not sources and targets and roles.passive and not roles.agent:
            # "le Niger a été suspendu des instances de l'UA", "l'ambassadeur a été expulsé du
            # Niger": a passive without its agent; the party of its other complements acts
            sources = [
                p.code
                for p in explicit
                if p.code not in targets
                and any(o.start <= p.start + sentence.start < o.end for o in roles.obliques)
            ]
        if not sources:  # "l'ambassadeur du Mali, Issa Konfourou, a accusé": the title before the name
            sources = [p.code for p in explicit if _in_title(p, roles.agent, sentence, folded)]
            targets = [code for code in targets if code not in sources]
        for a, b in pairwise(sorted([*explicit, *venues], key=lambda p: p.start)):
            # "accusé le Sénégal et la Gambie", "du blé au Mali, au Burkina Faso et au Niger": the parser may hang
            if a.code in targets and COORDINATED.match(folded[a.end : b.start]):  # the second
                targets.append(b.code)  # conjunct on the verb; the list is one object
    if not sources and not targets:  # positional: the subject before the trigger, the object after
        before = [p for p in named if subject_from <= p.start < trigger.start]
        if roles is not None and roles.agent:  # the parse names a subject: a party elsewhere before
            before = []  # the trigger does not act ("slogans hostiles à l'armée française : la foule a …")
        after = [p for p in parties if p.start >= trigger.start]
        sources = [p.code for p in before]
        targets = [p.code for p in after[:1]]
        for a, b in pairwise(after):
            if not COORDINATED.match(folded[a.end : b.start]):
                break
            targets.append(b.code)
    sources = list(dict.fromkeys(sources))
    targets = [t for t in dict.fromkeys(targets) if t not in sources]
    if trigger.type == "ACCUSE" and (
        heard := {p.code for p in explicit if _an_audience(sentence, p)} & set(targets)
    ):
        # the body seized is the audience; the accused is the other party the complaint names
        accused = [
            p.code for p in explicit if p.start >= trigger.start and p.code not in heard | set(sources)
        ]
        targets = [t for t in targets if t not in heard] or accused[:1] or targets
    if (
        not sources
        and len(targets) >= 2
        and roles is not None
        and not roles.agent
        and sentence.tokens[roles.trigger].pos == "NOUN"
        and not _coordinated(explicit, targets[:2], folded)
    ):
        sources, targets = (
            targets[:1],
            targets[1:],
        )  # "le retrait du Mali du G5 Sahel": who withdraws, from what
    if not sources and targets:  # "Le Roi Mohammed VI a adressé un message de félicitations au
        sources = [  # président …": the act's noun has no giver; the party before it gives (also
            p.code  # when named again among several targets: "le porte-parole, le colonel Abdoulaye
            for p in named  # Maïga, a annoncé le rappel des ambassadeurs du Mali … de la CEDEAO")
            if subject_from <= p.start < trigger.start and (p.code not in targets or len(set(targets)) >= 2)
        ][:1]
        targets = [code for code in targets if code not in sources]
    if not sources:  # no party named as the subject: the article's country, when a state acts
        subject = folded[subject_from : trigger.start]
        if roles is not None and roles.agent and not PRONOUN.fullmatch(fold_text(roles.agent[0].text)):
            # the parse names the subject: only its words say whether an official acts ("slogans
            # hostiles à l'armée française : le mouvement a refusé …": a crowd, no state)
            subject = " ".join(fold_text(p.text) for p in roles.agent)
        official = OFFICIAL.search(subject) or (PRONOUN.search(subject) and OFFICIAL.search(previous))
        if not official:
            return [], []  # "il demande aux autorités françaises": a person, not a state, asks
        earlier = [code for code in told if code not in targets] if PRONOUN.search(subject) else []
        earlier = [code for code in earlier if code != home] + [code for code in earlier if code == home]
        # "il a appelé ces deux pays à …": "il" is the party the sentence before named first
        implied = next((p.code for p in parties if p.start < 0), earlier[0] if earlier else home)
        sources = (  # party "il", "le diplomate" points back to
            [implied] if implied not in targets else [p.code for p in explicit if p.code not in targets][:1]
        )
    if not targets:
        rest = [p for p in parties if p.code not in sources]
        targets = (
            [p.code for p in _conjuncts(rest, folded)] if rest else ([home] if home not in sources else [])
        )
    return sources, targets


def _envoys(parties: list[Party], folded: str) -> list[str]:
    """The states of envoys listed together ("les ambassadeurs de Turquie, d'Égypte et du Maroc"):
    an ambassador represents his state to the host, not to the other envoys (PLOVER CONSULT: the
    visitor and the host), so each pairs with the host only. Two or more, else none."""
    explicit = [p for p in parties if p.start >= 0]
    for i, first in enumerate(explicit):
        if ENVOYS_OF.search(folded[max(0, first.start - 40) : first.start]) is None:
            continue
        run = _conjuncts(explicit[i:], folded)
        if len({p.code for p in run}) >= 2:
            return list(dict.fromkeys(p.code for p in run))
    return []


def _coordinated(parties: list[Party], codes: list[str], folded: str) -> bool:
    """Whether these parties are named as one list ("du Sénégal et de Côte d'Ivoire"): conjuncts
    share one role, they are not who acts and what it acts on."""
    found = [next((p for p in parties if p.code == code), None) for code in codes]
    return all(found) and any(
        COORDINATED.match(folded[a.end : b.start]) is not None
        for a, b in pairwise(sorted((p for p in found if p is not None), key=lambda p: p.start))
    )


def _conjuncts(parties: list[Party], folded: str) -> list[Party]:
    """The first party and those coordinated after it ("a offert du blé au Mali, au Burkina Faso et
    au Niger": the three receive it)."""
    run = parties[:1]
    for party in parties[1:]:
        if party.start < 0 or not COORDINATED.match(folded[run[-1].end : party.start]):
            break
        run.append(party)
    return run


def _frame(sentence: Sentence, trigger: Trigger) -> Frame | None:
    if not sentence.tokens:
        return None
    index = token_at(sentence, sentence.start + trigger.start)
    if index is None:
        return None
    if sentence.tokens[index].pos == "DET":  # "un prêt", "son soutien": the noun is the act's word
        index = sentence.tokens[index].head
    roles = frame(sentence, index)
    word = sentence.tokens[roles.trigger]
    if not roles.agent and word.pos == "VERB" and word.dep == "conj" and word.head != roles.trigger:
        # "le ministre accuse la France … et demande une réunion": coordinated verbs share a subject
        roles = replace(roles, agent=frame(sentence, word.head).agent)
    if trigger.type in GIVEN and sentence.tokens[roles.trigger].pos == "NOUN":
        # "la solidarité du Sénégal", "un don du Japon", "les sanctions de la CEDEAO": the first
        # "de" phrase of the act's noun is who gives it
        givers = tuple(
            p for p in roles.patient if preposition(sentence, p.head) in {"de", "du", "des", "d'"}
        )[:1]
        roles = replace(
            roles, agent=roles.agent + givers, patient=tuple(p for p in roles.patient if p not in givers)
        )
    return roles


def _listed(parties: list[Party], may_stand: tuple[int, int, list[tuple[int, int]]], folded: str) -> bool:
    """Three parties or more listed together where the act's own parties stand — before the trigger,
    or in the trigger's phrase or its clause's subject ("la réunion tripartite des armées du Sénégal,
    du Mali et de la Mauritanie"): a many-party act, one entry per pair (FORMAT.md). A list in
    another phrase ("interviennent après la sortie du Mali, du Burkina et du Niger") is not."""
    start, trigger, spans = may_stand
    run: list[Party] = []
    for party in (p for p in parties if p.start >= 0):
        if not (start <= party.start < trigger or any(a <= party.start < b for a, b in spans)):
            run = []
            continue
        if run and (run[-1].code == party.code or not COORDINATED.match(folded[run[-1].end : party.start])):
            run = []
        run.append(party)
        if len(run) >= 3:
            return True
    return False


def _list_may_stand(sentence: Sentence, trigger: Trigger) -> tuple[int, int, list[tuple[int, int]]]:
    """Where the parties of an act may be listed (sentence offsets): from the start to the trigger,
    and the spans of the trigger word's phrase and of its clause's subject."""
    spans: list[tuple[int, int]] = []
    index = token_at(sentence, sentence.start + trigger.start) if sentence.tokens else None
    if index is not None:
        heads = [index]
        verb = next(
            (i for i in ancestors(sentence, index) if sentence.tokens[i].pos in {"VERB", "AUX"}), None
        )
        if verb is not None:
            heads += [
                i for i in children(sentence, verb) if sentence.tokens[i].dep in {"nsubj", "nsubj:pass"}
            ]
        for head in heads:
            words = [sentence.tokens[i] for i in subtree(sentence, head)]
            spans.append((words[0].start - sentence.start, words[-1].end - sentence.start))
        # the words after the trigger up to the next verb: its phrase when the parser split it
        # ("la réunion tripartite des commandements du Sénégal, du Mali et …")
        after = sentence.start + trigger.end  # past the trigger's own words ("s'est entretenu")
        verbs = [t for t in sentence.tokens[index + 1 :] if t.pos in {"VERB", "AUX"} and t.start >= after]
        end = verbs[0].start if verbs else sentence.end
        spans.append((trigger.start, end - sentence.start))
    return 0, trigger.start, spans


def _cast(
    explicit: list[Party],
    roles: Frame,
    sentence: Sentence,
    again: Sequence[Party] = (),
    venues: Sequence[Party] = (),
) -> tuple[list[str], list[str]]:
    """The parties in the agent (sources) and in the object or addressed complements (targets); a
    party named a second time counts in the agent only; a country after "au" is a target when its
    phrase is the act's own "à" complement ("son appui diplomatique au Niger": the act points
    there, it is no venue); whom an act is told before ("devant le Conseil") is its audience."""
    sources: list[str] = []
    targets: list[str] = []
    offset = sentence.start
    aimed = tuple(
        p
        for p in roles.patient + _addressed(roles, sentence)
        if preposition(sentence, p.head) not in AUDIENCE_PREPOSITIONS
    )
    for party in sorted([*explicit, *again], key=lambda p: p.start):
        start, end = party.start + offset, party.end + offset
        if any(p.start < end and start < p.end for p in roles.agent):  # "le général Abdourahamane
            sources.append(party.code)  # Tiani" overlaps the subject "Tiani"
        elif not party.again and any(p.start <= start < p.end for p in aimed):
            targets.append(party.code)
    for party in venues:
        start = party.start + offset
        if any(
            p.start <= start < p.end and preposition(sentence, p.head) in {"à", "au", "aux"} for p in aimed
        ) and not any(p.start <= start < p.end for p in roles.agent):
            targets.append(party.code)
    return sources, targets


def _verb_of(sentence: Sentence, noun: int) -> int | None:
    """The verb a trigger noun completes ("a exprimé sa solidarité": exprimer), if it is a noun."""
    if sentence.tokens[noun].pos not in {"NOUN", "PROPN"}:
        return None
    for index in ancestors(sentence, noun)[1:]:
        if sentence.tokens[index].pos in {"VERB", "AUX"}:
            return index
    return None


def _addressed(roles: Frame, sentence: Sentence) -> tuple[Phrase, ...]:
    """The complements that name whom an act is aimed at: "au Conseil", "contre la France", "auprès
    de l'ONU"; not a time or the occasion ("lors d'une réunion du Conseil de sécurité") when the act
    has an object. Without an object, every complement may."""
    if not roles.patient:
        return roles.obliques
    return tuple(p for p in roles.obliques if preposition(sentence, p.head) in TOWARDS)


def _in_title(party: Party, agent: tuple[Phrase, ...], sentence: Sentence, folded: str) -> bool:
    """A party named in the title set off by a comma before the name that is the subject: "l'ambassadeur
    du Mali auprès des Nations unies, Issa Konfourou, a accusé …" (the parser takes the name for the
    subject and the title for another phrase; French news names an official by title, then name)."""
    for phrase in agent:
        if sentence.tokens[phrase.head].pos != "PROPN":
            continue  # a name is the subject, not "des manifestants" after "Devant l'ambassade de France,"
        start = phrase.start - sentence.start
        before = folded[:start].rstrip()
        if not before.endswith(","):
            continue
        comma = len(before) - 1
        opening = max(folded.rfind(",", 0, comma), folded.rfind(":", 0, comma)) + 1
        if opening <= party.start < comma:
            return True
    return False


def _outside_time_phrases(sentence: Sentence, trigger: Trigger, parties: list[Party]) -> list[Party]:
    """The parties but those named in a phrase that dates the act by another fact ("Ces
    consultations interviennent après la sortie du Mali, du Burkina Faso et du Niger de la
    CEDEAO": none of these is a party to the consultations), unless that phrase holds the trigger."""
    kept = parties_apart(
        sentence,
        trigger,
        parties,
        lambda path: any(
            sentence.tokens[i].pos in {"NOUN", "PROPN"} and preposition(sentence, i) in BEFORE_AFTER
            for i in path
        ),
    )
    return parties if kept is None else kept


def _an_audience(sentence: Sentence, party: Party) -> bool:
    """A party an accusation is brought before: the object of "saisir" ("saisissent le Conseil de
    sécurité du soutien de l'Ukraine") or a "devant" phrase ("devant la Cour internationale")."""
    index = token_at(sentence, sentence.start + party.start) if sentence.tokens else None
    if index is None:
        return False
    token = sentence.tokens[index]
    head = sentence.tokens[token.head]
    return (token.dep in {"obj", "iobj"} and head.lemma.lower() in AUDIENCE_VERBS) or preposition(
        sentence, index
    ) in AUDIENCE_PREPOSITIONS
