"""Claims: the group that claimed an attack, or that the text names as its author, is its actor1.

"L'attaque a été revendiquée par l'EIGS", "le JNIM revendique l'attaque", "des hommes armés se
réclamant du JNIM", "les assaillants, vraisemblablement de l'EIGS": the claimant stands for the
unidentified attackers of the article's event (ACLED codes the claimed author); a suspicion ("seraient
des éléments de …", "soupçonnent l'EIGS") names no one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from vigie.events.coding import STATE_LED
from vigie.events.lexicon import Actors, fold_text
from vigie.events.sides import UNIDENTIFIED, SideReader, is_state
from vigie.events.targets import CIVILIANS
from vigie.records import Event, Sentence

# "revendiqué par l'organisation État islamique": the claimant is the attacker of the article's event
# "des hommes armés se réclamant du JNIM": the attackers name their group themselves
CLAIM = re.compile(r"revendiqu\w*\s+(?:\w+\s+){0,3}?par\s+|se reclam\w*\s+(?:de|du|des)\b")
# "a revendiqué l'attaque", "revendiquant cette embuscade": the claim of an event told before
CLAIM_OF_TOLD = re.compile(
    r"(?:revendiqu\w*\s+(?:\w+\s+){0,2}?|(?:l'auteur|a l'origine|la responsabilite)\s+d)"
    r"(?:l'|cette |cet |ces |les |la |le |e l'|e cette |u |es )"
    r"(?:attaque|assaut|embuscade|operation|attentat|enlevement|incursion|action|raid)"
)
# "Le CSP a revendiqué l'opération", "le JNIM revendique l'attaque", "l'EIGS a affirmé être l'auteur de l'attaque", "a assumé la
# responsabilité de …": the claimant before the verb
CLAIM_ACTIVE = re.compile(
    r"\b(?:a|ont|avait|avoir)\s+(?:\w+\s+)?(?:revendique|(?:affirme|dit|declare)\s+etre\s+(?:l'auteur|a l'origine)|"
    r"assume la responsabilite)\b"
    # the present of news and headlines: "le JNIM revendique l'attaque" (not "l'assaut revendiqué par")
    r"|\brevendiqu(?:e|ent)\b(?!\s+par\b)"
)
# "les assaillants, vraisemblablement de l'EIGS", "les ravisseurs seraient des éléments de la katiba"
AUTHOR = re.compile(r"(?:assaillants|attaquants|ravisseurs|auteurs)\b")
AUTHOR_REACH = 60  # characters after "les assaillants" where their group may be named
NOT_CLAIMANTS = {UNIDENTIFIED, CIVILIANS, "MINUSMA"}
# "plusieurs spécialistes soupçonnent l'EIGS": suspicion names no author
# "les assaillants seraient des éléments de Boko Haram": the conditional reports, it does not claim
SUSPICION = re.compile(r"soupcon|suspect|pourrait|pourraient|hypothese|accus|\bseraient\b|\bserait\b")


class Claims:
    """Who claimed an article's events, read with the actor lexicon (patterns/actors.toml)."""

    def __init__(self, actors: Actors, sides: SideReader) -> None:
        self.actors = actors
        self.sides = sides

    def claimed(self, event: Event, claimant: str) -> Event:
        """An attack of the article's day with no named author takes the group that claimed it."""
        if event.event_type == "Battles" and is_state(event.actor1) and event.actor2 == UNIDENTIFIED:
            return replace(event, actor2=claimant)  # the state's clash with the group that claimed it
        if event.actor1 not in {UNIDENTIFIED} or event.sub_event_type in STATE_LED:
            return event
        if event.event_type == "Battles" and event.actor2 in {None, UNIDENTIFIED, claimant}:
            return replace(event, actor1=claimant, actor2=event.actor2 if event.actor2 != claimant else None)
        return replace(event, actor1=claimant)

    def claimant(self, sentences: Sequence[Sentence], day: date | None) -> str | None:
        """The group that claimed the article's attack, or that the text names as its author."""
        for sentence in sentences:
            folded = fold_text(sentence.text)
            if SUSPICION.search(folded):
                continue
            found = self.actors.named.find(folded, sentence.text)
            active = CLAIM_ACTIVE.search(folded)
            if active is not None:  # "Le CSP a revendiqué l'opération"
                before = [self.sides.canonical(f, day) for f in found if f.end <= active.start()]
                named = [n for n in before if n not in NOT_CLAIMANTS and not is_state(n)]
                if named:
                    return named[-1]
            claim = CLAIM.search(folded)
            author = AUTHOR.search(folded)
            if claim is None and author is None:
                continue
            end = claim.end() if claim is not None else author.end() if author is not None else 0
            reach = len(folded) if claim is not None else end + AUTHOR_REACH
            named = [self.sides.canonical(f, day) for f in found if end <= f.start < reach]
            specific = [n for n in named if n not in NOT_CLAIMANTS and not is_state(n)]
            if specific:
                return specific[0]
        return None
