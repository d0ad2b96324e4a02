"""Line classes of issue 11 that the third batch of page layouts (tests/fixtures/pages3) brought in:
agency credits and datelines, today widgets, edition folios, live-blog times, readers' comments,
English and RSS date lines, double-spaced print views, long or exclaimed headlines, titles printed
twice, disclaimers. One short page written for each, in the style of the sites it imitates."""

from __future__ import annotations

import pytest

from vigie.frdate import iso
from vigie.records import Article, RawDoc
from vigie.segment import Line, classify_line, split_articles
from vigie.segment.shapes import has_finite_verb


def split(text: str) -> list[Article]:
    return split_articles(RawDoc("page.txt", "page.txt", "0f0f", len(text), "utf-8", text))


def summary(articles: list[Article]) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(a.kind, a.title, iso(a.published, a.published_month), a.author) for a in articles]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Par AFP", Line.BYLINE),  # a dispatch's credit: no author, and no end of the article
        ("Dépêches AFP", Line.RELATED),
        ("Related News", Line.RELATED),
        ("16:40", Line.FURNITURE),  # the time of a live blog's entry
        ("14h32", Line.FURNITURE),
        ("Réactions (12)", Line.COMMENTS),
        ("Copier le lien", Line.FURNITURE),
        ("Aujourd'hui : lundi 12 février 2024", Line.FURNITURE),
        ("X", Line.FURNITURE),
        ("Voir les 4 autres commentaires", Line.FURNITURE),
        ("Published on May 15, 2024 at 11:20", Line.DATE),
        ("Tue, 04 Jun 2024 08:30:00 +0000", Line.DATE),
        (
            "Les opinions exprimées dans les commentaires n'engagent que leurs auteurs et ne reflètent "
            "pas la position de la rédaction.",
            Line.FURNITURE,
        ),
        ("Suivez toute l'actualité de Sikasso sur notre chaîne WhatsApp", Line.FURNITURE),
    ],
)
def test_a_line_of_the_third_batch_has_its_class(line: str, kind: Line) -> None:
    assert classify_line(line)[0] is kind


@pytest.mark.parametrize(
    ("text", "finite"),
    [
        ("Le financement du gouvernement de transition", False),
        ("Un document sur le recrutement des enseignants", False),
        ("Le retrait du président et de son gouvernement", False),
        ("Un accident au moment du départ", False),
        ("Les habitants réclament le retour de l'armée", True),
        ("Les éleveurs affirment avoir perdu leur bétail", True),
        ("Les commerçants ferment leurs boutiques", True),
    ],
)
def test_nouns_in_ment_are_no_verbs(text: str, finite: bool) -> None:
    assert has_finite_verb(text) is finite


AGENCY_PAGE = """LeSahel24
Aujourd'hui : lundi 12 février 2024
Accueil > Afrique > Mali

Mali: au moins neuf civils tués dans l'attaque d'un convoi près de Ménaka
Par AFP
Publié le 12 février 2024 à 16h05 - Mis à jour le 12 février 2024 à 18h40
Des camions incendiés sur la route de Ménaka, le 3 janvier 2024. (Photo by STRINGER / AFP)
Ménaka (Mali), 12 fév 2024 (AFP) - Au moins neuf civils ont été tués dimanche dans l'attaque d'un convoi de camions sur l'axe reliant Ménaka à Anderamboukane, a-t-on appris lundi auprès d'élus locaux.
L'attaque n'avait pas été revendiquée lundi soir, selon un responsable local joint par téléphone.
bur-mk/lp/cls
Copier le lien

Dépêches AFP
Niger: la junte libère un ancien ministre détenu depuis juillet
Burkina: deux attaques font une vingtaine de morts dans le Nord
"""


def test_an_agency_credit_and_a_caption_leave_the_dispatch_whole() -> None:
    """'Par AFP' does not close the article; the caption is whole (it says what the photo shows), so
    the dateline and the body under it stay text; the agency's other headlines have no summary."""
    articles = split(AGENCY_PAGE)
    assert summary(articles) == [
        (
            "full",
            "Mali: au moins neuf civils tués dans l'attaque d'un convoi près de Ménaka",
            "2024-02-12T16:05",
            None,
        )
    ]
    assert articles[0].body.startswith("Ménaka (Mali), 12 fév 2024 (AFP) - Au moins neuf civils")
    assert articles[0].body.endswith("joint par téléphone.")


WIRE_FRONT = """APA News - Agence de Presse Africaine
Dernières dépêches
Vendredi 24 novembre 2023

Mali : la Minusma achève son retrait du camp de Tessalit
Tessalit (Mali), 22 novembre 2023 (APA) - La Mission des Nations unies au Mali a remis mardi aux autorités maliennes son camp de Tessalit, dans la région de Kidal, dans le cadre de son…
Lire la suite

Niger : Niamey et Ouagadougou signent un accord sur le transport de marchandises
NIAMEY, 21 nov (APA) - Les ministres des Transports du Niger et du Burkina Faso ont signé ce mardi à Niamey un protocole d'accord visant à faciliter le transit des camions entre les deux pays..
Lire la suite

Tchad : le gouvernement lance une campagne de vaccination contre la rougeole
Lire la suite
© 2023 APA News. Tous droits réservés.
"""


def test_a_today_widget_is_no_date_of_the_dispatches_under_it() -> None:
    """Each dispatch is dated by its own dateline (the year of "21 nov" from the page), not by the
    date of the day printed above them; a headline without summary is a link."""
    assert summary(split(WIRE_FRONT)) == [
        ("teaser", "Mali : la Minusma achève son retrait du camp de Tessalit", "2023-11-22", None),
        (
            "teaser",
            "Niger : Niamey et Ouagadougou signent un accord sur le transport de marchandises",
            "2023-11-21",
            None,
        ),
    ]


MAGAZINE = """SAHEL MAGAZINE
Le mensuel de l'actualité sahélienne
Février 2024 | N° 118

Dossier
Transhumance : l’accord transfrontalier entre le Mali et le Niger à l’épreuve de l’insécurité
Par Mariam DEMBÉLÉ
Publié en février 2024
Transhumance : l'accord transfrontalier entre le Mali et le Niger à l'épreuve de l'insécurité
Chaque année, à la fin de la saison des pluies, des milliers de troupeaux quittent les pâturages du Gourma malien pour ceux de la région de Tillabéri, au Niger.
Depuis 2020, ces couloirs traversent des zones où les groupes armés imposent leurs propres règles.
Mariam DEMBÉLÉ
"""


def test_an_edition_folio_anchors_no_headline_and_a_month_is_a_month() -> None:
    """'Février 2024 | N° 118' dates the issue: the slogan above it is no title; the title printed
    twice with other apostrophes is one article, dated by its month."""
    assert summary(split(MAGAZINE)) == [
        (
            "full",
            "Transhumance : l'accord transfrontalier entre le Mali et le Niger à l'épreuve de l'insécurité",
            "2024-02",
            "Mariam DEMBÉLÉ",
        )
    ]


LIVE_WITH_COMMENTS = """LIVE
Tentative de coup d'État au Niger : suivez la situation à Niamey en direct
Mis à jour le 27/07/2023 à 16h40
Par Issoufou A. MAHAMADOU
Des éléments de la garde présidentielle retiennent depuis mercredi matin le président dans sa résidence.
16:40
Les chefs d'état-major annoncent leur ralliement
Dans un communiqué lu à la télévision nationale, l'état-major des armées déclare souscrire à la déclaration des militaires.
11:02
L'Union africaine condamne
La Commission de l'Union africaine a condamné la tentative de coup d'État et exigé le retour des militaires dans leurs casernes.

Sur le même sujet
CEDEAO : un sommet extraordinaire convoqué à Abuja

Réactions (12)
Bakary Sissoko
27 juillet 2023 à 17 h 05
Que Dieu protège le Niger et ses enfants, il faut que tous les acteurs privilégient le dialogue pour éviter un bain de sang dans notre pays.
Répondre
Un citoyen
27/07/2023 17:15
Nous demandons à tous les acteurs de privilégier le dialogue.
Répondre
"""


def test_a_live_blog_is_one_article_and_readers_comments_are_none() -> None:
    """Entry times are furniture and the entries' headings subheadings; a reader's name over a dated
    comment opens no article."""
    articles = split(LIVE_WITH_COMMENTS)
    assert summary(articles) == [
        (
            "full",
            "Tentative de coup d'État au Niger : suivez la situation à Niamey en direct",
            "2023-07-27T16:40",
            "Issoufou A. MAHAMADOU",
        )
    ]
    assert "L'Union africaine condamne\n\nLa Commission" in articles[0].body
    assert "16:40" not in articles[0].body and "Sissoko" not in articles[0].body


ENGLISH_AND_RSS = """Burkina: army neutralises dozens of terrorists near Fada N'Gourma
Published on May 15, 2024 at 11:20
Fada N'Gourma, May 14, 2024 (AIB) – Units of the Burkina Faso armed forces neutralised dozens of terrorists on Monday south of Fada N'Gourma, according to a security source.
The regional governor praised the courage of the soldiers who took part in the operation.
KT/ak
Related News
Kaya: humanitarian convoy reaches Djibo
May 10, 2024
Leave a Reply

Ségou : les FAMa repoussent une attaque contre le poste de Diabaly
https://malijet.com/actualite/securite/diabaly-attaque-repoussee
Tue, 04 Jun 2024 08:30:00 +0000
Le poste de sécurité de Diabaly a été la cible, dans la nuit de lundi à mardi, d'une attaque repoussée par les Forces armées maliennes, selon l'état-major [...]
"""


def test_english_and_rss_date_lines_date_their_items() -> None:
    """'Published on … at 11:20' dates the article (not the dateline's day before); a related
    headline with only its date is a link; an RSS item's summary cut with '[...]' is a teaser."""
    assert summary(split(ENGLISH_AND_RSS)) == [
        (
            "full",
            "Burkina: army neutralises dozens of terrorists near Fada N'Gourma",
            "2024-05-15T11:20",
            None,
        ),
        (
            "teaser",
            "Ségou : les FAMa repoussent une attaque contre le poste de Diabaly",
            "2024-06-04T08:30",
            None,
        ),
    ]


PRINT_VIEW = """Version à imprimer



TILLABÉRI : LES ÉLEVEURS DE BANIBANGOU

DEMANDENT LE RETOUR DES FORCES DE DÉFENSE



Publié le 30 janvier 2024 par Ousmane S. MAÏGA



Réunis samedi en assemblée générale à Banibangou, les éleveurs

de la commune ont demandé aux autorités le retour d'une unité des

forces de défense et de sécurité dans la zone, après une série de

vols de bétail.



Le préfet de Banibangou a promis de transmettre les doléances des

éleveurs au gouverneur de la région de Tillabéri.



Ousmane S. MAÏGA
"""


def test_a_double_spaced_print_view_is_read_as_paragraphs() -> None:
    """One blank line between the lines of a paragraph, more between paragraphs: the headline in
    capitals over two lines is one title, each paragraph one body paragraph."""
    articles = split(PRINT_VIEW)
    assert summary(articles) == [
        (
            "full",
            "TILLABÉRI : LES ÉLEVEURS DE BANIBANGOU DEMANDENT LE RETOUR DES FORCES DE DÉFENSE",
            "2024-01-30",
            "Ousmane S. MAÏGA",
        )
    ]
    assert len(articles[0].spans) == 2
    assert articles[0].first_words == "Réunis samedi en assemblée générale à Banibangou, les"


HEADLINES = """Le Mali, le Burkina Faso et le Niger annoncent ensemble leur retrait immédiat de la Communauté économique des États de l'Afrique de l'Ouest après des mois de tensions
Publié le 28 janvier 2024
Les trois pays ont annoncé dimanche leur retrait de la Cédéao dans un communiqué conjoint lu à la télévision.
Ils accusent l'organisation d'être instrumentalisée par des puissances étrangères.
Seydou TRAORÉ

Kidal : l'armée malienne est de retour !
Publié le 14 novembre 2023
Les forces armées maliennes sont entrées mardi dans la ville de Kidal, selon l'état-major.
Le drapeau national a été hissé sur le camp.
Aminata DIALLO

BAMAKO : LA POLICE INTERPELLE TROIS PRÉSUMÉS TRAFIQUANTS DE DROGUE
Bamako : la police interpelle trois présumés trafiquants…
Mis à jour le 03/02/2024 à 10h12
Les éléments du commissariat du 7e arrondissement ont interpellé jeudi trois individus soupçonnés de trafic de drogue.
Les suspects ont été déférés devant le procureur.
Les opinions exprimées dans les commentaires n'engagent que leurs auteurs et ne reflètent pas la position de la rédaction, qui se réserve le droit de les modérer.

Sécurité
Mali : l'armée reprend le contrôle de la ville de Léré.
Publié le 2 février 2024
Par Oumar KONATÉ
Les Forces armées maliennes ont repris jeudi le contrôle de la ville de Léré, après deux jours de combats.
Les habitants ont commencé à regagner leurs maisons vendredi matin.
"""


def test_long_exclaimed_and_reprinted_headlines() -> None:
    """Over its publication line, a headline of 27 words without ' : ', one that ends with '!', or a
    short one closed by a period, is the title; a title printed again cut with '…' keeps its whole
    printing; a disclaimer is no teaser."""
    assert [(a.kind, a.title) for a in split(HEADLINES)] == [
        (
            "full",
            "Le Mali, le Burkina Faso et le Niger annoncent ensemble leur retrait immédiat de la Communauté "
            "économique des États de l'Afrique de l'Ouest après des mois de tensions",
        ),
        ("full", "Kidal : l'armée malienne est de retour !"),
        ("full", "BAMAKO : LA POLICE INTERPELLE TROIS PRÉSUMÉS TRAFIQUANTS DE DROGUE"),
        ("full", "Mali : l'armée reprend le contrôle de la ville de Léré."),
    ]


WHOLE_CAPTION = """Dosso : la crue du fleuve emporte une partie du pont de Gaya
Mis à jour le 19/03/2024 à 18h12
Le pont de Gaya, le 18 mars 2024, après le passage des eaux (Photo ActuNiger)
Une partie du pont reliant la ville de Gaya au quartier de Tounga s'est effondrée lundi soir sous la pression des eaux du fleuve Niger.
Aucune victime n'a été signalée, mais plusieurs dizaines de commerçants se retrouvent bloqués sur l'autre rive.
La Rédaction
"""


def test_a_caption_that_says_what_the_photo_shows_takes_no_line_under_it() -> None:
    articles = split(WHOLE_CAPTION)
    assert summary(articles) == [
        (
            "full",
            "Dosso : la crue du fleuve emporte une partie du pont de Gaya",
            "2024-03-19T18:12",
            "La Rédaction",
        )
    ]
    assert articles[0].first_words == "Une partie du pont reliant la ville de"


HEADLINE_OVER_BREADCRUMB = """Sahel Info
Mali : le gouvernement annonce la réouverture des écoles fermées dans le centre
Accueil > Actualités > Société
Rentrée scolaire 2024
Publié le 3 octobre 2024
Le gouvernement a annoncé mercredi la réouverture de plusieurs centaines d'écoles fermées depuis des années dans le centre du pays.
La mesure concerne notamment les régions de Mopti, Ségou et Bandiagara.
"""


def test_a_headline_over_a_breadcrumb_is_no_masthead() -> None:
    """A line above the menu is the site's masthead only when short and without the "Place : news"
    shape; the kicker under the breadcrumb is no title."""
    assert summary(split(HEADLINE_OVER_BREADCRUMB)) == [
        (
            "full",
            "Mali : le gouvernement annonce la réouverture des écoles fermées dans le centre",
            "2024-10-03",
            None,
        )
    ]
