"""The coaching report: one self-contained HTML page a coach walks a client through.

:func:`report` runs every analysis once (ties, maintenance, clusters, bridges, shape,
target), draws the static map as SVG and writes a single HTML file in English or
Italian: no remote resource (the map and the style sheet are inline), every value from
the network escaped, print styles for clean A4 pages, and the same bytes for the same
input (no timestamps; the map's SVG ids are fixed by ``svg.hashsalt``).

Examples
--------
>>> from netkit.render.report import format_date, format_number
>>> format_date("2026-11-01", "it"), format_date("2026-11-01", "en")
('1 novembre 2026', '1 November 2026')
>>> format_number(1234, "it"), format_number(0.5213, "it", 2), format_number(1234.5, "en", 1)
('1.234', '0,52', '1,234.5')
"""

from __future__ import annotations

import html
import math
import os
import re
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

LANGS = ("en", "it")

#: Rows shown in the long tables.
TOP = 10

_CSS = Path(__file__).with_name("templates") / "report.css"

_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "it": (
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ),
}

_SEPARATORS = {"en": (",", "."), "it": (".", ",")}

#: Every heading and sentence of the report, per language (same keys in both).
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Your professional network",
        "lead": "A report for a coaching session, prepared by netkit from your own exports.",
        "owner": "Owner",
        "unknown_owner": "not recorded",
        "h_glance": "The network at a glance",
        "contacts": "Contacts",
        "organisations": "Organisations",
        "person_ties": "Known ties among your contacts",
        "interaction_ties": "Contacts with messages or meetings",
        "data_date": "Data as of",
        "no_date": "unknown",
        "connections": "Connections made",
        "connections_range": "from {first} to {last}",
        "h_sources": "Sources",
        "source": "Source",
        "file": "File",
        "rows": "Rows",
        "rejected": "Rejected",
        "h_missing": "What evidence is missing and how to add it",
        "nothing_missing": "Every kind of evidence netkit uses is present.",
        "h_shape": "The shape of your network",
        "h_map": "The map",
        "map_caption": (
            "Each dot is a contact, coloured by cluster; the best bridge contacts toward "
            "your target are named and marked."
        ),
        "map_missing": "The map could not be drawn: {error}",
        "h_interactive": "Explore the map",
        "interactive_lead": (
            "The same network to explore on screen: search a person, hide clusters, click a "
            "contact to read their organisation, title and tie. It works offline and links "
            "nowhere; it is left out when the report is printed."
        ),
        "interactive_title": "Interactive map of the network",
        "h_clusters": "Clusters",
        "clusters_lead": (
            "Groups of contacts who share organisations or know one another. The name "
            "says what most of them have in common."
        ),
        "cluster": "Cluster",
        "size": "Contacts",
        "made_of": "What it is made of",
        "org_col": "Organisations",
        "sectors_col": "Sectors",
        "functions_col": "Functions",
        "places_col": "Places",
        "more_clusters": "{n} smaller clusters are not listed.",
        "h_ties": "Ties",
        "ties_lead": (
            "How close you are to each contact, from messages, meetings, shared "
            "organisations and how long you have known them."
        ),
        "tie_class": "Kind of tie",
        "count": "Contacts",
        "meaning": "What it means",
        "h_maintenance": "Ties worth reviving",
        "maintenance_lead": "Dormant and weak ties that were once worth more.",
        "name": "Name",
        "why": "Why",
        "suggestion": "Suggestion",
        "last_contact": "Last contact",
        "none_maintenance": "No dormant or weak tie stands out.",
        "h_changes": "Job changes since the previous import",
        "changes_span": (
            "From {old} to {new}: {added} new contacts, {lost} no longer in the network."
        ),
        "changes_lead": (
            "A new job is a natural reason to get back in touch: congratulate them, without "
            "asking for anything."
        ),
        "change": "Change",
        "none_changes": "Nobody changed organisation or title between the two imports.",
        "more_changes": "{n} more changes are not listed.",
        "changes_hint": (
            "Give the previous import as well (netkit report NEW.graphml --previous "
            "OLD.graphml) to see who changed job since."
        ),
        "h_bridges": "Bridges and brokers",
        "bridges_lead": (
            "The contacts who link different parts of your network: through them news and "
            "introductions travel from one circle to another."
        ),
        "betweenness": "Betweenness",
        "effective_size": "Effective size",
        "constraint": "Constraint",
        "clusters_touched": "Clusters touched",
        "h_explain": "What these measures mean",
        "none_bridges": "No contact links separate parts of the network.",
        "h_target": "The target",
        "target_from": "Target: {what}.",
        "target_source_owner": (
            "taken from your job-seeker preferences, the companies you follow and the jobs "
            "you saved"
        ),
        "target_source_options": "chosen for this session",
        "sectors": "sectors",
        "functions": "roles",
        "seniorities": "levels",
        "places": "places",
        "target_orgs": "organisations",
        "no_target": (
            "No target: give a sector, a role, a place or organisations (for example "
            "--target SECTOR), or import a LinkedIn archive with job-seeker preferences."
        ),
        "h_gaps": "Gap analysis",
        "gap_sector": "Contacts in the target sector",
        "gap_function": "Contacts in the target role",
        "gap_seniority": "Contacts at the target level",
        "gap_territory": "Contacts in the target places",
        "gap_all": "Contacts matching every part of the target",
        "gap_inside": "Contacts inside the target organisations",
        "organisation": "Organisation",
        "in_network": "Contacts there",
        "interacted": "In touch with",
        "without_contacts": "Target organisations where you know nobody yet: {names}.",
        "nearest_clusters": "Clusters nearest the target",
        "matching": "Matching",
        "h_ranking": "Whom to ask first",
        "rank": "#",
        "reason": "Reason",
        "next_step": "Next step",
        "none_ranking": "No contact is close to the target yet.",
        "h_notes": "Notes",
        "h_approach": "How to approach people",
        "approach": (
            "Ask for information and advice, not for a job: people gladly share what they "
            "know, and a conversation often leads further than a request would.\n"
            "Give before you ask: an article, an introduction, congratulations on a new "
            "role. Show interest in their work first.\n"
            "Make one clear and modest request, such as twenty minutes of their time or "
            "the name of someone to talk to, so that saying yes is easy.\n"
            "Let them decide what happens next; thank them, and tell them later how their "
            "help turned out.\n"
            "Write personally to a few people at a time; never send the same message to "
            "many."
        ),
        "yes": "yes",
        "no": "no",
        "footer": "Made with netkit. Values come from your own exports; nothing was sent anywhere.",
    },
    "it": {
        "title": "La tua rete professionale",
        "lead": (
            "Un resoconto per una sessione di coaching, preparato da netkit a partire dalle "
            "tue esportazioni."
        ),
        "owner": "Titolare",
        "unknown_owner": "non registrato",
        "h_glance": "La rete in sintesi",
        "contacts": "Contatti",
        "organisations": "Organizzazioni",
        "person_ties": "Legami noti tra i tuoi contatti",
        "interaction_ties": "Contatti con messaggi o incontri",
        "data_date": "Dati aggiornati al",
        "no_date": "sconosciuta",
        "connections": "Collegamenti creati",
        "connections_range": "dal {first} al {last}",
        "h_sources": "Fonti",
        "source": "Fonte",
        "file": "File",
        "rows": "Righe",
        "rejected": "Scartate",
        "h_missing": "Quali dati mancano e come aggiungerli",
        "nothing_missing": "Ci sono tutti i tipi di dati che netkit usa.",
        "h_shape": "La forma della tua rete",
        "h_map": "La mappa",
        "map_caption": (
            "Ogni punto è un contatto, colorato secondo il gruppo; i contatti ponte "
            "migliori verso il tuo obiettivo sono evidenziati con il nome."
        ),
        "map_missing": "Non è stato possibile disegnare la mappa: {error}",
        "h_interactive": "Esplora la mappa",
        "interactive_lead": (
            "La stessa rete da esplorare sullo schermo: cerca una persona, nascondi dei "
            "gruppi, fai clic su un contatto per leggerne organizzazione, ruolo e legame. "
            "Funziona senza connessione e non rimanda ad alcun sito; non compare nella "
            "stampa."
        ),
        "interactive_title": "Mappa interattiva della rete",
        "h_clusters": "Gruppi",
        "clusters_lead": (
            "Insiemi di contatti che condividono organizzazioni o si conoscono tra loro. Il "
            "nome dice che cosa hanno in comune quasi tutti."
        ),
        "cluster": "Gruppo",
        "size": "Contatti",
        "made_of": "Di che cosa è fatto",
        "org_col": "Organizzazioni",
        "sectors_col": "Settori",
        "functions_col": "Funzioni",
        "places_col": "Luoghi",
        "more_clusters": "Altri {n} gruppi più piccoli non sono elencati.",
        "h_ties": "Legami",
        "ties_lead": (
            "Quanto sei vicino a ciascun contatto, in base a messaggi, incontri, "
            "organizzazioni comuni e da quanto tempo vi conoscete."
        ),
        "tie_class": "Tipo di legame",
        "count": "Contatti",
        "meaning": "Che cosa significa",
        "h_maintenance": "Legami da riprendere",
        "maintenance_lead": "Legami dormienti e deboli che un tempo contavano di più.",
        "name": "Nome",
        "why": "Perché",
        "suggestion": "Suggerimento",
        "last_contact": "Ultimo contatto",
        "none_maintenance": "Nessun legame dormiente o debole si distingue.",
        "h_changes": "Cambi di lavoro dall'importazione precedente",
        "changes_span": (
            "Dal {old} al {new}: {added} nuovi contatti, {lost} non più presenti nella rete."
        ),
        "changes_lead": (
            "Un nuovo lavoro è un'occasione naturale per rifarsi vivi: fai i complimenti, "
            "senza chiedere nulla."
        ),
        "change": "Cambiamento",
        "none_changes": "Nessuno ha cambiato organizzazione o ruolo tra le due importazioni.",
        "more_changes": "Altri {n} cambiamenti non sono elencati.",
        "changes_hint": (
            "Indica anche l'importazione precedente (netkit report NUOVA.graphml --previous "
            "VECCHIA.graphml) per vedere chi ha cambiato lavoro nel frattempo."
        ),
        "h_bridges": "Ponti e intermediari",
        "bridges_lead": (
            "I contatti che collegano parti diverse della tua rete: attraverso di loro "
            "notizie e presentazioni passano da una cerchia all'altra."
        ),
        "betweenness": "Intermediazione",
        "effective_size": "Dimensione effettiva",
        "constraint": "Vincolo",
        "clusters_touched": "Gruppi toccati",
        "h_explain": "Che cosa significano queste misure",
        "none_bridges": "Nessun contatto collega parti separate della rete.",
        "h_target": "L'obiettivo",
        "target_from": "Obiettivo: {what}.",
        "target_source_owner": (
            "preso dalle tue preferenze di ricerca di lavoro, dalle aziende che segui e "
            "dalle offerte salvate"
        ),
        "target_source_options": "scelto per questa sessione",
        "sectors": "settori",
        "functions": "ruoli",
        "seniorities": "livelli",
        "places": "luoghi",
        "target_orgs": "organizzazioni",
        "no_target": (
            "Nessun obiettivo: indica un settore, un ruolo, un luogo o delle organizzazioni "
            "(per esempio --target SETTORE), oppure importa un archivio LinkedIn con le "
            "preferenze di ricerca di lavoro."
        ),
        "h_gaps": "Analisi delle lacune",
        "gap_sector": "Contatti nel settore obiettivo",
        "gap_function": "Contatti nel ruolo obiettivo",
        "gap_seniority": "Contatti al livello obiettivo",
        "gap_territory": "Contatti nei luoghi obiettivo",
        "gap_all": "Contatti che corrispondono a tutto l'obiettivo",
        "gap_inside": "Contatti dentro le organizzazioni obiettivo",
        "organisation": "Organizzazione",
        "in_network": "Contatti lì",
        "interacted": "Con cui sei in contatto",
        "without_contacts": "Organizzazioni obiettivo dove non conosci ancora nessuno: {names}.",
        "nearest_clusters": "Gruppi più vicini all'obiettivo",
        "matching": "Corrispondenti",
        "h_ranking": "A chi chiedere per primo",
        "rank": "#",
        "reason": "Motivo",
        "next_step": "Prossimo passo",
        "none_ranking": "Nessun contatto è ancora vicino all'obiettivo.",
        "h_notes": "Note",
        "h_approach": "Come avvicinare le persone",
        "approach": (
            "Chiedi informazioni e consigli, non un lavoro: le persone condividono volentieri "
            "quello che sanno, e una conversazione porta spesso più lontano di una "
            "richiesta.\n"
            "Dai prima di chiedere: un articolo, una presentazione, i complimenti per un "
            "nuovo incarico. Mostra prima interesse per il loro lavoro.\n"
            "Fai una sola richiesta, chiara e modesta, come venti minuti del loro tempo o "
            "il nome di qualcuno con cui parlare, così che dire di sì sia facile.\n"
            "Lascia a loro decidere il seguito; ringrazia e racconta più avanti com'è "
            "andata grazie al loro aiuto.\n"
            "Scrivi in modo personale a poche persone alla volta; non mandare mai lo stesso "
            "messaggio a molti."
        ),
        "yes": "sì",
        "no": "no",
        "footer": (
            "Realizzato con netkit. I valori vengono dalle tue esportazioni; nulla è stato "
            "inviato altrove."
        ),
    },
}

_TIE_CLASSES = ("strong", "medium", "weak", "dormant", "latent", "unknown")

_TIE_TEXT: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "strong": ("Strong", "Frequent, two-way contact; people who would help you readily."),
        "medium": ("Medium", "Regular contact; people who know your work."),
        "weak": ("Weak", "Occasional contact; often the source of news from other circles."),
        "dormant": ("Dormant", "Once closer, silent for years; usually glad to hear from you."),
        "latent": ("Latent", "Connected but never in touch; a shared link to build on."),
        "unknown": ("Unknown", "Too little evidence to say."),
    },
    "it": {
        "strong": ("Forte", "Contatti frequenti e reciproci; persone pronte ad aiutarti."),
        "medium": ("Medio", "Contatti regolari; persone che conoscono il tuo lavoro."),
        "weak": ("Debole", "Contatti occasionali; spesso portano notizie da altre cerchie."),
        "dormant": (
            "Dormiente",
            "Un tempo più vicino, in silenzio da anni; di solito felice di risentirti.",
        ),
        "latent": ("Latente", "Collegato ma mai sentito; un punto in comune da cui partire."),
        "unknown": ("Sconosciuto", "Dati troppo scarsi per dirlo."),
    },
}

_SOURCE_KINDS: dict[str, tuple[str, str]] = {
    "linkedin-archive": ("LinkedIn archive", "archivio LinkedIn"),
    "linkedin": ("LinkedIn connections", "collegamenti LinkedIn"),
    "vcard": ("address book (vCard)", "rubrica (vCard)"),
    "mbox": ("e-mail (mbox)", "posta elettronica (mbox)"),
    "ics": ("calendar (iCalendar)", "calendario (iCalendar)"),
    "declared-ties": ("declared ties", "legami dichiarati"),
}

#: (coverage key, threshold, English advice, Italian advice): evidence that is missing.
_MISSING: tuple[tuple[str, float, str, str], ...] = (
    (
        "channel:email",
        0.05,
        "No e-mail evidence: export your mailbox as mbox to measure how often you write to people.",
        "Nessun dato di posta: esporta la casella come mbox per misurare quanto scrivi "
        "alle persone.",
    ),
    (
        "channel:calendar",
        0.02,
        "No meetings: export your calendar as .ics to count the meetings you had.",
        "Nessun incontro: esporta il calendario in formato .ics per contare gli incontri.",
    ),
    (
        "channel:phonebook",
        0.05,
        "No address book: export your phone contacts as vCard to see who you keep close.",
        "Nessuna rubrica: esporta i contatti del telefono come vCard per vedere chi tieni vicino.",
    ),
    (
        "channel:declared",
        0.001,
        "No declared ties: list in a CSV file who knows whom among your contacts, to see "
        "the links LinkedIn does not show.",
        "Nessun legame dichiarato: elenca in un file CSV chi conosce chi tra i tuoi "
        "contatti, per vedere i legami che LinkedIn non mostra.",
    ),
    (
        "emails",
        0.5,
        "E-mail addresses for only {share} of contacts: an address book helps match the "
        "same person across sources.",
        "Indirizzi e-mail solo per il {share} dei contatti: una rubrica aiuta a riconoscere "
        "la stessa persona nelle varie fonti.",
    ),
    (
        "territory",
        0.5,
        "A place for only {share} of contacts: an address book or calendar with locations adds it.",
        "Un luogo solo per il {share} dei contatti: una rubrica o un calendario con gli "
        "indirizzi lo aggiungono.",
    ),
    (
        "sector",
        0.8,
        "A sector for only {share} of contacts: run the enrichment step on the network.",
        "Un settore solo per il {share} dei contatti: esegui l'arricchimento della rete.",
    ),
)

_BRIDGE_EXPLAINED = (
    "betweenness",
    "effective_size",
    "constraint",
    "clusters_touched",
    "articulation_point",
    "local_bridge",
)

#: Measures named in the shape of the network, explained under it.
_SHAPE_EXPLAINED = (
    "density",
    "efficiency",
    "components",
    "blau_index",
    "iqv",
    "entropy",
    "ei_index",
)


# --------------------------------------------------------------------------- formatting


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    return lang


def format_number(value: Any, lang: str = "en", decimals: int = 0) -> str:
    """Format a number with the language's separators: ``1,234.5`` or ``1.234,5``.

    Missing values (None, NaN) give an en dash; infinity gives ``∞``.
    """
    _check_lang(lang)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    number = float(value)
    if math.isinf(number):
        return "∞" if number > 0 else "−∞"
    thousands, point = _SEPARATORS[lang]
    text = f"{abs(number):,.{decimals}f}"
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", thousands)
    sign = "−" if number < 0 and float(text.replace(",", "")) != 0 else ""
    return sign + whole + (point + fraction if fraction else "")


def format_share(value: Any, lang: str = "en") -> str:
    """A share (0 to 1) as a whole percentage: ``38%``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return format_number(100 * float(value), lang) + "%"


def format_date(value: Any, lang: str = "en") -> str:
    """A date as ``1 November 2026`` (English) or ``1 novembre 2026`` (Italian).

    Accepts a ``date``, a ``datetime`` or an ISO string (its first ten characters);
    anything else is returned as it is.
    """
    _check_lang(lang)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        text = str(value)
        try:
            value = date.fromisoformat(text[:10])
        except ValueError:
            return text
    return f"{value.day} {_MONTHS[lang][value.month - 1]} {value.year}"


def _e(value: Any) -> str:
    """Escape any value for HTML text or attributes."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value), quote=True)


# --------------------------------------------------------------------------- the report


def report(
    G: nx.Graph,
    path: str | os.PathLike[str],
    *,
    lang: str = "en",
    sector: str | None = None,
    role: str | None = None,
    territory: str | None = None,
    organisations: Any = (),
    previous: nx.Graph | None = None,
    seed: int = 0,
    clusters: pd.DataFrame | None = None,
    ties: pd.DataFrame | None = None,
    bridges: pd.DataFrame | None = None,
) -> Path:
    """Write the coaching report of a network as one self-contained HTML file.

    Parameters
    ----------
    G : networkx.Graph
        A netkit network (enriched for the target section); not modified.
    path : str or path
        Where to write the HTML file.
    lang : {"en", "it"}
        Language of every heading and sentence, and of dates and numbers.
    sector, role, territory : str, optional
        The target, as for :func:`netkit.analyse.target`; with none of them nor
        ``organisations``, the owner's own target from their LinkedIn archive.
    organisations : sequence of str
        Target organisations by name.
    previous : networkx.Graph, optional
        An earlier import of the same network: the report then lists who changed
        organisation or title since (:func:`netkit.analyse.diff`).
    seed : int
        Seed of the clustering and of the map layout.
    clusters, ties, bridges : pandas.DataFrame, optional
        The tables of :func:`netkit.analyse.clusters`, :func:`netkit.analyse.ties` and
        :func:`netkit.analyse.bridges` when already computed (with the same ``seed``):
        reused instead of computed again, as when the maps and both languages' reports
        are written from one analysis.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ValueError
        For a ``lang`` other than ``"en"`` and ``"it"``.
    """
    _check_lang(lang)
    from netkit import analyse
    from netkit.analyse._views import data_date
    from netkit.analyse.bridges import EXPLANATIONS
    from netkit.summary import summarise

    summary = summarise(G)
    ties = analyse.ties(G) if ties is None else ties
    maintenance = analyse.maintenance(G, top=TOP)
    clusters = analyse.clusters(G, seed=seed) if clusters is None else clusters
    cluster_table = analyse.cluster_summary(G, seed=seed, table=clusters)
    if bridges is None:
        bridges = analyse.bridges(G, seed=seed, clusters=clusters)
    shape = analyse.shape(G, clusters=clusters, ties=ties, seed=seed)
    result, target_error = _target(
        G,
        sector=sector,
        role=role,
        territory=territory,
        organisations=tuple(organisations),
        ties=ties,
        bridges=bridges,
        clusters=clusters,
        lang=lang,
    )
    highlight = [] if result is None else [str(p) for p in result.ranking["person"].head(TOP)]
    tables = {"clusters": clusters, "ties": ties, "bridges": bridges}
    svg, map_error, page = _maps(G, tables, highlight, lang, seed)
    changes = None if previous is None else analyse.diff(previous, G)

    t = TEXTS[lang]
    owner = G.nodes[G.graph["ego"]].get("name") if G.graph.get("ego") in G else None
    parts = [
        _head(t, lang, page is not None),
        "<body>",
        "<header>",
        f"<h1>{_e(t['title'])}</h1>",
        f'<p class="lead">{_e(t["lead"])}</p>',
        f"<p><strong>{_e(t['owner'])}:</strong> {_e(owner or t['unknown_owner'])}</p>",
        "</header>",
        _glance(t, lang, summary, data_date(G), shape, EXPLANATIONS[lang]),
        _map_section(t, svg, map_error),
        _interactive_section(t, page),
        _clusters_section(t, lang, cluster_table),
        _ties_section(t, lang, ties, maintenance, changes),
        _bridges_section(t, lang, bridges, EXPLANATIONS[lang]),
        _target_section(t, lang, result, target_error),
        _approach_section(t),
        f'<footer><p class="note">{_e(t["footer"])}</p></footer>',
        "</body>",
        "</html>",
    ]
    out = Path(path)
    out.write_text("\n".join(parts) + "\n", encoding="utf-8", newline="\n")
    return out


def _target(G: nx.Graph, **kwargs: Any) -> tuple[Any, str | None]:
    from netkit.analyse import target

    try:
        return target(G, top=TOP, **kwargs), None
    except ValueError as error:  # NoTarget and unresolvable terms
        return None, str(error)


def _drawn(draw: Any, suffix: str, G: nx.Graph, **options: Any) -> tuple[str | None, str | None]:
    """Run a renderer into a temporary file and return (its text, None) or (None, error)."""
    with tempfile.TemporaryDirectory(prefix="netkit-report-") as tmp:
        file = Path(tmp) / f"map{suffix}"
        try:
            draw(G, file, **options)
        except (ValueError, KeyError) as error:
            return None, str(error)
        return file.read_text(encoding="utf-8"), None


def _maps(
    G: nx.Graph,
    tables: dict[str, pd.DataFrame],
    highlight: list[str],
    lang: str,
    seed: int,
) -> tuple[str | None, str | None, str | None]:
    """The static map's SVG ready to inline (or None and why), and the interactive map's
    page with no profile link, ready to embed (or None)."""
    from netkit.render.interactive import interactive_map
    from netkit.render.static import static_map

    options = {**tables, "highlight": highlight, "lang": lang, "seed": seed}
    svg, error = _drawn(static_map, ".svg", G, **options)
    page, _ = _drawn(interactive_map, ".html", G, profile_links=False, **options)
    return (None if svg is None else _clean_svg(svg)), error, page


def _clean_svg(text: str) -> str:
    """Keep the ``<svg>`` element only: no XML prolog, doctype, comments or metadata."""
    start = text.find("<svg")
    text = text[start:] if start >= 0 else text
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    # fixed size from matplotlib (pt): let CSS scale it to the page
    text = re.sub(r'(<svg\b[^>]*?)\s(width|height)="[^"]*"', r"\1", text, count=1)
    text = re.sub(r'(<svg\b[^>]*?)\s(width|height)="[^"]*"', r"\1", text, count=1)
    return text.strip()


def _head(t: dict[str, str], lang: str, scripts: bool) -> str:
    from netkit.render.interactive import script_sources

    css = _CSS.read_text(encoding="utf-8")
    # The embedded map's frame inherits this policy: allow its two scripts, nothing else.
    script = f"script-src {script_sources()}; " if scripts else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        f"{script}style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
        "form-action 'none'\">\n"
        f"<title>{_e(t['title'])}</title>\n<style>\n{css}</style>\n</head>"
    )


def _table(headers: list[tuple[str, bool]], rows: list[list[str]]) -> str:
    """A table; ``headers`` are (text, numeric); cells are already escaped HTML."""
    head = "".join(
        f'<th class="num">{_e(h)}</th>' if num else f"<th>{_e(h)}</th>" for h, num in headers
    )
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="num">{cell}</td>' if num else f"<td>{cell}</td>"
            for cell, (_, num) in zip(row, headers, strict=True)
        )
        body.append(f"<tr>{cells}</tr>")
    return (
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n"
        + "\n".join(body)
        + "\n</tbody>\n</table>"
    )


def _section(key: str, t: dict[str, str], *body: str) -> str:
    anchor = key.removeprefix("h_")
    return f'<section id="{anchor}">\n<h2>{_e(t[key])}</h2>\n' + "\n".join(body) + "\n</section>"


def _paragraph(text: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{_e(text)}</p>"


# --------------------------------------------------------------------------- sections


def _explain(explanations: dict[str, str], keys: tuple[str, ...]) -> str:
    paragraphs = (_paragraph(explanations[key]) for key in keys if key in explanations)
    return '<div class="explain">\n' + "\n".join(paragraphs) + "\n</div>"


def _glance(
    t: dict[str, str],
    lang: str,
    summary: Any,
    when: date | None,
    shape: Any,
    explanations: dict[str, str],
) -> str:
    n = lambda v: _e(format_number(v, lang))  # noqa: E731
    facts = [
        (t["contacts"], n(summary.contacts)),
        (t["organisations"], n(summary.organisations)),
        (t["person_ties"], n(summary.person_ties)),
        (t["interaction_ties"], n(summary.interaction_ties)),
        (t["data_date"], _e(format_date(when, lang) if when else t["no_date"])),
    ]
    if summary.first_connection and summary.last_connection:
        span = t["connections_range"].format(
            first=format_date(summary.first_connection, lang),
            last=format_date(summary.last_connection, lang),
        )
        facts.append((t["connections"], _e(span)))
    dl = (
        '<dl class="facts">\n'
        + "\n".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in facts)
        + "\n</dl>"
    )
    index = 0 if lang == "en" else 1
    rows = []
    for source in summary.sources:
        kind = _SOURCE_KINDS.get(source["kind"], (source["kind"],) * 2)[index]
        rows.append(
            [
                _e(kind),
                _e(source["file"]),
                n(source["rows"]),
                n(source["rejected"]),
            ]
        )
    sources = _table(
        [(t["source"], False), (t["file"], False), (t["rows"], True), (t["rejected"], True)],
        rows,
    )
    missing = _missing(summary, lang)
    missing_html = (
        "<ul>\n" + "\n".join(f"<li>{_e(m)}</li>" for m in missing) + "\n</ul>"
        if missing
        else _paragraph(t["nothing_missing"])
    )
    lines = shape.summary() if lang == "en" else shape.summary_it()
    lines = [line for line in lines if not re.match(r"^(Note|Nota):", line)]
    shape_html = "<ul>\n" + "\n".join(f"<li>{_e(line)}</li>" for line in lines) + "\n</ul>"
    return _section(
        "h_glance",
        t,
        dl,
        f"<h3>{_e(t['h_sources'])}</h3>",
        sources,
        f"<h3>{_e(t['h_missing'])}</h3>",
        missing_html,
        f"<h3>{_e(t['h_shape'])}</h3>",
        shape_html,
        _explain(explanations, _SHAPE_EXPLAINED),
    )


def _missing(summary: Any, lang: str) -> list[str]:
    index = 2 if lang == "en" else 3
    out = []
    for rule in _MISSING:
        key, threshold = rule[0], rule[1]
        if key.startswith("channel:"):
            share = summary.channel_coverage.get(key.split(":", 1)[1], 0.0)
        else:
            share = summary.coverage.get(key, 0.0)
        if share < threshold:
            out.append(rule[index].format(share=format_share(share, lang)))
    return out


def _map_section(t: dict[str, str], svg: str | None, error: str | None) -> str:
    if svg is None:
        return _section("h_map", t, _paragraph(t["map_missing"].format(error=error), "note"))
    figure = (
        f'<figure class="map">\n{svg}\n<figcaption>{_e(t["map_caption"])}</figcaption>\n</figure>'
    )
    return _section("h_map", t, figure)


def _interactive_section(t: dict[str, str], page: str | None) -> str:
    """The interactive map in a sandboxed frame: scripts run, but it reaches nothing."""
    if page is None:
        return ""
    frame = (
        f'<iframe class="interactive-map" title="{_e(t["interactive_title"])}" '
        'sandbox="allow-scripts" referrerpolicy="no-referrer" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe>'
    )
    body = "\n".join(
        [f"<h2>{_e(t['h_interactive'])}</h2>", _paragraph(t["interactive_lead"]), frame]
    )
    return f'<section id="interactive" class="screen-only">\n{body}\n</section>'


def _categories(text: Any, labels: dict[str, tuple[str, str]] | None, lang: str) -> str:
    """``"a (3); b (2)"`` from the cluster summary, labels translated, counts formatted."""
    if not isinstance(text, str) or not text:
        return ""
    index = 0 if lang == "en" else 1
    items = []
    for part in text.split(";")[:3]:
        match = re.match(r"^\s*(.*?)\s*\((\d+)\)\s*$", part)
        name, count = (match.group(1), int(match.group(2))) if match else (part.strip(), None)
        if labels and name in labels:
            name = labels[name][index]
        items.append(name if count is None else f"{name} ({format_number(count, lang)})")
    return "; ".join(items)


def _clusters_section(t: dict[str, str], lang: str, table: pd.DataFrame) -> str:
    from netkit.enrich.taxonomy import FUNCTION_LABELS, SECTOR_LABELS

    label = "label" if lang == "en" else "label_it"
    ordered = table.sort_values(["size", "cluster"], ascending=[False, True], kind="stable")
    connected = ordered[ordered["cluster"] != -1]
    shown = connected.head(12)
    rows = []
    for row in shown.itertuples(index=False):
        parts = [
            (t["org_col"], _categories(row.organisations, None, lang)),
            (t["sectors_col"], _categories(row.sectors, SECTOR_LABELS, lang)),
            (t["functions_col"], _categories(row.functions, FUNCTION_LABELS, lang)),
            (t["places_col"], _categories(row.territories, None, lang)),
        ]
        made_of = "<br>".join(f"<em>{_e(k)}:</em> {_e(v)}" for k, v in parts if v)
        rows.append([_e(getattr(row, label)), _e(format_number(row.size, lang)), made_of])
    alone = ordered[ordered["cluster"] == -1]
    for row in alone.itertuples(index=False):
        rows.append([_e(getattr(row, label)), _e(format_number(row.size, lang)), ""])
    body = [
        _paragraph(t["clusters_lead"]),
        _table([(t["cluster"], False), (t["size"], True), (t["made_of"], False)], rows),
    ]
    if len(connected) > len(shown):
        body.append(_paragraph(t["more_clusters"].format(n=len(connected) - len(shown)), "note"))
    return _section("h_clusters", t, *body)


_FIELD_TEXT = {
    "en": {
        "organisation": "organisation",
        "company": "company",
        "position": "job title",
        "title": "title",
    },
    "it": {
        "organisation": "organizzazione",
        "company": "azienda",
        "position": "ruolo",
        "title": "qualifica",
    },
}


def _changes_html(t: dict[str, str], lang: str, changes: Any) -> list[str]:
    """Who changed organisation or title since the previous import (a hint without one)."""
    body = [f"<h3>{_e(t['h_changes'])}</h3>"]
    if changes is None:
        return [*body, _paragraph(t["changes_hint"], "note")]
    if changes.old_date and changes.new_date:
        span = t["changes_span"].format(
            old=format_date(changes.old_date, lang),
            new=format_date(changes.new_date, lang),
            added=format_number(len(changes.added), lang),
            lost=format_number(len(changes.lost), lang),
        )
        body.append(_paragraph(span))
    table = changes.changed
    if not len(table):
        return [*body, _paragraph(t["none_changes"])]
    body.append(_paragraph(t["changes_lead"]))
    fields = _FIELD_TEXT[lang]
    why = "why" if lang == "en" else "why_it"
    rows = []
    for row in table.head(TOP).to_dict("records"):
        change = (
            f"{fields.get(row['field'], row['field'])}: {row['old'] or '–'} → {row['new'] or '–'}"
        )
        rows.append([_e(row["name"]), _e(change), _e(row[why])])
    body.append(_table([(t["name"], False), (t["change"], False), (t["why"], False)], rows))
    if len(table) > TOP:
        body.append(_paragraph(t["more_changes"].format(n=len(table) - TOP), "note"))
    return body


def _ties_section(
    t: dict[str, str],
    lang: str,
    ties: pd.DataFrame,
    maintenance: pd.DataFrame,
    changes: Any = None,
) -> str:
    counts = ties["tie_class"].value_counts()
    texts = _TIE_TEXT[lang]
    rows = [
        [_e(texts[c][0]), _e(format_number(int(counts.get(c, 0)), lang)), _e(texts[c][1])]
        for c in _TIE_CLASSES
        if c != "unknown" or counts.get(c, 0)
    ]
    classes = _table([(t["tie_class"], False), (t["count"], True), (t["meaning"], False)], rows)
    suffix = "" if lang == "en" else "_it"
    if len(maintenance):
        mrows = [
            [
                _e(row["name"]),
                _e(texts.get(row["tie_class"], (row["tie_class"],))[0]),
                _e(format_date(row["last_contact"], lang)),
                _e(row["why" + suffix]),
                _e(row["suggestion" + suffix]),
            ]
            for _, row in maintenance.head(TOP).iterrows()
        ]
        maint = _table(
            [
                (t["name"], False),
                (t["tie_class"], False),
                (t["last_contact"], False),
                (t["why"], False),
                (t["suggestion"], False),
            ],
            mrows,
        )
    else:
        maint = _paragraph(t["none_maintenance"])
    return _section(
        "h_ties",
        t,
        _paragraph(t["ties_lead"]),
        classes,
        f"<h3>{_e(t['h_maintenance'])}</h3>",
        _paragraph(t["maintenance_lead"]),
        maint,
        *_changes_html(t, lang, changes),
    )


def _bridge_why_it(row: Any) -> str:
    """An Italian account of a bridge's row (``why`` of :func:`bridges` is in English)."""
    parts = []
    if bool(row["articulation_point"]):
        parts.append("senza questa persona una parte della rete resterebbe isolata")
    touched = row["clusters_touched"]
    if pd.notna(touched) and touched > 1:
        parts.append(f"tocca {format_number(touched, 'it')} gruppi")
    local = row["local_bridges"]
    if pd.notna(local) and local > 0:
        word = "ponte locale" if local == 1 else "ponti locali"
        parts.append(f"{format_number(local, 'it')} {word}")
    if not parts:
        parts.append(f"{format_number(row['betweenness_rank'], 'it')}º per intermediazione")
    return "; ".join(parts)


def _bridges_section(
    t: dict[str, str], lang: str, bridges: pd.DataFrame, explanations: dict[str, str]
) -> str:
    top = bridges.sort_values("betweenness_rank", kind="stable").head(TOP)
    top = top[top["betweenness"] > 0]
    if len(top):
        rows = [
            [
                _e(row["name"]),
                _e(format_number(row["betweenness"], lang, 4)),
                _e(format_number(row["effective_size"], lang, 1)),
                _e(format_number(row["constraint"], lang, 2)),
                _e(format_number(row["clusters_touched"], lang)),
                _e(row["why"] if lang == "en" else _bridge_why_it(row)),
            ]
            for _, row in top.iterrows()
        ]
        table = _table(
            [
                (t["name"], False),
                (t["betweenness"], True),
                (t["effective_size"], True),
                (t["constraint"], True),
                (t["clusters_touched"], True),
                (t["why"], False),
            ],
            rows,
        )
    else:
        table = _paragraph(t["none_bridges"])
    explain = _explain(explanations, _BRIDGE_EXPLAINED)
    return _section(
        "h_bridges",
        t,
        _paragraph(t["bridges_lead"]),
        table,
        f"<h3>{_e(t['h_explain'])}</h3>",
        explain,
    )


def _target_what(t: dict[str, str], lang: str, result: Any) -> str:
    from netkit.enrich.taxonomy import FUNCTION_LABELS, SECTOR_LABELS, SENIORITY_LABELS

    data = result.to_dict()["target"]
    index = 0 if lang == "en" else 1
    names = {
        "sectors": [SECTOR_LABELS.get(s, (s, s))[index] for s in data.get("sectors", [])],
        "functions": [FUNCTION_LABELS.get(f, (f, f))[index] for f in data.get("functions", [])],
        "seniorities": [
            SENIORITY_LABELS.get(x, (x, x))[index] for x in data.get("seniorities", [])
        ],
        "places": [p.get("name") for p in data.get("places", []) if p.get("name")],
    }
    parts = [f"{t[key]} {', '.join(map(str, v))}" for key, v in names.items() if v]
    source = t["target_source_owner"] if result.source != "options" else t["target_source_options"]
    return "; ".join(parts) + f" ({source})"


def _target_section(t: dict[str, str], lang: str, result: Any, error: str | None) -> str:
    if result is None:
        body = [_paragraph(t["no_target"])]
        if error:
            body.append(_paragraph(error, "note"))
        return _section("h_target", t, *body)
    n = lambda v: _e(format_number(v, lang))  # noqa: E731
    gaps = result.gaps
    body = [_paragraph(t["target_from"].format(what=_target_what(t, lang, result)))]
    facts = [
        (t["contacts"], gaps.contacts),
        (t["gap_sector"], gaps.sector),
        (t["gap_function"], gaps.function),
        (t["gap_seniority"], gaps.seniority),
        (t["gap_territory"], gaps.territory),
        (t["gap_all"], gaps.all_named),
        (t["gap_inside"], gaps.inside),
    ]
    body.append(f"<h3>{_e(t['h_gaps'])}</h3>")
    body.append(
        '<dl class="facts">\n'
        + "\n".join(f"<dt>{_e(k)}</dt><dd>{n(v)}</dd>" for k, v in facts if v is not None)
        + "\n</dl>"
    )
    if gaps.organisations:
        body.append(
            _table(
                [(t["organisation"], False), (t["in_network"], True), (t["interacted"], True)],
                [[_e(o.name), n(o.contacts), n(o.interacted)] for o in gaps.organisations],
            )
        )
    if gaps.without_contacts:
        names = ", ".join(str(getattr(o, "name", o)) for o in gaps.without_contacts)
        body.append(_paragraph(t["without_contacts"].format(names=names)))
    if gaps.clusters:
        label = "label" if lang == "en" else "label_it"
        body.append(f"<p><strong>{_e(t['nearest_clusters'])}</strong></p>")
        body.append(
            _table(
                [(t["cluster"], False), (t["size"], True), (t["matching"], True)],
                [[_e(getattr(c, label)), n(c.size), n(c.matching)] for c in gaps.clusters],
            )
        )
    suffix = "" if lang == "en" else "_it"
    body.append(f"<h3>{_e(t['h_ranking'])}</h3>")
    ranking = result.ranking.head(TOP)
    if len(ranking):
        body.append(
            _table(
                [
                    (t["rank"], True),
                    (t["name"], False),
                    (t["organisation"], False),
                    (t["reason"], False),
                    (t["next_step"], False),
                ],
                [
                    [
                        n(row["rank"]),
                        _e(row["name"])
                        + (
                            f'<br><span class="note">{_e(row["position"])}</span>'
                            if row["position"]
                            else ""
                        ),
                        _e(row["organisation"]),
                        _e(row["reason" + suffix]),
                        _e(row["next_step" + suffix]),
                    ]
                    for _, row in ranking.iterrows()
                ],
            )
        )
    else:
        body.append(_paragraph(t["none_ranking"]))
    notes = result.notes if lang == "en" else result.notes_it
    if notes:
        body.append(f"<h3>{_e(t['h_notes'])}</h3>")
        body.append("<ul>\n" + "\n".join(f"<li>{_e(x)}</li>" for x in notes) + "\n</ul>")
    return _section("h_target", t, *body)


def _approach_section(t: dict[str, str]) -> str:
    items = "\n".join(f"<li>{_e(line)}</li>" for line in t["approach"].split("\n"))
    return _section("h_approach", t, f"<ol>\n{items}\n</ol>")
