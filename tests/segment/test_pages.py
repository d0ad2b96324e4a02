"""Pages written for the test, one per layout class of issue 11: furniture, titles, teasers, dates."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from vigie.frdate import iso
from vigie.records import Article, RawDoc
from vigie.segment import Line, classify_line, split_articles


def split(text: str) -> list[Article]:
    return split_articles(RawDoc("page.txt", "page.txt", "0f0f", len(text), "utf-8", text))


def summary(articles: list[Article]) -> list[tuple[str, str | None, str | None, str]]:
    return [(a.kind, a.title, iso(a.published, a.published_month), a.first_words) for a in articles]


@pytest.mark.parametrize(
    "line",
    [
        "i24NEWS",
        "Accueil > Actu > Afrique",
        "News Région Article Région",
        "Nous utilisons des cookies pour améliorer votre expérience. [Accepter] [Paramétrer]",
        "Peut être une image de 4 personnes, estrade et texte",
        "© AFP par Souleymane Ag Anara",
        "AP Photo, File Illustration - Des soldats maliens à Gao",
        "top of page",
        "Apparence",
        "Comment",
        "Comment (4)",
        "Pour participer aux discussions, identifiez-vous",
        "Article réservé aux abonnés",
        "https://www.lequotidien.ml/securite/kidal-attaque-4512",
        "Céréales - Sputnik Afrique, 1920, 17.01.2024",
        "Moussa K. - il y a 2 jours",
        "Partager : Facebook | X | WhatsApp",
        "Politique | Economie | Société | Culture",
    ],
)
def test_furniture_is_never_a_headline_nor_a_body(line: str) -> None:
    assert classify_line(line)[0] not in (Line.HEADLINE, Line.PARAGRAPH), line


PAGE_WITH_FURNITURE = """i24NEWS
Accueil > Actu > Afrique
Nous utilisons des cookies pour améliorer votre expérience. [Accepter] [Paramétrer]

NIGER : DEUX SOLDATS TUÉS DANS UNE EMBUSCADE PRÈS DE TILLABÉRI

Le convoi escortait des camions de vivres vers le nord de la région

Niamey, 14 mai 2024 (AFP) - Deux soldats nigériens ont été tués lundi dans une embuscade tendue à un convoi qui escortait des camions de vivres, a annoncé l'armée.

AP Photo, File Illustration - Des soldats nigériens en patrouille

L'attaque s'est produite à une trentaine de kilomètres de Tillabéri, selon le communiqué lu à la télévision nationale.

Comment (4)
Moussa K. - il y a 2 jours
Paix à leurs âmes.
Pour participer aux discussions, identifiez-vous

LIRE AUSSI
Mali : la foire de Niono reprend
Burkina : les écoles rouvrent à Djibo
top of page
"""


def test_a_page_keeps_its_headline_standfirst_and_body_and_drops_its_furniture() -> None:
    """Site name, breadcrumb, cookies, caption, comments and bare related links are furniture; the
    title in capitals is the headline; the standfirst opens the body; the dateline dates it."""
    articles = split(PAGE_WITH_FURNITURE)
    assert summary(articles) == [
        (
            "full",
            "NIGER : DEUX SOLDATS TUÉS DANS UNE EMBUSCADE PRÈS DE TILLABÉRI",
            "2024-05-14",
            "Le convoi escortait des camions de vivres vers",
        )
    ]
    body = articles[0].body
    assert "AP Photo" not in body and "Paix à leurs âmes" not in body and "foire de Niono" not in body


DUMP = """Sahel Actu
Accueil | Sécurité | Politique | Économie

Mali : l'armée reprend le contrôle de Léré
Publié le 02.03.2024
Par Awa TRAORÉ

Les Forces armées maliennes ont repris vendredi le contrôle de Léré, dans le cercle de Niafunké.

Les unités ont été accueillies par la population, selon un élu local.

Awa TRAORÉ

À lire aussi
Tombouctou : les vols reprennent à l'aéroport
12/02/2024
Les vols commerciaux ont repris lundi entre Bamako et Tombouctou après deux semaines d'interruption, a annoncé la compagnie..
Ségou : la foire aux bestiaux rouverte
Kidal : une délégation gouvernementale attendue
Gao : trois civils tués par un engin explosif sur la route d’Ansongo
Trois civils ont été tués mardi par l'explosion d'un engin au passage de leur véhicule sur la route d'Ansongo…
"""


def test_teasers_have_a_summary_and_bare_links_are_furniture() -> None:
    articles = split(DUMP)
    assert summary(articles) == [
        ("full", "Mali : l'armée reprend le contrôle de Léré", "2024-03-02", "Les Forces armées maliennes ont repris vendredi le"),
        ("teaser", "Tombouctou : les vols reprennent à l'aéroport", "2024-02-12", "Les vols commerciaux ont repris lundi entre Bamako"),
        ("teaser", "Gao : trois civils tués par un engin explosif sur la route d’Ansongo", None, "Trois civils ont été tués mardi par l'explosion"),
    ]  # fmt: skip
    assert articles[0].author == "Awa TRAORÉ"


TITLE_TWICE = """Kidal : le camp d'Anéfis repris par l'armée…

Kidal : le camp d’Anéfis repris par l’armée après deux jours de combats

Mis à jour le 03/02/2024 à 10h12

L'armée a annoncé samedi avoir repris le camp d'Anéfis après deux jours de combats contre les rebelles.

Sur la route de Kidal

Les unités doivent poursuivre leur progression vers le nord, selon l'état-major.
"""


def test_a_title_printed_twice_is_one_and_a_subheading_stays_in_the_body() -> None:
    articles = split(TITLE_TWICE)
    assert summary(articles) == [
        (
            "full",
            "Kidal : le camp d’Anéfis repris par l’armée après deux jours de combats",
            "2024-02-03T10:12",
            "L'armée a annoncé samedi avoir repris le camp",
        )
    ]
    assert "Sur la route de Kidal" in articles[0].body


INLINE_LINK = """Ségou : un poste de gendarmerie attaqué à Dioro

Publié en janvier 2024

Un poste de gendarmerie a été attaqué dans la nuit à Dioro, a indiqué une source sécuritaire.

Lire aussi : Ségou : la campagne rizicole en bonne voie

Les assaillants ont incendié deux véhicules avant de se retirer vers le fleuve.

Voici le communiqué de la gendarmerie :

« Le poste a repoussé l'attaque sans perte en vie humaine. »
"""


def test_an_inline_link_and_a_quote_introduction_are_not_articles() -> None:
    articles = split(INLINE_LINK)
    assert summary(articles) == [
        (
            "full",
            "Ségou : un poste de gendarmerie attaqué à Dioro",
            None,  # "Publié en janvier 2024" prints a month only: no date (docs/segmentation.md, Conventions)
            "Un poste de gendarmerie a été attaqué dans",
        )
    ]
    assert "Les assaillants ont incendié deux véhicules" in articles[0].body
    assert "Voici le communiqué de la gendarmerie :" in articles[0].body


POSTS = """Sahel Info
Page · Média/actualités
Sahel Info
12 mars 2025 · 🌍
#Diplomatie Le Premier ministre a reçu mardi l'ambassadeur de Turquie, venu présenter les projets de coopération de son pays pour 2025 et 2026, ainsi que le programme de bourses.
Peut être une image de 3 personnes et table
👍 845   61 commentaires   33 partages
J'aime Commenter Partager
Sahel Info
9 mars 2025 · 🌍
#Visite Le ministre des Affaires étrangères est arrivé dimanche à Niamey pour une visite de travail de deux jours, au cours de laquelle il doit rencontrer… Voir plus
"""


def test_untitled_posts_take_their_date_and_lose_their_hashtags() -> None:
    articles = split(POSTS)
    assert summary(articles) == [
        ("teaser", None, "2025-03-12", "Le Premier ministre a reçu mardi l'ambassadeur de"),
        ("teaser", None, "2025-03-09", "Le ministre des Affaires étrangères est arrivé dimanche"),
    ]


WIDGET = """Lundi 4 mars 2024
Accueil | Politique | Sécurité | Société
Le Journal du Sahel

Diéma : les transporteurs suspendent leur grève

Les transporteurs de Diéma ont suspendu leur mot d'ordre de grève après une rencontre avec le préfet.
"""


def test_a_date_widget_among_the_menus_is_not_the_publication_date() -> None:
    assert summary(split(WIDGET)) == [
        ("full", "Diéma : les transporteurs suspendent leur grève", None, "Les transporteurs de Diéma ont suspendu leur mot")
    ]  # fmt: skip


def test_a_caption_with_a_date_does_not_date_the_article() -> None:
    page = (
        "Gao : le pont de Wabaria rouvert\n\nPublié le 05/06/2024\n\n"
        "© Studio Sahel - Le pont de Wabaria, le 2 juin 2024\n\n"
        "Le pont de Wabaria a été rouvert mercredi à la circulation après deux mois de travaux."
    )
    assert split(page)[0].published == date(2024, 6, 5)


def test_a_dateline_without_year_takes_the_page_year() -> None:
    page = (
        "Afrique du Sud : le président reçoit son homologue malien\n\n"
        "JOHANNESBURG, 22 août (Reuters) - Le président sud-africain a reçu mardi son homologue malien.\n\n"
        "© 2023 Reuters"
    )
    assert split(page)[0].published == date(2023, 8, 22)


def test_a_time_is_kept_with_its_date() -> None:
    page = "Niamey : la rentrée reportée\n\nsamedi, 22 mars 2025 08:40\n\nLa rentrée scolaire est reportée d'une semaine à Niamey."
    assert split(page)[0].published == datetime(2025, 3, 22, 8, 40)
