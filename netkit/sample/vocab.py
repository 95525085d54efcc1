"""Word lists for the synthetic sample world: names, organisations, titles and cities.

Every list here was written for netkit; none is copied from another project. Lists are
tuples (or dicts of tuples) so that iteration order is fixed and generation is reproducible.
Values joined with ``|`` are split once at import time to keep the file readable.

Italian titles may carry a gendered ending written ``{masculine/feminine}``, e.g.
``"Impiegat{o/a} amministrativ{o/a}"``; :func:`netkit.sample.world.generate_world` expands it
with the contact's gender.
"""

from __future__ import annotations


def _split(text: str) -> tuple[str, ...]:
    """Split a ``|``-separated list, dropping surrounding blanks."""
    return tuple(item.strip() for item in text.split("|") if item.strip())


# --------------------------------------------------------------------------------------------
# Names by origin: first names (female, male) and surnames (female form, male form; they differ
# only where the language inflects surnames, as Polish and Czech do).

FIRST_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "it": (
        _split(
            "Giulia|Francesca|Chiara|Sara|Martina|Valentina|Alessia|Elisa|Federica|Silvia|"
            "Laura|Elena|Paola|Anna|Marta|Giorgia|Roberta|Serena|Ilaria|Beatrice|Camilla|"
            "Alice|Sofia|Aurora|Greta|Noemi|Ludovica|Arianna|Veronica|Cristina|Monica|"
            "Barbara|Simona|Claudia|Daniela|Manuela|Stefania|Eleonora|Benedetta|Caterina|"
            "Margherita|Irene|Lucia|Rossella|Antonella|Emanuela|Lucrezia|Bianca|Rebecca|Gaia|"
            "Viola|Nicoletta|Ginevra|Carlotta|Letizia|Maria Grazia|Anna Maria|Agnese|Debora"
        ),
        _split(
            "Marco|Luca|Andrea|Francesco|Alessandro|Matteo|Lorenzo|Davide|Simone|Federico|"
            "Riccardo|Stefano|Giovanni|Paolo|Roberto|Giuseppe|Antonio|Massimo|Fabio|Emanuele|"
            "Gabriele|Tommaso|Nicolò|Niccolò|Filippo|Pietro|Edoardo|Michele|Daniele|Alberto|"
            "Claudio|Vincenzo|Salvatore|Mattia|Jacopo|Leonardo|Giacomo|Enrico|Carlo|Mario|"
            "Sergio|Franco|Gianluca|Pierluigi|Giampaolo|Luigi|Diego|Cristiano|Ivan|Samuele|"
            "Raffaele|Ruggero|Gian Marco|Ettore|Umberto"
        ),
    ),
    "fr": (
        _split("Camille|Chloé|Léa|Manon|Inès|Margaux|Amélie|Hélène|Zoé|Élodie|Clémence"),
        _split("Julien|Mathieu|Nicolas|Antoine|François|Théo|Rémi|Jérôme|Benoît|Étienne|Hugo"),
    ),
    "de": (
        _split("Lena|Katharina|Jana|Sophie|Johanna|Miriam|Friederike|Lisa|Anke|Jördis"),
        _split("Jürgen|Lukas|Maximilian|Tobias|Florian|Stefan|Jörg|Matthias|Sebastian|Felix"),
    ),
    "es": (
        _split("Andrea|Lucía|María José|Carmen|Paula|Marta|Sofía|Inés|Alba|Nuria|Begoña"),
        _split("Javier|Alejandro|Pablo|Sergio|Álvaro|Diego|Jorge|Íñigo|Raúl|Andrés|Joaquín"),
    ),
    "en": (
        _split("Emma|Olivia|Sarah|Emily|Charlotte|Hannah|Zoë|Grace|Rachel|Siobhan|Niamh"),
        _split("James|Oliver|Thomas|William|Daniel|Michael|Christopher|Sean|Patrick|Ryan"),
    ),
    "in": (
        _split("Priya|Ananya|Kavya|Divya|Sneha|Aishwarya|Pooja|Neha|Meera|Lakshmi"),
        _split("Rahul|Arjun|Vikram|Rohan|Amit|Sanjay|Karthik|Aditya|Nikhil|Rajesh"),
    ),
    "zh": (
        _split("Mei|Xiaoyan|Jing|Yan|Hui|Ying|Xin|Lina"),
        _split("Wei|Jun|Hao|Lei|Ming|Tao|Jian|Yong"),
    ),
    "ar": (
        _split("Fatima|Aisha|Leila|Yasmin|Nour|Mariam|Salma|Rania|Amira|Hana"),
        _split("Mohamed|Ahmed|Omar|Youssef|Karim|Hassan|Ali|Khalid|Tarek|Samir"),
    ),
    "pl": (
        _split("Agnieszka|Katarzyna|Małgorzata|Joanna|Magdalena|Zofia"),
        _split("Łukasz|Piotr|Tomasz|Krzysztof|Paweł|Michał"),
    ),
    "ro": (
        _split("Ioana|Andreea|Elena|Mihaela|Alexandra|Raluca"),
        _split("Andrei|Mihai|Bogdan|Ștefan|Cătălin|Radu"),
    ),
    "cz": (
        _split("Petra|Zuzana|Kateřina|Lucie|Tereza"),
        _split("Jiří|Tomáš|Jan|Ondřej|Marek"),
    ),
    "dk": (
        _split("Mette|Freja|Ida|Sofie|Line|Signe"),
        _split("Søren|Mads|Rasmus|Jesper|Anders|Henrik"),
    ),
    "nl": (
        _split("Sanne|Eva|Femke|Lotte|Anouk"),
        _split("Daan|Bram|Joost|Pieter|Sander"),
    ),
}

SURNAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}

_SURNAMES_SINGLE: dict[str, str] = {
    "it": (
        "Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|"
        "Conti|De Luca|Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|Barbieri|Fontana|Santoro|"
        "Mariani|Rinaldi|Caruso|Ferrara|Galli|Martini|Leone|Longo|Gentile|Martinelli|Vitale|"
        "Lombardo|Serra|Coppola|De Santis|D'Angelo|Marchetti|Parisi|Villa|Conte|Ferraro|Ferri|"
        "Fabbri|Bianco|Marini|Grasso|Valentini|Messina|Sala|De Angelis|Gatti|Pellegrini|"
        "Palumbo|Sanna|Farina|Rizzi|Monti|Cattaneo|Morelli|Amato|Silvestri|Mazza|Testa|"
        "Dell'Orto|Della Valle|Di Stefano|Lo Russo|La Rosa|D'Amico|Dall'Ara|Brambilla|"
        "Bernasconi|Sironi|Brivio|Crippa|Mauri|Pozzi|Cantù|Schirò|Pellè|Fanò|Zanetti|"
        "Fumagalli|Locatelli|Ghezzi|Beretta|Tagliabue|Mapelli|Radaelli|Pirovano|Colnaghi|"
        "Dal Maso|De Rosa|D'Alessandro|Dell'Acqua|Degli Esposti|Dalla Costa|Lo Presti|"
        "Di Giacomo|De Marchi|Mazzoleni|Riva|Vismara|Sangalli|Terruzzi|Perego|Airoldi|Oggioni"
    ),
    "fr": (
        "Dubois|Lefèvre|Moreau|Laurent|Girard|Rousseau|Fournier|Mercier|Lemaire|Faure|"
        "Le Blanc|Dupont|Bonnet|Chevalier|Gauthier|Carré|Roussel|Benoît"
    ),
    "de": (
        "Müller|Schmidt|Schneider|Fischer|Weber|Becker|Hoffmann|Schäfer|Koch|Richter|Wagner|"
        "Krüger|Vogel|Meißner|Brandt|von Arnim|Schulte-Bräuning"
    ),
    "es": (
        "García Márquez|Gómez|Fernández|López|Martínez|Sánchez|Pérez|Rodríguez|Ruiz|Díaz|"
        "Muñoz|de la Fuente|Ortega|Castillo|Núñez|Iglesias|Herrera|Romero Díaz|Jiménez"
    ),
    "en": (
        "Smith|Johnson|Brown|Taylor|Wilson|Clarke|Evans|Walker|Hughes|O'Brien|O'Connor|"
        "McCarthy|Murphy|Thompson|Wright|Robinson|Hall|Green|Baker|Fitzgerald"
    ),
    "in": "Sharma|Patel|Iyer|Reddy|Gupta|Nair|Singh|Kumar|Menon|Chatterjee|Krishnan|Rao|Desai",
    "zh": "Zhang|Wang|Li|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun",
    "ar": (
        "El Amrani|Benali|Haddad|Khoury|Mansour|Al-Farsi|Saleh|Nasser|Ben Youssef|"
        "Abdel Rahman|El Idrissi|Bouzid"
    ),
    "ro": "Popescu|Ionescu|Dumitrescu|Stan|Constantin|Popa|Munteanu|Lungu|Ștefănescu",
    "dk": "Jensen|Nielsen|Hansen|Pedersen|Andersen|Christensen|Sørensen|Møller|Kjær",
    "nl": "Van der Berg|de Vries|Van Dijk|Bakker|Jansen|Visser|Van den Heuvel|de Jong",
}
for _origin, _names in _SURNAMES_SINGLE.items():
    SURNAMES[_origin] = (_split(_names), _split(_names))
SURNAMES["pl"] = (
    _split("Kowalska|Nowak|Wiśniewska|Wójcik|Kamińska|Lewandowska|Zielińska|Szymańska"),
    _split("Kowalski|Nowak|Wiśniewski|Wójcik|Kamiński|Lewandowski|Zieliński|Szymański"),
)
SURNAMES["cz"] = (
    _split("Nováková|Dvořáková|Svobodová|Černá|Procházková|Kučerová"),
    _split("Novák|Dvořák|Svoboda|Černý|Procházka|Kučera"),
)

#: Name origins of people who live in Italy, with weights (the rest of the world is mixed).
ORIGIN_WEIGHTS_ITALY: tuple[tuple[str, float], ...] = (
    ("it", 82.0),
    ("fr", 2.5),
    ("de", 2.0),
    ("es", 2.5),
    ("en", 2.5),
    ("in", 2.0),
    ("zh", 1.5),
    ("ar", 2.0),
    ("pl", 0.8),
    ("ro", 1.2),
    ("cz", 0.4),
    ("dk", 0.3),
    ("nl", 0.3),
)

# --------------------------------------------------------------------------------------------
# Cities: (name, country, name origin most common there, weight for random draws).
# Italian cities carry their Italian name, foreign cities their English one.

CITIES: tuple[tuple[str, str, str, float], ...] = (
    ("Milano", "Italy", "it", 40.0),
    ("Roma", "Italy", "it", 8.0),
    ("Torino", "Italy", "it", 5.0),
    ("Bologna", "Italy", "it", 4.0),
    ("Bergamo", "Italy", "it", 3.0),
    ("Monza", "Italy", "it", 3.0),
    ("Firenze", "Italy", "it", 2.0),
    ("Napoli", "Italy", "it", 2.0),
    ("Genova", "Italy", "it", 2.0),
    ("Brescia", "Italy", "it", 2.0),
    ("Padova", "Italy", "it", 2.0),
    ("Verona", "Italy", "it", 2.0),
    ("San Donato Milanese", "Italy", "it", 2.0),
    ("Venezia", "Italy", "it", 1.0),
    ("Bari", "Italy", "it", 1.0),
    ("Palermo", "Italy", "it", 1.0),
    ("Trento", "Italy", "it", 1.0),
    ("Bolzano", "Italy", "it", 1.0),
    ("Pavia", "Italy", "it", 1.0),
    ("Como", "Italy", "it", 1.0),
    ("Varese", "Italy", "it", 1.0),
    ("Lecco", "Italy", "it", 1.0),
    ("Sesto San Giovanni", "Italy", "it", 1.0),
    ("Modena", "Italy", "it", 0.6),
    ("Parma", "Italy", "it", 0.6),
    ("Trieste", "Italy", "it", 0.5),
    ("Taranto", "Italy", "it", 0.4),
    ("Alba", "Italy", "it", 0.2),
    ("Maranello", "Italy", "it", 0.2),
    ("London", "United Kingdom", "en", 1.5),
    ("Dublin", "Ireland", "en", 0.4),
    ("New York", "United States", "en", 0.4),
    ("Paris", "France", "fr", 1.2),
    ("Lyon", "France", "fr", 0.3),
    ("Munich", "Germany", "de", 0.8),
    ("Berlin", "Germany", "de", 0.5),
    ("Frankfurt", "Germany", "de", 0.3),
    ("Zurich", "Switzerland", "de", 0.5),
    ("Lugano", "Switzerland", "it", 0.5),
    ("Madrid", "Spain", "es", 0.8),
    ("Barcelona", "Spain", "es", 0.5),
    ("Bilbao", "Spain", "es", 0.3),
    ("Copenhagen", "Denmark", "dk", 0.4),
    ("Aarhus", "Denmark", "dk", 0.2),
    ("Amsterdam", "Netherlands", "nl", 0.5),
    ("Rotterdam", "Netherlands", "nl", 0.2),
    ("Bangalore", "India", "in", 0.4),
    ("Mumbai", "India", "in", 0.2),
    ("Shanghai", "China", "zh", 0.3),
    ("Dubai", "United Arab Emirates", "ar", 0.3),
    ("Casablanca", "Morocco", "ar", 0.2),
    ("Warsaw", "Poland", "pl", 0.3),
    ("Bucharest", "Romania", "ro", 0.3),
    ("Prague", "Czechia", "cz", 0.2),
)

# --------------------------------------------------------------------------------------------
# Organisations.
#
# Sectors (ground-truth labels, lowercase): "renewable energy", "energy", "human resources",
# "consulting", "finance", "insurance", "manufacturing", "automotive", "food", "fashion",
# "retail", "technology", "telecommunications", "logistics", "construction", "healthcare",
# "legal", "media", "education", "public sector".
#
# Real organisations: (key, canonical name, other spellings, sector, city, kind). Other
# spellings differ from the canonical name only by case, accents, punctuation and legal
# suffixes, exactly as people type them into a profile.

REAL_ORGANISATIONS: tuple[tuple[str, str, str, str, str, str], ...] = (
    # energy
    ("enel", "Enel", "Enel S.p.A.|ENEL SpA|ENEL", "energy", "Roma", "company"),
    ("edison", "Edison", "Edison S.p.A.|EDISON SPA", "energy", "Milano", "company"),
    ("a2a", "A2A", "A2A S.p.A.|a2a spa", "energy", "Milano", "company"),
    ("eni", "Eni", "Eni S.p.A.|ENI", "energy", "Roma", "company"),
    ("snam", "Snam", "Snam S.p.A.|SNAM", "energy", "San Donato Milanese", "company"),
    ("terna", "Terna", "Terna S.p.A.|TERNA SPA", "energy", "Roma", "company"),
    ("saipem", "Saipem", "Saipem S.p.A.", "energy", "Milano", "company"),
    ("hera", "Hera", "HERA S.p.A.", "energy", "Bologna", "company"),
    ("iren", "Iren", "Iren S.p.A.", "energy", "Torino", "company"),
    ("italgas", "Italgas", "Italgas S.p.A.", "energy", "Torino", "company"),
    ("sorgenia", "Sorgenia", "Sorgenia S.p.A.", "energy", "Milano", "company"),
    # renewable energy
    (
        "enel-green-power",
        "Enel Green Power",
        "Enel Green Power S.p.A.|ENEL GREEN POWER",
        "renewable energy",
        "Roma",
        "company",
    ),
    ("erg", "ERG", "ERG S.p.A.|Erg Spa", "renewable energy", "Genova", "company"),
    (
        "plenitude",
        "Plenitude",
        "Plenitude S.p.A.|PLENITUDE",
        "renewable energy",
        "San Donato Milanese",
        "company",
    ),
    ("vestas", "Vestas", "VESTAS", "renewable energy", "Aarhus", "company"),
    (
        "iberdrola",
        "Iberdrola",
        "Iberdrola S.A.|IBERDROLA SA",
        "renewable energy",
        "Bilbao",
        "company",
    ),
    ("renantis", "Renantis", "Renantis S.p.A.", "renewable energy", "Milano", "company"),
    ("siemens-gamesa", "Siemens Gamesa", "SIEMENS GAMESA", "renewable energy", "Bilbao", "company"),
    (
        "edp-renewables",
        "EDP Renewables",
        "EDP Renewables S.A.",
        "renewable energy",
        "Madrid",
        "company",
    ),
    # consulting
    ("accenture", "Accenture", "Accenture S.p.A.|ACCENTURE", "consulting", "Milano", "company"),
    ("deloitte", "Deloitte", "DELOITTE", "consulting", "Milano", "company"),
    ("pwc", "PwC", "PWC", "consulting", "Milano", "company"),
    ("ey", "EY", "", "consulting", "Milano", "company"),
    ("kpmg", "KPMG", "KPMG S.p.A.", "consulting", "Milano", "company"),
    ("mckinsey", "McKinsey & Company", "", "consulting", "Milano", "company"),
    ("bcg", "Boston Consulting Group", "", "consulting", "Milano", "company"),
    ("bain", "Bain & Company", "", "consulting", "Milano", "company"),
    ("capgemini", "Capgemini", "CAPGEMINI", "consulting", "Milano", "company"),
    # human resources services
    ("randstad", "Randstad", "Randstad S.p.A.|RANDSTAD", "human resources", "Milano", "company"),
    ("adecco", "Adecco", "ADECCO", "human resources", "Milano", "company"),
    ("gi-group", "Gi Group", "Gi Group S.p.A.|GI GROUP", "human resources", "Milano", "company"),
    ("manpowergroup", "ManpowerGroup", "", "human resources", "Milano", "company"),
    ("hays", "Hays", "Hays plc", "human resources", "Milano", "company"),
    ("michael-page", "Michael Page", "", "human resources", "Milano", "company"),
    ("korn-ferry", "Korn Ferry", "", "human resources", "Milano", "company"),
    # finance and insurance
    (
        "intesa-sanpaolo",
        "Intesa Sanpaolo",
        "Intesa Sanpaolo S.p.A.|INTESA SANPAOLO SPA",
        "finance",
        "Torino",
        "company",
    ),
    ("unicredit", "UniCredit", "Unicredit S.p.A.|UNICREDIT", "finance", "Milano", "company"),
    ("mediobanca", "Mediobanca", "Mediobanca S.p.A.", "finance", "Milano", "company"),
    ("banco-bpm", "Banco BPM", "Banco BPM S.p.A.", "finance", "Milano", "company"),
    ("finecobank", "FinecoBank", "", "finance", "Milano", "company"),
    ("bper", "BPER Banca", "", "finance", "Modena", "company"),
    ("generali", "Generali", "GENERALI", "insurance", "Trieste", "company"),
    ("allianz", "Allianz", "Allianz S.p.A.", "insurance", "Milano", "company"),
    ("unipol", "Unipol", "", "insurance", "Bologna", "company"),
    # manufacturing, automotive, food, fashion, retail
    ("pirelli", "Pirelli", "Pirelli S.p.A.|PIRELLI", "manufacturing", "Milano", "company"),
    ("prysmian", "Prysmian", "Prysmian S.p.A.", "manufacturing", "Milano", "company"),
    ("brembo", "Brembo", "Brembo S.p.A.", "automotive", "Bergamo", "company"),
    ("leonardo", "Leonardo", "Leonardo S.p.A.", "manufacturing", "Roma", "company"),
    ("siemens", "Siemens", "Siemens AG|SIEMENS", "manufacturing", "Munich", "company"),
    ("abb", "ABB", "", "manufacturing", "Zurich", "company"),
    ("stellantis", "Stellantis", "Stellantis N.V.", "automotive", "Torino", "company"),
    ("ferrari", "Ferrari", "Ferrari N.V.", "automotive", "Maranello", "company"),
    ("barilla", "Barilla", "", "food", "Parma", "company"),
    ("ferrero", "Ferrero", "", "food", "Alba", "company"),
    ("lavazza", "Lavazza", "", "food", "Torino", "company"),
    ("campari", "Campari Group", "", "food", "Milano", "company"),
    ("prada", "Prada", "Prada S.p.A.", "fashion", "Milano", "company"),
    ("armani", "Giorgio Armani", "Giorgio Armani S.p.A.", "fashion", "Milano", "company"),
    ("esselunga", "Esselunga", "Esselunga S.p.A.", "retail", "Milano", "company"),
    ("ikea", "IKEA", "Ikea", "retail", "Milano", "company"),
    ("decathlon", "Decathlon", "", "retail", "Milano", "company"),
    # technology and telecommunications
    ("microsoft", "Microsoft", "", "technology", "Milano", "company"),
    ("google", "Google", "", "technology", "Milano", "company"),
    ("amazon", "Amazon", "", "technology", "Milano", "company"),
    ("ibm", "IBM", "", "technology", "Milano", "company"),
    ("sap", "SAP", "", "technology", "Milano", "company"),
    ("reply", "Reply", "Reply S.p.A.", "technology", "Torino", "company"),
    (
        "engineering",
        "Engineering Ingegneria Informatica",
        "Engineering Ingegneria Informatica S.p.A.",
        "technology",
        "Roma",
        "company",
    ),
    ("tim", "TIM", "Tim", "telecommunications", "Roma", "company"),
    ("vodafone", "Vodafone", "", "telecommunications", "Milano", "company"),
    ("fastweb", "Fastweb", "Fastweb S.p.A.", "telecommunications", "Milano", "company"),
    ("dhl", "DHL", "", "logistics", "Milano", "company"),
    ("humanitas", "Humanitas", "", "healthcare", "Milano", "company"),
    # universities
    (
        "polimi",
        "Politecnico di Milano",
        "POLITECNICO DI MILANO|politecnico di milano",
        "education",
        "Milano",
        "university",
    ),
    (
        "bocconi",
        "Università Bocconi",
        "Universita' Bocconi|UNIVERSITÀ BOCCONI",
        "education",
        "Milano",
        "university",
    ),
    (
        "unimi",
        "Università degli Studi di Milano",
        "Universita degli Studi di Milano",
        "education",
        "Milano",
        "university",
    ),
    (
        "unimib",
        "Università di Milano-Bicocca",
        "Universita di Milano-Bicocca",
        "education",
        "Milano",
        "university",
    ),
    (
        "unicatt",
        "Università Cattolica del Sacro Cuore",
        "Universita' Cattolica del Sacro Cuore|UNIVERSITÀ CATTOLICA DEL SACRO CUORE",
        "education",
        "Milano",
        "university",
    ),
    ("polito", "Politecnico di Torino", "", "education", "Torino", "university"),
    (
        "unibo",
        "Università di Bologna",
        "Universita di Bologna",
        "education",
        "Bologna",
        "university",
    ),
    ("sapienza", "Sapienza Università di Roma", "", "education", "Roma", "university"),
    ("unipd", "Università degli Studi di Padova", "", "education", "Padova", "university"),
    ("luiss", "LUISS", "Luiss", "education", "Roma", "university"),
    # the HR industry association
    ("aidp", "AIDP", "Aidp", "human resources", "Milano", "association"),
    # public bodies
    ("comune-milano", "Comune di Milano", "COMUNE DI MILANO", "public sector", "Milano", "public"),
    ("regione-lombardia", "Regione Lombardia", "", "public sector", "Milano", "public"),
    ("gse", "GSE", "GSE S.p.A.", "public sector", "Roma", "public"),
    ("inps", "INPS", "Inps", "public sector", "Roma", "public"),
    ("arera", "ARERA", "", "public sector", "Milano", "public"),
)

#: Fictional organisations the owner's story needs: (key, canonical, other spellings,
#: sector, city, kind). Two names contain a comma, so the CSV must quote them.
FICTIONAL_ORGANISATIONS: tuple[tuple[str, str, str, str, str, str], ...] = (
    (
        "galbiati-alimentare",
        "Galbiati Alimentare S.p.A.",
        "Galbiati Alimentare SpA|GALBIATI ALIMENTARE S.P.A.|Galbiati Alimentare",
        "food",
        "Milano",
        "company",
    ),
    (
        "brightfield-analytics",
        "Brightfield Analytics, Inc.",
        "Brightfield Analytics Inc|Brightfield Analytics",
        "technology",
        "Milano",
        "company",
    ),
    (
        "studio-legale-ferri-galli",
        "Studio Legale Ferri, Galli & Associati",
        "",
        "legal",
        "Milano",
        "company",
    ),
    (
        "solare-brianza",
        "Solare Brianza S.r.l.",
        "Solare Brianza Srl|SOLARE BRIANZA SRL",
        "renewable energy",
        "Monza",
        "company",
    ),
    (
        "eolica-appenninica",
        "Eolica Appenninica S.p.A.",
        "Eolica Appenninica SpA",
        "renewable energy",
        "Bologna",
        "company",
    ),
    (
        "idroelettrica-valtellinese",
        "Idroelettrica Valtellinese S.r.l.",
        "",
        "renewable energy",
        "Lecco",
        "company",
    ),
    (
        "agrivoltaico-padano",
        "Agrivoltaico Padano S.r.l.",
        "Agrivoltaico Padano Srl",
        "renewable energy",
        "Pavia",
        "company",
    ),
    (
        "sole-nostro-energia",
        "Sole Nostro Energia S.r.l.",
        "SOLE NOSTRO ENERGIA SRL|Sole Nostro Energia",
        "renewable energy",
        "Milano",
        "company",
    ),
)

#: Templates for more fictional small companies: (pattern, sector, suffixes). ``{S}`` and
#: ``{T}`` are surnames, ``{P}`` a place. The suffixes are the legal forms one is drawn from
#: ("" = none).
SME_TEMPLATES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Officine {S}", "manufacturing", ("S.r.l.", "S.p.A.")),
    ("Meccanica {S}", "manufacturing", ("S.r.l.",)),
    ("{S} & Figli", "manufacturing", ("S.r.l.", "S.p.A.")),
    ("Fonderia {S}", "manufacturing", ("S.p.A.", "S.r.l.")),
    ("{S} Arredamenti", "manufacturing", ("S.r.l.",)),
    ("{S} Packaging", "manufacturing", ("S.r.l.",)),
    ("Tessitura {S}", "fashion", ("S.p.A.", "S.r.l.")),
    ("Maglificio {S}", "fashion", ("S.r.l.",)),
    ("Pastificio {S}", "food", ("S.r.l.",)),
    ("Caseificio {P}", "food", ("S.r.l.",)),
    ("Cantina {S}", "food", ("",)),
    ("{S} Logistica", "logistics", ("S.r.l.",)),
    ("Trasporti {S}", "logistics", ("S.r.l.", "")),
    ("{S} Costruzioni", "construction", ("S.p.A.", "S.r.l.")),
    ("{S} Impianti", "construction", ("S.r.l.",)),
    ("{S} Consulting", "consulting", ("S.r.l.", "")),
    ("{S} & Partners", "consulting", ("",)),
    ("Studio {S} & {T}", "consulting", ("",)),
    ("Studio Legale {S} & {T}", "legal", ("",)),
    ("Studio Legale {S}", "legal", ("",)),
    ("{S} & {T} Commercialisti Associati", "finance", ("",)),
    ("{S} Digital", "technology", ("S.r.l.",)),
    ("{P} Software", "technology", ("S.r.l.",)),
    ("{P} Data Lab", "technology", ("S.r.l.",)),
    ("{S} Comunicazione", "media", ("S.r.l.",)),
    ("Agenzia {S} Eventi", "media", ("",)),
    ("{P} Talent", "human resources", ("S.r.l.",)),
    ("{S} Risorse Umane", "human resources", ("S.r.l.",)),
    ("Farmacia {S}", "healthcare", ("",)),
    ("Clinica {P}", "healthcare", ("S.p.A.", "")),
    ("Broker {S}", "insurance", ("S.r.l.",)),
    ("{E} Engineering", "manufacturing", ("GmbH", "Ltd", "B.V.")),
    ("{E} Consulting", "consulting", ("Ltd", "LLC", "GmbH")),
    ("{E} Systems", "technology", ("Inc.", "Ltd", "Corp.")),
)

#: Places used in fictional company names.
PLACES: tuple[str, ...] = _split(
    "Brianza|Valtellina|Lario|Ticino|Adda|Seveso|Olona|Lomellina|Franciacorta|Langhe|Garda|"
    "Orobica|Navigli|Martesana|Valsassina|Oltrepò|Insubria|Sempione|Monferrato|Valcamonica|"
    "Lambro|Val Brembana|Mincio|Iseo|Naviglio Grande"
)

#: Surnames used in fictional foreign company names (the ``{E}`` slot).
FOREIGN_COMPANY_NAMES: tuple[str, ...] = _split(
    "Hartmann|Blackwood|Riverside|Lindqvist|Van Aalst|Kessler|Ashford|Northgate|Holloway|"
    "Brightwater|Falkenberg|Greystone|Oakridge|Sterling|Waverley|Kingsbridge"
)

# Words some people put in the Company cell although they name no organisation.
NO_ORGANISATION_WORDS: tuple[str, ...] = ("Self-employed", "Freelance", "Libero professionista")

# --------------------------------------------------------------------------------------------
# Functions, seniority and titles.
#
# Functions: "hr", "engineering", "software", "sales", "marketing", "finance", "operations",
# "legal", "management", "research", "consulting", "administration", "sustainability".
# Seniority levels, from junior to senior: "intern", "entry", "mid", "senior", "manager",
# "director", "executive".

SENIORITY_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("intern", 4.0),
    ("entry", 14.0),
    ("mid", 30.0),
    ("senior", 22.0),
    ("manager", 18.0),
    ("director", 8.0),
    ("executive", 4.0),
)

#: TITLES[function][seniority] = (English titles, Italian titles).
TITLES: dict[str, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "hr": {
        "intern": (
            _split("HR Intern|Talent Acquisition Intern"),
            _split("Stagista HR|Stagista Risorse Umane"),
        ),
        "entry": (
            _split("HR Assistant|Junior Recruiter|HR Administrator"),
            _split(
                "Addett{o/a} alla selezione del personale|Assistente HR|"
                "Impiegat{o/a} ufficio personale"
            ),
        ),
        "mid": (
            _split(
                "HR Generalist|Recruiter|Talent Acquisition Specialist|Payroll Specialist|"
                "HR Business Partner|Learning & Development Specialist"
            ),
            _split("Specialista Risorse Umane|Selezionat{ore/rice}|Addett{o/a} paghe"),
        ),
        "senior": (
            _split(
                "Senior HR Business Partner|Senior Recruiter|Compensation & Benefits Specialist|"
                "People Partner"
            ),
            _split(
                "HR Business Partner Senior|Specialista senior Relazioni Industriali|"
                "Senior Specialist Sviluppo Organizzativo|Responsabile Formazione"
            ),
        ),
        "manager": (
            _split(
                "HR Manager|Talent Acquisition Manager|Learning & Development Manager|"
                "Head of Recruiting"
            ),
            _split("Responsabile Risorse Umane|Responsabile del Personale|Responsabile Selezione"),
        ),
        "director": (
            _split("HR Director|Head of People|People & Culture Director"),
            _split("Diret{tore/trice} del Personale|Diret{tore/trice} Risorse Umane"),
        ),
        "executive": (
            _split("Chief People Officer|Chief Human Resources Officer"),
            _split("Diret{tore/trice} Centrale Risorse Umane"),
        ),
    },
    "engineering": {
        "intern": (
            _split("Engineering Intern"),
            _split("Stagista Ufficio Tecnico|Tirocinante ingegneria"),
        ),
        "entry": (
            _split("Junior Engineer|Graduate Engineer"),
            _split("Ingegnere junior|Tecnic{o/a} di cantiere"),
        ),
        "mid": (
            _split(
                "Project Engineer|Electrical Engineer|Mechanical Engineer|O&M Engineer|"
                "Design Engineer"
            ),
            _split(
                "Ingegnere di progetto|Progettista elettric{o/a}|Tecnic{o/a} manutenzione impianti"
            ),
        ),
        "senior": (
            _split("Senior Project Engineer|Lead Electrical Engineer|Grid Connection Specialist"),
            _split("Capo commessa|Ingegnere senior"),
        ),
        "manager": (
            _split("Engineering Manager|Site Manager|Project Manager|Asset Manager"),
            _split("Responsabile Ufficio Tecnico|Responsabile Impianti|Capo cantiere"),
        ),
        "director": (
            _split("Head of Engineering|Technical Director"),
            _split("Diret{tore/trice} Tecnic{o/a}"),
        ),
        "executive": (_split("Chief Technical Officer"), ()),
    },
    "software": {
        "intern": (
            _split("Software Engineering Intern|Data Science Intern"),
            _split("Stagista sviluppo software"),
        ),
        "entry": (
            _split("Junior Software Developer|Junior Data Analyst"),
            _split("Sviluppat{ore/rice} junior"),
        ),
        "mid": (
            _split(
                "Software Engineer|Full Stack Developer|Data Analyst|Data Scientist|"
                "Backend Developer|Cloud Engineer"
            ),
            _split("Sviluppat{ore/rice} software|Analista programmat{ore/rice}"),
        ),
        "senior": (
            _split("Senior Software Engineer|Senior Data Scientist|Tech Lead|Solution Architect"),
            _split("Sviluppat{ore/rice} senior"),
        ),
        "manager": (
            _split("Engineering Manager|IT Manager|Product Manager"),
            _split("Responsabile IT|Responsabile Sistemi Informativi"),
        ),
        "director": (
            _split("Head of Data|IT Director|VP Engineering"),
            _split("Diret{tore/trice} Sistemi Informativi"),
        ),
        "executive": (_split("CTO|Chief Information Officer|Chief Data Officer"), ()),
    },
    "sales": {
        "intern": (_split("Sales Intern"), _split("Stagista commerciale")),
        "entry": (
            _split("Sales Development Representative|Inside Sales Representative"),
            _split("Addett{o/a} commerciale|Assistente commerciale"),
        ),
        "mid": (
            _split("Account Manager|Business Developer|Sales Specialist"),
            _split("Commerciale|Agente di commercio|Funzionari{o/a} commerciale"),
        ),
        "senior": (
            _split("Key Account Manager|Senior Account Executive"),
            _split("Key Account Manager Italia"),
        ),
        "manager": (
            _split("Sales Manager|Area Manager|Business Development Manager"),
            _split("Responsabile Commerciale|Capo area"),
        ),
        "director": (
            _split("Sales Director|Head of Sales"),
            _split("Diret{tore/trice} Commerciale|Diret{tore/trice} Vendite"),
        ),
        "executive": (_split("Chief Commercial Officer|Chief Revenue Officer"), ()),
    },
    "marketing": {
        "intern": (_split("Marketing Intern"), _split("Stagista marketing|Stagista comunicazione")),
        "entry": (
            _split("Marketing Assistant|Social Media Specialist"),
            _split("Assistente marketing|Addett{o/a} stampa"),
        ),
        "mid": (
            _split(
                "Marketing Specialist|Content Specialist|Digital Marketing Specialist|"
                "Communication Specialist"
            ),
            _split("Specialista comunicazione|Copywriter"),
        ),
        "senior": (
            _split("Brand Manager|Senior Marketing Specialist|Product Marketing Manager"),
            _split("Responsabile social media"),
        ),
        "manager": (
            _split("Marketing Manager|Communication Manager"),
            _split("Responsabile Marketing|Responsabile Comunicazione"),
        ),
        "director": (
            _split("Marketing Director|Head of Communications"),
            _split("Diret{tore/trice} Marketing|Diret{tore/trice} Comunicazione"),
        ),
        "executive": (_split("Chief Marketing Officer"), ()),
    },
    "finance": {
        "intern": (_split("Finance Intern|Audit Intern"), _split("Stagista amministrazione")),
        "entry": (
            _split("Junior Accountant|Accounts Payable Specialist"),
            _split("Impiegat{o/a} amministrativ{o/a}|Contabile"),
        ),
        "mid": (
            _split("Financial Analyst|Controller|Treasury Analyst|Accountant"),
            _split("Analista finanziari{o/a}|Addett{o/a} alla contabilità"),
        ),
        "senior": (
            _split("Senior Financial Analyst|Senior Controller|Senior Auditor"),
            _split("Capo contabile"),
        ),
        "manager": (
            _split("Finance Manager|Controlling Manager|Treasury Manager"),
            _split("Responsabile Amministrativ{o/a}|Responsabile Amministrazione e Finanza"),
        ),
        "director": (
            _split("Finance Director|Head of Controlling"),
            _split("Diret{tore/trice} Amministrativ{o/a}|Diret{tore/trice} Finanziari{o/a}"),
        ),
        "executive": (_split("CFO|Chief Financial Officer"), ()),
    },
    "operations": {
        "intern": (
            _split("Operations Intern|Supply Chain Intern"),
            _split("Stagista logistica|Stagista ufficio acquisti"),
        ),
        "entry": (
            _split("Operations Assistant|Warehouse Coordinator"),
            _split("Impiegat{o/a} ufficio acquisti|Operai{o/a} specializzat{o/a}"),
        ),
        "mid": (
            _split(
                "Buyer|Supply Chain Specialist|Logistics Coordinator|Production Planner|"
                "Quality Specialist"
            ),
            _split("Pianificat{ore/rice} della produzione|Addett{o/a} qualità"),
        ),
        "senior": (
            _split("Senior Buyer|Category Manager|Lean Specialist"),
            _split("Capo reparto|Capoturno"),
        ),
        "manager": (
            _split(
                "Operations Manager|Plant Manager|Procurement Manager|Logistics Manager|"
                "Quality Manager"
            ),
            _split(
                "Responsabile Acquisti|Responsabile di Produzione|Responsabile Logistica|"
                "Responsabile Qualità"
            ),
        ),
        "director": (
            _split("Operations Director|Supply Chain Director"),
            _split("Diret{tore/trice} di Stabilimento|Diret{tore/trice} Operations"),
        ),
        "executive": (_split("COO|Chief Operating Officer|Chief Procurement Officer"), ()),
    },
    "legal": {
        "intern": (_split("Legal Intern"), _split("Praticante avvocato|Tirocinante legale")),
        "entry": (_split("Junior Associate|Paralegal"), _split("Praticante avvocato")),
        "mid": (
            _split("Associate|Legal Counsel|Compliance Specialist"),
            _split("Avvocat{o/a}|Giurista d'impresa"),
        ),
        "senior": (
            _split("Senior Associate|Senior Legal Counsel|Compliance Officer"),
            _split("Avvocat{o/a} senior"),
        ),
        "manager": (
            _split("Legal Manager|Head of Compliance"),
            _split("Responsabile Ufficio Legale"),
        ),
        "director": (
            _split("General Counsel|Legal Director"),
            _split("Diret{tore/trice} Affari Legali"),
        ),
        "executive": (_split("Partner|Managing Partner"), _split("Soci{o/a} fondat{ore/rice}")),
    },
    "management": {
        "manager": (
            _split("General Manager|Branch Manager|Country Manager"),
            _split("Titolare|Diret{tore/trice} di filiale"),
        ),
        "director": (
            _split("Managing Director|Country Manager Italy|Business Unit Director"),
            _split("Diret{tore/trice} Generale"),
        ),
        "executive": (
            _split("CEO|Founder & CEO|Co-Founder|President"),
            _split("Amministrat{ore/rice} Delegat{o/a}|Fondat{ore/rice}|Presidente|Titolare"),
        ),
    },
    "research": {
        "intern": (_split("Research Intern"), _split("Tirocinante di ricerca")),
        "entry": (
            _split("PhD Candidate|Research Assistant"),
            _split("Dottorand{o/a}|Assegnista di ricerca"),
        ),
        "mid": (
            _split("Postdoctoral Researcher|Research Fellow|Researcher"),
            _split("Ricercat{ore/rice}|Assegnista di ricerca"),
        ),
        "senior": (
            _split("Senior Researcher|Lecturer|Associate Professor"),
            _split("Professor{e/essa} Associat{o/a}|Ricercat{ore/rice} a tempo determinato"),
        ),
        "manager": (
            _split("Lab Manager|Research Manager|Programme Manager"),
            _split("Responsabile di laboratorio"),
        ),
        "director": (
            _split("Full Professor|Research Director|Head of Department"),
            _split("Professor{e/essa} Ordinari{o/a}|Diret{tore/trice} di Dipartimento"),
        ),
        "executive": (_split("Rector|Dean"), _split("Rett{ore/rice}|Prorett{ore/rice}")),
    },
    "consulting": {
        "intern": (_split("Consulting Intern"), _split("Stagista consulenza")),
        "entry": (
            _split("Analyst|Business Analyst|Junior Consultant"),
            _split("Consulente junior"),
        ),
        "mid": (
            _split("Consultant|Associate Consultant|Advisor"),
            _split("Consulente|Consulente di direzione"),
        ),
        "senior": (_split("Senior Consultant|Senior Advisor"), _split("Consulente senior")),
        "manager": (
            _split("Manager|Engagement Manager|Project Manager"),
            _split("Responsabile di progetto"),
        ),
        "director": (_split("Senior Manager|Director|Associate Partner"), ()),
        "executive": (_split("Partner|Managing Partner|Senior Partner"), ()),
    },
    "administration": {
        "intern": (_split("Office Intern"), _split("Stagista amministrativ{o/a}")),
        "entry": (
            _split("Office Assistant|Receptionist"),
            _split("Impiegat{o/a} amministrativ{o/a}|Segretari{o/a}"),
        ),
        "mid": (
            _split("Executive Assistant|Office Coordinator"),
            _split("Assistente di direzione|Addett{o/a} segreteria"),
        ),
        "senior": (_split("Senior Executive Assistant"), _split("Assistente di direzione senior")),
        "manager": (
            _split("Office Manager|Facility Manager"),
            _split("Responsabile di segreteria|Responsabile Servizi Generali"),
        ),
    },
    "sustainability": {
        "intern": (_split("Sustainability Intern"), _split("Stagista sostenibilità")),
        "entry": (_split("ESG Analyst|Junior Sustainability Specialist"), _split("Analista ESG")),
        "mid": (
            _split(
                "Sustainability Specialist|Energy Manager|ESG Specialist|Environmental Engineer"
            ),
            _split("Specialista sostenibilità"),
        ),
        "senior": (
            _split("Senior Sustainability Consultant|Energy Transition Specialist"),
            _split("Espert{o/a} sostenibilità"),
        ),
        "manager": (
            _split("Sustainability Manager|ESG Manager|HSE Manager"),
            _split("Responsabile Sostenibilità|Responsabile Ambiente e Sicurezza"),
        ),
        "director": (_split("Head of Sustainability"), _split("Diret{tore/trice} Sostenibilità")),
        "executive": (_split("Chief Sustainability Officer"), ()),
    },
}

#: Titles of people with no organisation (freelancers, people between jobs):
#: function -> (English titles, Italian titles).
SELF_EMPLOYED_TITLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "hr": (_split("HR Consultant|Career Coach"), _split("Consulente HR|Consulente del lavoro")),
    "consulting": (
        _split("Independent Consultant|Business Coach|Interim Manager"),
        _split("Consulente di direzione|Temporary manager"),
    ),
    "marketing": (
        _split("Freelance Copywriter|Graphic Designer"),
        _split("Social media manager freelance|Copywriter"),
    ),
    "software": (_split("Freelance Developer"), _split("Sviluppat{ore/rice} freelance")),
    "legal": (_split("Lawyer"), _split("Avvocat{o/a}|Consulente legale")),
    "finance": (_split("Chartered Accountant"), _split("Commercialista|Revisore legale")),
    "sustainability": (_split("Energy Consultant|ESG Advisor"), _split("Consulente ESG")),
}

#: Function weights by organisation sector; sectors not listed use "default".
FUNCTION_WEIGHTS: dict[str, tuple[tuple[str, float], ...]] = {
    "default": (
        ("hr", 8.0),
        ("engineering", 8.0),
        ("software", 10.0),
        ("sales", 14.0),
        ("marketing", 9.0),
        ("finance", 10.0),
        ("operations", 14.0),
        ("legal", 3.0),
        ("management", 5.0),
        ("consulting", 2.0),
        ("administration", 6.0),
        ("sustainability", 3.0),
    ),
    "renewable energy": (
        ("engineering", 30.0),
        ("operations", 10.0),
        ("sales", 12.0),
        ("finance", 8.0),
        ("hr", 3.0),
        ("sustainability", 10.0),
        ("software", 6.0),
        ("management", 6.0),
        ("legal", 4.0),
        ("marketing", 5.0),
        ("administration", 3.0),
    ),
    "energy": (
        ("engineering", 22.0),
        ("operations", 12.0),
        ("sales", 10.0),
        ("finance", 10.0),
        ("hr", 8.0),
        ("sustainability", 6.0),
        ("software", 10.0),
        ("legal", 5.0),
        ("management", 4.0),
        ("marketing", 6.0),
        ("administration", 4.0),
    ),
    "human resources": (
        ("hr", 55.0),
        ("sales", 20.0),
        ("marketing", 5.0),
        ("finance", 5.0),
        ("management", 6.0),
        ("administration", 6.0),
        ("software", 3.0),
    ),
    "consulting": (
        ("consulting", 60.0),
        ("hr", 5.0),
        ("software", 10.0),
        ("finance", 5.0),
        ("marketing", 4.0),
        ("sales", 6.0),
        ("management", 3.0),
        ("administration", 3.0),
        ("sustainability", 4.0),
    ),
    "finance": (
        ("finance", 35.0),
        ("sales", 15.0),
        ("software", 12.0),
        ("hr", 7.0),
        ("legal", 8.0),
        ("marketing", 6.0),
        ("operations", 6.0),
        ("management", 4.0),
        ("administration", 5.0),
        ("consulting", 2.0),
    ),
    "technology": (
        ("software", 50.0),
        ("sales", 15.0),
        ("marketing", 8.0),
        ("hr", 6.0),
        ("finance", 5.0),
        ("management", 5.0),
        ("operations", 5.0),
        ("consulting", 4.0),
        ("administration", 2.0),
    ),
    "education": (
        ("research", 70.0),
        ("administration", 12.0),
        ("hr", 5.0),
        ("software", 5.0),
        ("marketing", 5.0),
        ("management", 3.0),
    ),
    "public sector": (
        ("administration", 30.0),
        ("engineering", 10.0),
        ("legal", 12.0),
        ("finance", 12.0),
        ("hr", 10.0),
        ("software", 8.0),
        ("management", 5.0),
        ("sustainability", 8.0),
        ("marketing", 5.0),
    ),
    "legal": (
        ("legal", 75.0),
        ("administration", 10.0),
        ("hr", 3.0),
        ("finance", 4.0),
        ("management", 5.0),
        ("marketing", 3.0),
    ),
    "healthcare": (
        ("operations", 20.0),
        ("administration", 20.0),
        ("research", 15.0),
        ("hr", 8.0),
        ("finance", 8.0),
        ("marketing", 6.0),
        ("software", 8.0),
        ("management", 5.0),
        ("sales", 10.0),
    ),
    "media": (
        ("marketing", 50.0),
        ("sales", 15.0),
        ("software", 10.0),
        ("management", 8.0),
        ("finance", 5.0),
        ("hr", 5.0),
        ("administration", 7.0),
    ),
}
FUNCTION_WEIGHTS["insurance"] = FUNCTION_WEIGHTS["finance"]
FUNCTION_WEIGHTS["telecommunications"] = FUNCTION_WEIGHTS["technology"]

#: Functions of people with no organisation, and the sector their work belongs to.
SELF_EMPLOYED_FUNCTIONS: tuple[tuple[str, float, str], ...] = (
    ("hr", 30.0, "human resources"),
    ("consulting", 25.0, "consulting"),
    ("marketing", 10.0, "media"),
    ("software", 10.0, "technology"),
    ("legal", 8.0, "legal"),
    ("finance", 8.0, "finance"),
    ("sustainability", 9.0, "consulting"),
)

#: Titles with the quirks real profiles have (a comma, double quotes, a line break):
#: (function, seniority, title, sector the holder should work in or "" for any).
QUIRKY_TITLES: tuple[tuple[str, str, str, str], ...] = (
    ("hr", "senior", "HR Business Partner\nPeople & Culture", ""),
    ("hr", "director", "Head of People, Italy", ""),
    ("sales", "manager", "Sales Manager, Southern Europe", ""),
    (
        "engineering",
        "manager",
        'Project Manager "Comunità Energetiche Rinnovabili"',
        "renewable energy",
    ),
)

#: Suffixes appended to a few names the way LinkedIn users write them:
#: (which name, text appended).
NAME_QUIRKS: tuple[tuple[str, str], ...] = (
    ("last", ", PhD"),
    ("last", ", MBA"),
    ("last", " 🌱"),
    ("first", " 🚀"),
    ("last", "upper"),
)
