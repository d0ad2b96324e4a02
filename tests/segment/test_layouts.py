"""Page layouts the first rules were not written against: hard-wrapped and PDF text, a newspaper's
folio, boxes that are no article, credits and bylines, interviews, communiqués, dossiers, English
WordPress furniture, <title> lines. One short page written for each mechanism."""

from __future__ import annotations

from datetime import date, datetime

from vigie.frdate import iso
from vigie.records import Article, RawDoc
from vigie.segment import Line, classify_line, split_articles
from vigie.segment.wrap import logical_lines, physical_lines


def split(text: str) -> list[Article]:
    return split_articles(RawDoc("page.txt", "page.txt", "0f0f", len(text), "utf-8", text))


def summary(articles: list[Article]) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(a.kind, a.title, iso(a.published, a.published_month), a.author) for a in articles]


PDF_PAGE = """L'ESSOR N°20118 du 9 mars 2023 Page 7
RÉGIONS
SÉCURITÉ
SÉGOU : LES FAMa SÉCURISENT LA
FOIRE HEBDOMADAIRE DE DIOURA
Les éléments du poste de sécurité de Dioura
ont effectué, samedi dernier, une patrouille
de sécurisation de la foire hebdomadaire, à
la demande des commerçants de la localité.
Selon le chef de poste, aucun incident n'a
été signalé pendant la journée, et les com-
merçants venus de Macina et de Ténenkou ont
pu écouler leurs marchandises sans crainte.
Drissa S. KANTÉ
AVIS DE PERTE
Il est porté à la connaissance du public la
perte d'une carte d'identité nationale au nom
de M. Bakary Coulibaly. Prière à toute personne
l'ayant retrouvée de la déposer à la mairie.
FAITS DIVERS
SAN : UN RÉSEAU DE FAUSSAIRES
DÉMANTELÉ PAR LA POLICE
Le commissariat de police de San a mis la main,
jeudi, sur trois individus soupçonnés de
fabriquer de faux actes de naissance et de faux
certificats de nationalité.
Awa TRAORÉ
www.essor.ml L'ESSOR N°20118 du 9 mars 2023 Page 7
"""


def test_a_pdf_page_joins_its_column_lines_and_its_headlines_in_capitals() -> None:
    """46-character columns: a paragraph is one body line, a headline over two lines is one title,
    rubrics stay apart; words cut with a hyphen are whole in the text read."""
    lines = logical_lines(
        physical_lines(PDF_PAGE), lambda text: text in {"RÉGIONS", "SÉCURITÉ", "FAITS DIVERS"}
    )
    texts = [line.text for line in lines]
    assert texts[:4] == [
        "L'ESSOR N°20118 du 9 mars 2023 Page 7",
        "RÉGIONS",
        "SÉCURITÉ",
        "SÉGOU : LES FAMa SÉCURISENT LA FOIRE HEBDOMADAIRE DE DIOURA",
    ]
    assert texts[4].startswith("Les éléments du poste de sécurité de Dioura ont effectué, samedi dernier,")
    assert "les commerçants venus de Macina" in texts[5]
    assert texts[6] == "Drissa S. KANTÉ"


def test_a_one_line_per_paragraph_dump_is_left_as_it_is() -> None:
    text = "Kidal : un convoi visé\nUn convoi a sauté sur une mine.\nle bilan reste inconnu"
    assert [line.text for line in logical_lines(physical_lines(text), lambda _: False)] == text.split("\n")


def test_a_newspaper_folio_dates_the_articles_of_its_page() -> None:
    """The folio "L'ESSOR N°20118 du 9 mars 2023 Page 7" is the only date; a classified
    ("AVIS DE PERTE") is no article; the rubric "FAITS DIVERS" opens the next one."""
    articles = split(PDF_PAGE)
    assert summary(articles) == [
        (
            "full",
            "SÉGOU : LES FAMa SÉCURISENT LA FOIRE HEBDOMADAIRE DE DIOURA",
            "2023-03-09",
            "Drissa S. KANTÉ",
        ),
        ("full", "SAN : UN RÉSEAU DE FAUSSAIRES DÉMANTELÉ PAR LA POLICE", "2023-03-09", "Awa TRAORÉ"),
    ]
    assert articles[0].body.startswith("Les éléments du poste de sécurité de Dioura\nont effectué")
    assert all("carte d'identité" not in a.body for a in articles)


WRAPPED_EDITION = """LE RÉPUBLICAIN - Quotidien indépendant
Édition du mardi 11 février 2025 - Version texte
[Accueil] [Politique] [Société] [Sport] [Archives]

DIPLOMATIE

Niamey : le Niger et le Tchad signent un accord de coopération militaire
Par Ousmane H. MAÏGA
Les ministres de la Défense du Niger et du Tchad ont signé lundi à Niamey
un accord de coopération militaire qui prévoit des patrouilles conjointes
le long de leur frontière commune et des échanges de renseignements.

« Nos deux armées font face aux mêmes menaces », a déclaré le ministre
nigérien devant la presse, au terme d'une séance de travail de deux jours.

O.H.M.

Dans la même rubrique :
- Dakar : une mission de l'AES attendue la semaine prochaine
- Bamako : ouverture du salon de l'agriculture
"""


def test_a_text_edition_wrapped_at_75_characters() -> None:
    """Paragraphs over several lines with blank lines between them; a bracketed menu; the edition's
    date; the initials "O.H.M." sign the article, and the list after them is links, not body."""
    articles = split(WRAPPED_EDITION)
    assert summary(articles) == [
        (
            "full",
            "Niamey : le Niger et le Tchad signent un accord de coopération militaire",
            "2025-02-11",
            "Ousmane H. MAÏGA",
        )
    ]
    assert articles[0].body.split("\n\n")[0] == (
        "Les ministres de la Défense du Niger et du Tchad ont signé lundi à Niamey\n"
        "un accord de coopération militaire qui prévoit des patrouilles conjointes\n"
        "le long de leur frontière commune et des échanges de renseignements."
    )
    assert articles[0].body.endswith("au terme d'une séance de travail de deux jours.")
    assert classify_line("[Accueil] [Politique] [Société] [Sport] [Archives]")[0] is Line.NAV
    assert classify_line("O.H.M.")[0] is Line.SIGNATURE


AUTHOR_BOX = """Politique

Tillabéri : le gouverneur installe les nouveaux préfets
Publié le 3 mai 2024 | Par Zeinabou A. SANI
Le gouverneur de la région de Tillabéri a installé jeudi les préfets de quatre départements, nommés en conseil des ministres le mois dernier.
Il leur a demandé de faire de la sécurité des populations et du retour des déplacés leur priorité.
Zeinabou A. SANI

À propos de l'auteur
Zeinabou A. SANI
Journaliste depuis 2012, Zeinabou A. Sani a travaillé à la radio nationale avant de rejoindre la rédaction, où elle suit les questions de gouvernance locale, de décentralisation et de sécurité dans l'ouest du pays.
Voir tous ses articles

Newsletter
«Afrique»
L'essentiel de l'actualité du continent, chaque matin.

Du même auteur
Dosso : la foire régionale rouvre ses portes
28/04/2024
Après deux ans d'interruption, la foire régionale de Dosso a rouvert samedi en présence de nombreux exposants venus de tout le pays…
"""


def test_an_author_box_and_a_newsletter_box_are_no_articles() -> None:
    """ "À propos de l'auteur" and "Newsletter" open boxes whose text is no article; "Du même auteur"
    lists teasers after them."""
    assert summary(split(AUTHOR_BOX)) == [
        ("full", "Tillabéri : le gouverneur installe les nouveaux préfets", "2024-05-03", "Zeinabou A. SANI"),
        ("teaser", "Dosso : la foire régionale rouvre ses portes", "2024-04-28", None),
    ]
    assert classify_line("À propos de l'auteur")[0] is Line.ASIDE


AGENCY_CREDIT = """Monde
Afrique
Burkina : deux gendarmes tués dans une embuscade près de Djibo
Les assaillants ont visé une patrouille qui escortait des camions de vivres vers la ville, sous blocus depuis des mois.
AFP
Publié le 12.06.2024 à 09h05
DJIBO, 12 juin (AFP) — Deux gendarmes ont été tués mardi dans une embuscade tendue à une patrouille près de Djibo, a-t-on appris de sources sécuritaires.
Un troisième gendarme a été blessé et évacué vers Ouagadougou, selon les mêmes sources.
L'attaque n'a pas été revendiquée.
pid/sba
AFP
"""


def test_an_agency_credit_over_the_date_line_does_not_end_the_article() -> None:
    """ "AFP" between the standfirst and "Publié le …" credits the article; the body follows."""
    articles = split(AGENCY_CREDIT)
    assert summary(articles) == [
        ("full", "Burkina : deux gendarmes tués dans une embuscade près de Djibo", "2024-06-12T09:05", None)
    ]
    assert articles[0].body.endswith("L'attaque n'a pas été revendiquée.")


INTERVIEW = """ENTRETIEN

Aminata Dicko, maire de Boni : « Les commerçants ne veulent plus prendre la route »
Six mois après la dernière attaque contre un convoi, la commune vit au rythme des escortes. Sa maire raconte les difficultés du ravitaillement et les attentes des habitants.
Publié le lundi 8 juillet 2024
Propos recueillis par Modibo K. TANGARA

LE JOURNAL : Comment se passe le ravitaillement de Boni depuis le début de l'année ?
Aminata Dicko : Difficilement. Les camions ne circulent qu'avec l'escorte de l'armée, une fois par semaine, et les prix ont doublé au marché.

LE JOURNAL : Qu'attendez-vous des autorités pour les semaines à venir ?
Aminata Dicko : Que la route nationale soit sécurisée de façon durable, pour que les commerçants reviennent et que les écoles rouvrent.
"""


def test_an_interview_keeps_its_questions_in_the_body() -> None:
    """Questions "LE JOURNAL : … ?" are the interview's text, not headlines of other articles;
    "Propos recueillis par" names the author."""
    articles = split(INTERVIEW)
    assert summary(articles) == [
        (
            "full",
            "Aminata Dicko, maire de Boni : « Les commerçants ne veulent plus prendre la route »",
            "2024-07-08",
            "Modibo K. TANGARA",
        )
    ]
    assert "LE JOURNAL : Qu'attendez-vous des autorités pour les semaines à venir ?" in articles[0].body


COMMUNIQUE = """MINISTÈRE DES AFFAIRES ÉTRANGÈRES - Burkina Faso
La Patrie ou la Mort, nous vaincrons
Accueil   Le Ministère   Actualités   Communiqués   Contact
Accueil / Communiqués / Communiqué relatif à la fermeture de la frontière avec le Bénin

Communiqué relatif à la fermeture de la frontière avec le Bénin
Publié le 14 mars 2024 à 18h00 | Catégorie : Communiqués | 1 204 vues
Le communiqué ci-dessous a été publié à l'issue du Conseil des ministres.
COMMUNIQUÉ RELATIF À LA FERMETURE
1. Le Gouvernement informe l'opinion nationale de la fermeture temporaire de la frontière terrestre avec le Bénin.
2. Cette mesure prend effet à compter du vendredi 15 mars 2024 à zéro heure.
Ouagadougou, le 14 mars 2024
Le Ministre des Affaires étrangères,
Karamoko J. M. TRAORÉ
"""


def test_a_communique_under_a_masthead_and_its_signatory() -> None:
    """The masthead and motto over the menu are furniture; a heading that is only the beginning of
    the title stays in the body; "Ouagadougou, le 14 mars 2024" closes the text, and the signatory
    under it is no author."""
    articles = split(COMMUNIQUE)
    assert summary(articles) == [
        (
            "full",
            "Communiqué relatif à la fermeture de la frontière avec le Bénin",
            "2024-03-14T18:00",
            None,
        )
    ]
    assert articles[0].body.split("\n\n")[1] == "COMMUNIQUÉ RELATIF À LA FERMETURE"
    assert articles[0].body.endswith("Le Ministre des Affaires étrangères,")
    assert "Ouagadougou, le 14 mars 2024" in articles[0].body


DOSSIER = """DOSSIER

Centre du Mali : dans le cercle de Bankass, les champs restent en friche faute de sécurité
À l'approche de l'hivernage, des milliers de cultivateurs hésitent à regagner leurs terres.
Par Hawa S. DEMBÉLÉ | 2 juin 2024 | Temps de lecture : 5 min
Dans plusieurs villages du cercle, les paysans n'ont pas semé depuis deux ans, de peur des groupes armés qui rôdent autour des champs.
Des villages entiers vidés de leurs habitants, des greniers brûlés et des troupeaux emportés par des hommes armés
Les sources locales dressent un bilan lourd des derniers mois, village par village.
« Nous vivons au jour le jour, sans savoir si nous pourrons récolter »
« Nous vivons au jour le jour, sans savoir si nous pourrons récolter », confie un cultivateur de Ségué.
Hawa S. DEMBÉLÉ
"""


def test_a_dossier_keeps_its_long_subheadings_and_drops_its_pull_quotes() -> None:
    """A subheading of 18 words inside a body that has gone on is the body's; a quote printed large
    beside the paragraph that says it is not printed twice."""
    articles = split(DOSSIER)
    assert summary(articles) == [
        (
            "full",
            "Centre du Mali : dans le cercle de Bankass, les champs restent en friche faute de sécurité",
            "2024-06-02",
            "Hawa S. DEMBÉLÉ",
        )
    ]
    paragraphs = articles[0].body.split("\n\n")
    assert paragraphs[2].startswith("Des villages entiers vidés de leurs habitants")
    assert paragraphs[-1].startswith(
        "« Nous vivons au jour le jour, sans savoir si nous pourrons récolter », confie"
    )
    assert len(paragraphs) == 5


ENGLISH_WORDPRESS = """THE NIGER DELTA TIMES
Home  News  Politics  Security  Édition française  Contact Us
Search for:
Breaking News: Senate confirms new service chiefs
Home » Édition française » Afrique de l'Ouest
Bénin-Niger : les deux pays rouvrent le corridor de Malanville
Posted on March 4, 2025 by Editor
0 Comments
Share
Tweet
Les autorités du Bénin et du Niger ont annoncé lundi la réouverture du corridor routier de Malanville, fermé depuis plusieurs mois.
Les transporteurs attendaient cette décision pour écouler les marchandises bloquées au port de Cotonou.
Share this:
Like this:
Like Loading...
Categories: Édition française, Business
Related Posts
Lagos port congestion eases as new terminal opens
March 3, 2025
Leave a Reply
Your email address will not be published. Required fields are marked *
Post Comment
"""


def test_an_english_language_site_around_a_french_article() -> None:
    """WordPress's English strings are furniture; "Posted on March 4, 2025 by Editor" gives the date
    and the author; "Related Posts" and "Leave a Reply" end the article."""
    articles = split(ENGLISH_WORDPRESS)
    assert summary(articles) == [
        ("full", "Bénin-Niger : les deux pays rouvrent le corridor de Malanville", "2025-03-04", "Editor")
    ]
    assert articles[0].body.endswith("bloquées au port de Cotonou.")


def test_publication_lines_in_other_forms() -> None:
    kind, _ = classify_line("Posté le : mars 4, 2025 | Par : Adama T. DIARRA | Catégorie : Culture | 87 vues")
    assert kind is Line.DATE
    assert classify_line("Mis à jour il y a 3 heures")[0] is Line.FURNITURE  # no date: not a comment's
    assert classify_line("Propos recueillis par Modibo K. TANGARA") == (Line.BYLINE, "Modibo K. TANGARA")
    assert classify_line("Par la rédaction de Sahelinfo.net") == (
        Line.BYLINE,
        "la rédaction de Sahelinfo.net",
    )
    assert classify_line("Posté par Kouka, le 24 avril 2023 à 12:03")[0] is Line.COMMENTS


FRONT_PAGE = """À LA UNE

Mopti : les pêcheurs de Konna reprennent le chemin du fleuve
© Journal / Archives
Après plusieurs semaines d'arrêt, les pêcheurs de Konna ont repris leurs activités sous la protection des forces de défense, selon les notables de la localité joints au…
Lire la suite

Kayes : la route de Diéma bientôt réhabilitée
14 mai 2024
Les travaux de réhabilitation du tronçon Kayes-Diéma, long de 140 kilomètres, démarreront en juin, a annoncé le ministre des Transports lors d'une visite sur les…
Lire la suite
"""


def test_a_summary_cut_short_under_a_photo_credit_is_no_caption() -> None:
    assert summary(split(FRONT_PAGE)) == [
        ("teaser", "Mopti : les pêcheurs de Konna reprennent le chemin du fleuve", None, None),
        ("teaser", "Kayes : la route de Diéma bientôt réhabilitée", "2024-05-14", None),
    ]


TITLE_LINE = """Ségou : les riziculteurs de l'Office du Niger réclament des engrais - Ségou Matin
Ségou Matin
Aller au contenu
Menu
Accueil
Régions
Niono
Macina
Accueil › Régions › Ségou : les riziculteurs de l'Office du Niger réclament des engrais
vendredi 5 juillet 2024 · Rédaction · 3 min
Les riziculteurs de la zone Office du Niger ont manifesté jeudi devant le siège de l'Office, à Ségou, pour réclamer la livraison des engrais subventionnés promis pour la campagne.
Les responsables de l'Office ont promis une première livraison avant la fin du mois.
Ségou Matin | Ségou : les riziculteurs de l'Office du Niger réclament des engrais
Articles similaires
Niono : la campagne rizicole lancée
"""


def test_a_title_printed_only_with_the_site_name() -> None:
    """The first line, as a <title>: the headline without " - Ségou Matin", the site's name that the
    page prints alone; the menu items one per line are not titles."""
    assert summary(split(TITLE_LINE)) == [
        (
            "full",
            "Ségou : les riziculteurs de l'Office du Niger réclament des engrais",
            "2024-07-05",
            "Rédaction",
        )
    ]


def test_dates_printed_in_english() -> None:
    articles = split(ENGLISH_WORDPRESS)
    assert articles[0].published == date(2025, 3, 4)
    assert split(AGENCY_CREDIT)[0].published == datetime(2024, 6, 12, 9, 5)


QUESTION_HEADLINES = """Mali : faut-il craindre une nouvelle pénurie de carburant à Bamako ?
Les files d'attente se sont de nouveau allongées devant les stations-service de la capitale, où les citernes arrivent au compte-gouttes depuis une semaine.
Mali : les écoles du Centre rouvriront-elles à la rentrée d'octobre ?
Le ministère de l'Éducation nationale assure que la plupart des établissements fermés pour raisons de sécurité seront rouverts dans les cercles de Bandiagara et de Bankass.
"""


def test_headlines_that_ask_a_question_are_not_an_interview() -> None:
    """Two questions with the same "Mali :" but no answers opened by another speaker: two items."""
    assert [a.title for a in split(QUESTION_HEADLINES)] == [
        "Mali : faut-il craindre une nouvelle pénurie de carburant à Bamako ?",
        "Mali : les écoles du Centre rouvriront-elles à la rentrée d'octobre ?",
    ]


COMMENTED = """Kayes : la crue du fleuve Sénégal inonde plusieurs quartiers
Publié le 2 septembre 2024
La montée des eaux du fleuve Sénégal a inondé depuis dimanche plusieurs quartiers de Kayes, obligeant des centaines de familles à quitter leurs maisons.
Les services de la protection civile ont installé des sites d'hébergement provisoires dans deux écoles de la ville.
Commentaires (4)
Moussa K. - il y a 2 jours
courage aux sinistrés de kayes
Awa D. - il y a 2 jours
que dieu nous protège
Bouba - il y a 3 jours
il faut curer les caniveaux avant chaque hivernage
Fanta - il y a 3 jours
merci pour l'information
"""


def test_comments_in_lower_case_do_not_make_a_page_hard_wrapped() -> None:
    """Readers' lines in lower case under their names are not a column cut at its width."""
    texts = [line.text for line in logical_lines(physical_lines(COMMENTED), lambda _: False)]
    assert "courage aux sinistrés de kayes" in texts
    assert [a.title for a in split(COMMENTED)] == [
        "Kayes : la crue du fleuve Sénégal inonde plusieurs quartiers"
    ]


BOX_THEN_LISTING = """Gao : le pont de Wabaria rouvert à la circulation
Publié le 6 novembre 2024
Le pont de Wabaria, fermé depuis deux semaines pour des travaux de réfection, a été rouvert mardi à la circulation des véhicules légers.
Les camions de plus de vingt tonnes devront encore attendre la fin du mois, selon la direction régionale des routes.
Bakary S. MAÏGA
Newsletter
«Régions»
Chaque vendredi, l'actualité des régions.
Ménaka : les éleveurs réclament la réouverture du marché à bétail
Fermé depuis l'attaque de septembre, le marché à bétail de Ménaka prive les éleveurs de la région de leur principal débouché, selon leur association, qui a saisi le gouverneur…
"""


def test_a_box_ends_where_a_teaser_begins() -> None:
    """The newsletter box (its name, its blurb) is no article; a headline with a summary cut short
    after it is a teaser again."""
    assert summary(split(BOX_THEN_LISTING)) == [
        ("full", "Gao : le pont de Wabaria rouvert à la circulation", "2024-11-06", "Bakary S. MAÏGA"),
        ("teaser", "Ménaka : les éleveurs réclament la réouverture du marché à bétail", None, None),
    ]


SYNDICATED = """Burkina Faso: la SONABEL annonce des délestages à Ouagadougou
Le Pays (Ouagadougou)
12/05/2024
Par Idrissa T. OUÉDRAOGO
La Société nationale d'électricité du Burkina a annoncé samedi des coupures programmées dans plusieurs quartiers de la capitale, en raison de la hausse de la demande.
Les délestages dureront jusqu'à la fin de la saison chaude, selon la direction générale.
Copyright © 2024 Le Pays. Tous droits réservés.
Plus de: Burkina Faso
Burkina Faso: reprise des cours dans les écoles de Djibo
11/05/2024
Les écoles de Djibo, fermées depuis un an, ont rouvert leurs portes jeudi, ont annoncé les autorités régionales de l'éducation.
"""


def test_a_copyright_notice_is_no_photo_credit_and_opens_no_caption() -> None:
    """ "Copyright © 2024 …" is furniture; the headline under "Plus de: Burkina Faso" is a teaser's."""
    assert classify_line("Copyright © 2024 Le Pays. Tous droits réservés.")[0] is Line.FURNITURE
    assert classify_line("© Malijet / Archives DIRPA")[0] is Line.CAPTION
    assert classify_line("Plus de: Burkina Faso")[0] is Line.RELATED
    assert summary(split(SYNDICATED)) == [
        (
            "full",
            "Burkina Faso: la SONABEL annonce des délestages à Ouagadougou",
            "2024-05-12",
            "Idrissa T. OUÉDRAOGO",
        ),
        ("teaser", "Burkina Faso: reprise des cours dans les écoles de Djibo", "2024-05-11", None),
    ]


PHOTO_OVER_HEADLINE = """Sputnik Afrique
© Sputnik / Archives
Niger : Niamey reçoit un nouveau lot de vaccins contre la méningite
Le lot doit permettre de vacciner plus d'un million d'enfants dans les régions de Zinder et de Maradi.
05.02.2024, Sputnik Afrique
Le ministère nigérien de la Santé publique a réceptionné lundi un lot de vaccins contre la méningite, a-t-il annoncé dans un communiqué.
La campagne de vaccination débutera la semaine prochaine.
"""


def test_a_news_headline_under_a_photo_credit_is_no_caption() -> None:
    """The lines under a credit are its caption, but not a "Place : news" headline."""
    assert summary(split(PHOTO_OVER_HEADLINE)) == [
        ("full", "Niger : Niamey reçoit un nouveau lot de vaccins contre la méningite", "2024-02-05", None)
    ]


GLUED_TAG = """Actualité Sécurité UNE
Kidal : la route de Gao rouverte aux camions de marchandises
Publié lundi 4 mars 2024 à 10:00
Les camions de marchandises peuvent de nouveau emprunter la route entre Gao et Kidal, escortés par l'armée, a annoncé le gouvernorat.
Un premier convoi de quarante camions est arrivé dimanche soir à Kidal, selon les transporteurs.
Lire aussi : Tessalit : l'armée installe un poste avancé
L'armée a installé un poste avancé à l'entrée de Tessalit pour sécuriser les convois qui remontent vers la frontière algérienne.
Sécurité UNE
Lire aussi : Anéfis : les commerçants rouvrent le marché
Le marché hebdomadaire d'Anéfis a rouvert ses portes dimanche après trois mois de fermeture, selon les commerçants de la localité.
"""


def test_a_read_also_teaser_keeps_its_summary_over_a_glued_tag() -> None:
    assert [(a.kind, a.title) for a in split(GLUED_TAG)] == [
        ("full", "Kidal : la route de Gao rouverte aux camions de marchandises"),
        ("teaser", "Tessalit : l'armée installe un poste avancé"),
        ("teaser", "Anéfis : les commerçants rouvrent le marché"),
    ]


ARCHIVE_PHOTO = """Mali : deux enseignants enlevés près de Diafarabé
Publié le lundi 7 octobre 2024 | AFP
© AP par DR
Mali : des enseignants manifestent à Mopti pour réclamer la sécurité
12 mars 2022. Mopti. Des enseignants défilent devant le gouvernorat.

Deux enseignants ont été enlevés samedi par des hommes armés près de Diafarabé, dans le centre du pays, a-t-on appris auprès de leur syndicat.
« Climat de peur »
Le syndicat dénonce un « climat de peur » dans les écoles de la région et demande une escorte pour les enseignants affectés dans les zones rurales.
"""


def test_an_archive_photo_caption_shaped_like_a_headline_and_a_quoted_subheading() -> None:
    """Under a photo credit, a headline-shaped line with no date line under it is a caption; a short
    quote on its own line is a subheading that stays in the body, not a pull quote."""
    articles = split(ARCHIVE_PHOTO)
    assert [(a.kind, a.title) for a in articles] == [
        ("full", "Mali : deux enseignants enlevés près de Diafarabé")
    ]
    paragraphs = articles[0].body.split("\n\n")
    assert paragraphs[0].startswith("Deux enseignants ont été enlevés samedi")
    assert paragraphs[1] == "« Climat de peur »"
