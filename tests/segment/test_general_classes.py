"""Classes of issue 11 checked on the fourth batch of page layouts (tests/fixtures/pages4): each is a
general mechanism (a line's class from its features and data/page_furniture.toml, or its place on the
page), tried here on short pages and lines written for the test."""

from __future__ import annotations

import pytest

from vigie.frdate import iso
from vigie.records import Article, RawDoc
from vigie.segment import Line, classify_line, split_articles
from vigie.segment.names import is_person
from vigie.segment.published import find_dateline, find_stamp


def split(text: str) -> list[Article]:
    return split_articles(RawDoc("page.txt", "page.txt", "0f0f", len(text), "utf-8", text))


def summary(articles: list[Article]) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(a.kind, a.title, iso(a.published, a.published_month), a.author) for a in articles]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # image alt texts and captions
        ("Aucune description de photo disponible.", Line.CAPTION),
        ("Une image contenant personne, plein air, véhicule", Line.CAPTION),
        ("Peut être une illustration de texte qui dit « Communiqué »", Line.CAPTION),
        ("Peut être une image de 6 personnes, estrade et texte", Line.CAPTION),
        # paywalls, consent buttons, reading aids, widgets
        ("Article réservé aux abonnés", Line.FURNITURE),
        ("Contenu réservé aux abonnés", Line.FURNITURE),
        ("Premium", Line.FURNITURE),
        ("Tout accepter", Line.FURNITURE),
        ("Paramétrer les cookies", Line.FURNITURE),
        ("Lecture : 3 min", Line.FURNITURE),
        ("Taille du texte A A", Line.FURNITURE),
        ("Commentaires fermés", Line.FURNITURE),
        ("Voir la vidéo", Line.FURNITURE),
        ("bottom of page", Line.FURNITURE),
        # a relative time alone is no date and opens no comments; a reader's line does
        ("il y a 2 jours", Line.FURNITURE),
        ("Il y a 5 jours", Line.FURNITURE),
        ("Moussa K. - il y a 2 jours", Line.COMMENTS),
        ("Lire aussi sur le même sujet", Line.RELATED),
        # date lines
        ("Il y a 3 heures • 14 mars 2024", Line.DATE),
        ("2024/03/12", Line.DATE),
        ("Actualisé le 14/03/2024 à 10h45", Line.DATE),
    ],
)
def test_line_classes_of_the_fourth_batch(line: str, kind: Line) -> None:
    assert classify_line(line)[0] is kind


def test_the_publication_date_beats_the_update_printed_before_it() -> None:
    found = find_stamp("Mis à jour le 12 mars 2024 à 15h30 - Publié le 12 mars 2024 à 09h00")
    assert found is not None and (found[0].day, found[0].hour) == (12, 9)
    page = """Kati : la mairie lance la réfection des caniveaux
Mis à jour le 14/03/2024 à 18h02
Publié le 13/03/2024 à 09h15
La mairie de Kati a lancé mercredi les travaux de réfection des caniveaux du marché central, financés par les nouvelles taxes municipales votées en janvier.
"""
    assert summary(split(page)) == [
        ("full", "Kati : la mairie lance la réfection des caniveaux", "2024-03-13T09:15", None)
    ]


@pytest.mark.parametrize(
    ("paragraph", "day"),
    [
        ("Bamako, 14 mars 2024 (AMAP) Le ministre de la Santé a reçu les équipements.", 14),
        ("Kidal, 14 novembre 2023 : l'armée a repris le contrôle du camp.", 14),
        ("Mopti, 12 mars 2024. Le gouverneur a présidé la réunion du comité.", 12),
        ("Selon le maire, 12 personnes ont été tuées. Le bilan reste provisoire.", None),
    ],
)
def test_datelines_closed_by_an_agency_a_colon_or_a_period(paragraph: str, day: int | None) -> None:
    stamp = find_dateline(paragraph, body=True)
    assert find_dateline(paragraph) is None  # a caption may open so: only a dashed dateline is no caption
    assert (stamp.day if stamp is not None else None) == day


def test_a_month_alone_dates_no_article() -> None:
    """ "Publié en janvier 2024": train's gold gives no date (docs/segmentation.md, Conventions)."""
    page = """Ségou : la campagne rizicole démarre à Niono
Publié en janvier 2024
Les riziculteurs de l'Office du Niger ont commencé le repiquage dans les casiers de Niono, où l'eau est arrivée à temps cette année.
"""
    assert summary(split(page)) == [("full", "Ségou : la campagne rizicole démarre à Niono", None, None)]


def test_a_dated_bare_link_over_a_teaser_is_furniture() -> None:
    """A related headline with its date and no summary is a link; the "Place : news" headline under
    it, with its summary, is the teaser (not the link's caption)."""
    page = """Burkina : un forage inauguré à Dori
02.12.2023
Le nouveau forage du secteur 4 de Dori a été mis en service vendredi en présence du haut-commissaire de la province du Séno.
Les habitants n'auront plus à parcourir trois kilomètres pour trouver de l'eau potable.
Suivez-nous sur Telegram
Burkina : la ligne aérienne Ouagadougou-Bobo bientôt rouverte ?
28/11/2023
Niger : Niamey reçoit un lot de vaccins contre la méningite
Les ministres de la santé ont signé jeudi un protocole portant sur la livraison de vaccins et la formation de médecins dans des universités partenaires…
"""
    assert summary(split(page)) == [
        ("full", "Burkina : un forage inauguré à Dori", "2023-12-02", None),
        ("teaser", "Niger : Niamey reçoit un lot de vaccins contre la méningite", None, None),
    ]


def test_relative_times_under_related_headlines_are_no_comments() -> None:
    page = """Diéma : les transporteurs suspendent leur grève
samedi, 22 mars 2025 08:40
Les transporteurs routiers de Diéma ont levé vendredi soir le mot d'ordre de grève qu'ils observaient depuis mardi.
Un accord a été trouvé avec le préfet du cercle lors d'une réunion de plus de quatre heures.
Autres articles
Nioro du Sahel : la foire aux moutons s'ouvre sous haute surveillance
il y a 2 jours
Les éleveurs venus de toute la région ont commencé à installer leurs troupeaux sur le site de la foire, où un dispositif de sécurité a été déployé…
"""
    assert summary(split(page)) == [
        ("full", "Diéma : les transporteurs suspendent leur grève", "2025-03-22T08:40", None),
        ("teaser", "Nioro du Sahel : la foire aux moutons s'ouvre sous haute surveillance", None, None),
    ]


def test_a_name_between_the_date_line_and_the_body_is_the_byline() -> None:
    page = """Kidal : la distribution d'eau reprend dans trois quartiers
Mis à jour le 03/02/2024 à 10h12
Rédaction
Après plus de dix jours de coupure, l'eau coule de nouveau dans les robinets de trois quartiers de Kidal.
Les techniciens ont remplacé la pompe principale de la station, endommagée par une surtension.
"""
    assert summary(split(page)) == [
        (
            "full",
            "Kidal : la distribution d'eau reprend dans trois quartiers",
            "2024-02-03T10:12",
            "Rédaction",
        )
    ]


def test_a_date_widget_over_the_masthead_is_not_the_articles_date() -> None:
    page = """14 mars 2024
OUAGA DIRECT
Actualité Politique Société Économie Régions Sport
Dédougou : le nouveau marché central ouvert aux commerçants
Par Salif OUÉDRAOGO
13 mars 2024
Les commerçants de Dédougou ont pris possession mercredi des boutiques du nouveau marché central.
Plus de six cents places ont été attribuées par tirage au sort.
"""
    assert summary(split(page)) == [
        (
            "full",
            "Dédougou : le nouveau marché central ouvert aux commerçants",
            "2024-03-13",
            "Salif OUÉDRAOGO",
        )
    ]


def test_a_digests_place_and_news_subheadings_stay_in_its_body() -> None:
    page = """Sahel : l'essentiel de la semaine
Mis en ligne le 17/04/2024 à 07h30
Notre sélection de la semaine, du mercredi 10 au mardi 16 avril.
Mali : les commerçants de Kati baissent le rideau
La semaine a commencé par une journée de grève au marché central de Kati.
Mali : la foire aux moutons de Nioro attire les éleveurs mauritaniens
Plusieurs milliers de têtes de bétail ont été présentées à la foire de Nioro du Sahel.
À SUIVRE LA SEMAINE PROCHAINE
– La rentrée des classes dans la région de Tillabéri, prévue le 22 avril.
"""
    articles = split(page)
    assert summary(articles) == [("full", "Sahel : l'essentiel de la semaine", "2024-04-17T07:30", None)]
    assert "Plusieurs milliers de têtes de bétail" in articles[0].body


@pytest.mark.parametrize(
    ("text", "person"),
    [("À SUIVRE LA SEMAINE PROCHAINE", False), ("Zeinabou A. SANI", True), ("Retour sur la semaine", False)],
)
def test_prepositions_are_in_no_ones_name(text: str, person: bool) -> None:
    assert is_person(text) is person


def test_the_title_stays_over_a_standfirst_of_the_same_shape() -> None:
    page = """Gaya : le pont emporté par la crue sera reconstruit
Publié le 20/03/2024 à 09:12
Reconstruction : le ministre de l'Équipement promet des travaux avant la saison des pluies.
Le ministre de l'Équipement s'est rendu mardi à Gaya, où une partie du pont s'est effondrée la semaine dernière sous la pression des eaux du fleuve.
Les travaux doivent commencer en avril, a-t-il annoncé devant les autorités de la commune.
"""
    assert summary(split(page)) == [
        ("full", "Gaya : le pont emporté par la crue sera reconstruit", "2024-03-20T09:12", None)
    ]


def test_an_image_line_of_a_cms_is_a_caption() -> None:
    assert classify_line("Engrais - Agence Nord, 1280, 02.12.2023")[0] is Line.CAPTION


def test_a_body_sentence_under_a_credit_is_no_caption() -> None:
    """With no blank line, the lines under a bare credit are its caption until a sentence of a body's
    length with a verb; a caption with a date is no date of the article."""
    page = """Gao : la route d'Ansongo rouverte à la circulation
Publié le 12 mars 2024
© Sahel Images
Gao, le 3 mars 2022 : des camions au poste de contrôle de la sortie sud de la ville
Les autorités régionales ont annoncé la réouverture de la route nationale entre Gao et Ansongo, fermée depuis deux semaines après l'explosion d'un engin.
Les transporteurs saluent la décision mais demandent des escortes régulières.
"""
    articles = split(page)
    assert summary(articles) == [
        ("full", "Gao : la route d'Ansongo rouverte à la circulation", "2024-03-12", None)
    ]
    assert articles[0].first_words.startswith("Les autorités régionales ont annoncé")
    assert "des camions au poste de contrôle" not in articles[0].body


def test_headlines_in_the_titles_style_are_the_next_items_not_subheadings() -> None:
    page = """LE RÉPUBLICAIN
Accueil | Politique | Société | Régions
SÉGOU : LES RIZICULTEURS DE L'OFFICE DU NIGER ATTENDENT LES ENGRAIS
Les exploitants des casiers de Niono et de Macina redoutent un retard de la campagne, faute d'engrais livrés à temps.
KOULIKORO : UN CENTRE DE SANTÉ INAUGURÉ À BANAMBA
Le nouveau centre de santé communautaire de Banamba a ouvert ses portes samedi en présence du gouverneur.
"""
    assert [a.title for a in split(page)] == [
        "SÉGOU : LES RIZICULTEURS DE L'OFFICE DU NIGER ATTENDENT LES ENGRAIS",
        "KOULIKORO : UN CENTRE DE SANTÉ INAUGURÉ À BANAMBA",
    ]


DIGEST = """Tillabéri, Dosso, Agadez : une semaine de tensions et d'annonces dans les régions

Mis en ligne le lundi 8 avril 2024

Chaque lundi, la rédaction revient sur les faits marquants des sept derniers jours dans les régions.

Tillabéri : les commerçants de Téra réclament la réouverture du marché à bétail fermé depuis janvier

Les commerçants de Téra ont manifesté jeudi devant la préfecture pour demander la réouverture du marché.

Dosso : le gouverneur inaugure une unité de transformation de manioc à Gaya en présence des coopératives

L'unité doit permettre aux femmes de la région de vendre une farine de meilleure qualité.
"""


def test_a_digests_long_subheadings_stay_in_its_body_and_a_wider_gap_opens_an_article() -> None:
    """Subheadings of the "Place : news" shape, however long, printed as far from the text above as
    its paragraphs are from each other, are a dated digest's; a wider gap sets the next article apart."""
    articles = split(DIGEST)
    assert [a.title for a in articles] == [
        "Tillabéri, Dosso, Agadez : une semaine de tensions et d'annonces dans les régions"
    ]
    assert "vendre une farine" in articles[0].body
    apart = DIGEST.replace(
        "\n\nDosso : le gouverneur", "\n\n\n\nDosso : le gouverneur"
    )  # three blank lines: another article
    assert [a.title for a in split(apart)][1:] == [
        "Dosso : le gouverneur inaugure une unité de transformation de manioc à Gaya en présence des coopératives"
    ]
