"""The binding ids of functions, seniority levels and sectors, with labels and NACE codes."""

from __future__ import annotations

__all__ = [
    "FUNCTIONS",
    "FUNCTION_LABELS",
    "SECTORS",
    "SECTOR_LABELS",
    "SECTOR_NACE",
    "SENIORITY",
    "SENIORITY_LABELS",
    "seniority_rank",
]

# id: (English label, Italian label)
FUNCTION_LABELS: dict[str, tuple[str, str]] = {
    "executive": ("general management", "direzione generale"),
    "hr": ("human resources", "risorse umane"),
    "finance": ("finance and accounting", "amministrazione, finanza e controllo"),
    "sales": ("sales and business development", "vendite e sviluppo commerciale"),
    "marketing": ("marketing and communication", "marketing e comunicazione"),
    "engineering": ("engineering", "ingegneria e ufficio tecnico"),
    "it": ("IT, software and data", "informatica, software e dati"),
    "operations": ("operations, production and logistics", "operations, produzione e logistica"),
    "procurement": ("procurement", "acquisti"),
    "legal": ("legal and compliance", "legale e compliance"),
    "consulting": ("consulting", "consulenza"),
    "education": ("education and teaching", "istruzione e formazione"),
    "health": ("health care professions", "professioni sanitarie"),
    "research": ("research", "ricerca"),
    "administration": ("office administration", "segreteria e servizi generali"),
    "customer-service": ("customer service", "assistenza clienti"),
    "design": ("design and architecture", "design e architettura"),
    "product": ("product management", "gestione prodotto"),
    "project-management": ("project management", "project management"),
    "sustainability": ("sustainability, ESG and HSE", "sostenibilità, ESG e HSE"),
    "public-service": ("public service", "pubblico impiego"),
    "arts-media": ("arts and media", "arte e media"),
    "other": ("other occupations", "altre professioni"),
}
#: Function ids, in the taxonomy's order.
FUNCTIONS: tuple[str, ...] = tuple(FUNCTION_LABELS)

SENIORITY_LABELS: dict[str, tuple[str, str]] = {
    "student": ("student", "studente"),
    "intern": ("intern or trainee", "stagista o tirocinante"),
    "entry": ("entry level", "primo impiego"),
    "mid": ("professional", "professionista"),
    "senior": ("senior professional", "professionista senior"),
    "lead": ("team lead or coordinator", "coordinatore"),
    "manager": ("manager", "responsabile"),
    "director": ("director", "direttore o dirigente"),
    "executive": ("executive (C-level)", "vertice aziendale"),
    "owner": ("founder or owner", "fondatore o titolare"),
}
#: Seniority ids, lowest first: the scale is ordered.
SENIORITY: tuple[str, ...] = tuple(SENIORITY_LABELS)
_RANK = {level: rank for rank, level in enumerate(SENIORITY)}

# id: (English label, Italian label, NACE Rev. 2 / ATECO 2007 codes)
_SECTORS: tuple[tuple[str, str, str, str], ...] = (
    ("agriculture", "agriculture, forestry and fishing", "agricoltura, silvicoltura e pesca", "A"),
    ("mining", "mining and quarrying", "estrazione di minerali", "B (except B06, B09.1)"),
    ("oil-gas", "oil and gas", "petrolio e gas", "B06, B09.1, C19, D35.2"),
    ("food-beverage", "food and beverage", "alimentare e bevande", "C10-C12"),
    ("fashion-textiles", "fashion, textiles and luxury", "moda, tessile e lusso", "C13-C15"),
    ("chemicals", "chemicals, plastics and rubber", "chimica, plastica e gomma", "C20, C22"),
    ("pharma", "pharmaceuticals and biotech", "farmaceutica e biotecnologie", "C21"),
    (
        "machinery",
        "machinery and metal products",
        "meccanica e prodotti in metallo",
        "C25, C28, C33",
    ),
    (
        "electronics",
        "electronics and electrical equipment",
        "elettronica ed elettrotecnica",
        "C26, C27",
    ),
    (
        "automotive",
        "automotive and transport equipment",
        "automotive e mezzi di trasporto",
        "C29, C30 (except C30.3)",
    ),
    ("aerospace-defence", "aerospace and defence", "aerospazio e difesa", "C30.3, C25.4, C30.4"),
    (
        "manufacturing-other",
        "other manufacturing",
        "altre industrie manifatturiere",
        "C16-C18, C23-C24, C31-C32",
    ),
    (
        "renewable-energy",
        "renewable energy",
        "energie rinnovabili",
        "D35.1 from renewable sources; renewables equipment",
    ),
    (
        "utilities",
        "utilities (electricity, multi-utilities, water)",
        "utility (elettricità, multiutility, acqua)",
        "D35 (except D35.2 and renewables-only), E36",
    ),
    (
        "environmental-services",
        "waste and environmental services",
        "rifiuti e servizi ambientali",
        "E37-E39",
    ),
    ("construction", "construction", "costruzioni", "F"),
    (
        "wholesale",
        "wholesale and distribution",
        "commercio all'ingrosso e distribuzione",
        "G45-G46",
    ),
    ("retail", "retail", "commercio al dettaglio", "G47"),
    ("logistics", "transport and logistics", "trasporti e logistica", "H"),
    ("hospitality", "hospitality and tourism", "turismo e ristorazione", "I"),
    (
        "software-it",
        "software and IT services",
        "software e servizi informatici",
        "J58.2, J62, J63",
    ),
    ("telecommunications", "telecommunications", "telecomunicazioni", "J61"),
    ("media-publishing", "media and publishing", "editoria e media", "J58.1, J59-J60"),
    ("banking", "banking", "banche", "K64 (except K64.3)"),
    ("insurance", "insurance", "assicurazioni", "K65, K66.2"),
    ("fintech", "fintech and payments", "fintech e pagamenti", "K64-K66 (digital)"),
    (
        "financial-services",
        "investment and financial services",
        "servizi finanziari e investimenti",
        "K64.3, K66 (except K66.2)",
    ),
    ("real-estate", "real estate", "immobiliare", "L"),
    ("legal-services", "legal services", "servizi legali", "M69.1"),
    ("accounting-tax", "accounting, audit and tax", "contabilità, revisione e fiscale", "M69.2"),
    ("management-consulting", "management consulting", "consulenza di direzione", "M70"),
    (
        "engineering-services",
        "engineering and architecture services",
        "ingegneria e architettura",
        "M71",
    ),
    ("research", "scientific research", "ricerca scientifica", "M72"),
    (
        "advertising-marketing",
        "advertising and marketing services",
        "pubblicità e marketing",
        "M73",
    ),
    (
        "design-services",
        "design, photography and translation",
        "design, fotografia e traduzione",
        "M74",
    ),
    ("hr-services", "staffing and HR services", "servizi per il lavoro e HR", "N78"),
    ("business-services", "business support services", "servizi alle imprese", "N77, N79-N82"),
    ("public-administration", "public administration", "pubblica amministrazione", "O"),
    ("education", "education", "istruzione", "P"),
    ("healthcare", "health care", "sanità", "Q86"),
    ("social-care", "social care", "assistenza sociale", "Q87-Q88"),
    ("arts-culture", "arts and culture", "arte e cultura", "R90-R91"),
    ("sports-leisure", "sport, gaming and leisure", "sport, giochi e tempo libero", "R92-R93"),
    ("associations", "associations and non-profits", "associazioni ed enti non profit", "S94"),
    (
        "personal-services",
        "repairs and personal services",
        "riparazioni e servizi alla persona",
        "S95-S96",
    ),
    (
        "international-organisations",
        "international organisations",
        "organizzazioni internazionali",
        "U",
    ),
)
#: Sector ids, in the taxonomy's order (NACE sections A to U).
SECTORS: tuple[str, ...] = tuple(row[0] for row in _SECTORS)
SECTOR_LABELS: dict[str, tuple[str, str]] = {row[0]: (row[1], row[2]) for row in _SECTORS}
SECTOR_NACE: dict[str, str] = {row[0]: row[3] for row in _SECTORS}


def seniority_rank(level: str) -> int:
    """Return the position of ``level`` on the seniority scale (0 = student, 9 = owner).

    Raises
    ------
    KeyError
        When ``level`` is not a seniority id.

    Examples
    --------
    >>> seniority_rank("manager") > seniority_rank("senior")
    True
    """
    return _RANK[level]
