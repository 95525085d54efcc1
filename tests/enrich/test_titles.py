"""Function and seniority from job titles (netkit.enrich.titles)."""

from __future__ import annotations

import pytest

from netkit.enrich import classify_title
from netkit.enrich._data import DATA_DIR
from netkit.enrich.titles import TitleRules

# (title, function, seniority) as a recruiter would label them, following the taxonomy.
CASES = [
    # executives and owners, abbreviations included
    ("CEO", "executive", "executive"),
    ("AD", "executive", "executive"),
    ("A.D. e Direttore Generale", "executive", "executive"),
    ("Amministratore Delegato", "executive", "executive"),
    ("Amministratrice Delegata", "executive", "executive"),
    ("Founder & CEO", "executive", "owner"),
    ("CEO & Founder", "executive", "owner"),
    ("Co-founder & CTO", "it", "owner"),
    ("Titolare", "executive", "owner"),
    ("Managing Director", "executive", "executive"),
    ("Country Manager Italy", "executive", "executive"),
    ("General Manager", "executive", "executive"),
    ("Direttore Generale", "executive", "executive"),
    ("CFO", "finance", "executive"),
    ("Chief Financial Officer", "finance", "executive"),
    ("CHRO", "hr", "executive"),
    ("Chief People Officer", "hr", "executive"),
    ("COO", "operations", "executive"),
    # human resources
    ("HRBP", "hr", "mid"),
    ("Senior HR Business Partner", "hr", "senior"),
    ("Head of People", "hr", "director"),
    ("Head of People, Italy", "hr", "director"),
    ("Responsabile Risorse Umane", "hr", "manager"),
    ("Responsabile del Personale", "hr", "manager"),
    ("HR Director", "hr", "director"),
    ("Direttrice Risorse Umane", "hr", "director"),
    ("Addetta paghe e contributi", "hr", "entry"),
    ("Selezionatrice", "hr", "mid"),
    ("Talent Acquisition Partner", "hr", "mid"),
    ("HR Manager | Talent Acquisition", "hr", "manager"),
    ("Stagista Risorse Umane", "hr", "intern"),
    # finance and administration
    ("Resp. Amministrazione e Finanza", "finance", "manager"),
    ("Responsabile Amministrativa", "finance", "manager"),
    ("Impiegata amministrativa", "administration", "entry"),
    ("Impiegata", "administration", "entry"),
    ("Capo contabile", "finance", "lead"),
    ("Controller", "finance", "mid"),
    ("Sr. Accountant", "finance", "senior"),
    ("Segretaria di direzione", "administration", "mid"),
    ("Assistant to the CEO", "administration", "mid"),
    # sales and marketing, separators
    ("Sales @ Acme", "sales", "mid"),
    ("Account Manager presso Vodafone", "sales", "mid"),
    ("Key Account Manager", "sales", "senior"),
    ("Head of Sales", "sales", "director"),
    ("Direttore Commerciale", "sales", "director"),
    ("Vice President Sales", "sales", "director"),
    ("Inside Sales Representative", "sales", "entry"),
    ("Sales Engineer", "sales", "mid"),
    ("Marketing - Brand Manager", "marketing", "mid"),
    ("Addetto stampa", "marketing", "entry"),
    # engineering and IT
    ("Sr. Software Eng.", "it", "senior"),
    ("Junior Software Developer", "it", "entry"),
    ("Sviluppatrice junior", "it", "entry"),
    ("Data Scientist", "it", "mid"),
    ("Solution Architect", "it", "senior"),
    ("Ingegnera meccanica", "engineering", "mid"),
    ("Ingegnere", "engineering", "mid"),
    ("Project Engineer", "engineering", "mid"),
    ("Responsabile Ufficio Tecnico", "engineering", "manager"),
    # operations and procurement
    ("Senior Buyer Ufficio Acquisti", "procurement", "senior"),
    ("Responsabile Qualità", "operations", "manager"),
    ("Plant Manager", "operations", "manager"),
    ("Capoturno", "operations", "lead"),
    # legal, research, education, health
    ("Avvocato", "legal", "mid"),
    ("Avvocata", "legal", "mid"),
    ("Praticante avvocato", "legal", "intern"),
    ("General Counsel", "legal", "director"),
    ("Dottoranda", "research", "entry"),
    ("Ricercatrice", "research", "mid"),
    ("Professoressa Associata", "education", "senior"),
    ("Docente", "education", "mid"),
    ("Dottoressa", "health", "mid"),
    ("Infermiera", "health", "mid"),
    # levels only, levels and independents
    ("Direttrice", None, "director"),
    ("Coordinatrice", None, "lead"),
    ("Dirigente", None, "director"),
    ("Partner", None, "director"),
    ("Stagista", None, "intern"),
    ("Studentessa", None, "student"),
    ("Freelance", None, None),
    ("Libero professionista", None, None),
    ("Freelance Developer", "it", None),
    ("Looking for new opportunities", None, None),
    ("", None, None),
    # typos, case, languages mixed
    ("Enginner", "engineering", "mid"),
    ("HR manger", "hr", "manager"),
    ("Diretore Commerciale", "sales", "director"),
    ("Managment Consultant", "consulting", "mid"),
    ("RESPONSABILE RISORSE UMANE", "hr", "manager"),
    ("Responsible Risorse Umane", "hr", "manager"),
    ("Senior Buyer Ufficio Acquisti", "procurement", "senior"),
]


@pytest.mark.parametrize(("title", "function", "seniority"), CASES)
def test_classify_title(title, function, seniority):
    found = classify_title(title)
    assert (found.function, found.seniority) == (function, seniority), found.how


def test_how_names_the_keywords():
    assert classify_title("Responsabile Risorse Umane").how == (
        "keyword 'risorse umane' → hr; 'responsabile' → manager"
    )
    assert classify_title("HRBP").function_keyword == "hrbp"
    assert "'enginer' read as 'engineer'" in classify_title("Senior Enginer").how
    assert classify_title("Wizard of Oz").how == "no keyword matched"


def test_precedence_domain_word_beats_role_noun():
    # "software" (domain) beats "engineer" (role noun); "HR" beats "consultant"
    assert classify_title("Software Engineer").function == "it"
    assert classify_title("HR Consultant").function == "hr"
    assert classify_title("Sustainability Consultant").function == "sustainability"
    # a consultant with no other function named is in consulting
    assert classify_title("Senior Consultant").function == "consulting"
    # a project manager of a named function belongs to that function
    assert classify_title("IT Project Manager").function == "it"
    assert classify_title("Project Manager").function == "project-management"


def test_precedence_rank_beats_modifier_beats_default():
    assert classify_title("Senior Manager").seniority == "manager"
    assert classify_title("Junior Developer").seniority == "entry"
    assert classify_title("Developer").seniority == "mid"
    assert classify_title("Founder & CEO").seniority == "owner"
    assert classify_title("Senior Freelance Developer").seniority == "senior"


def test_sector_implied_by_a_title():
    assert classify_title("Avvocato").sector == "legal-services"
    assert classify_title("Commercialista").sector == "accounting-tax"
    assert classify_title("Software Engineer").sector is None
    assert classify_title("SAP Consultant").sector is None


def test_employer_part_is_ignored():
    # the employer's name must not decide the function
    assert classify_title("HR Manager @ Software House").function == "hr"
    assert classify_title("Buyer presso Marketing Srl").function == "procurement"


def test_feminine_forms_are_generated_from_masculine_rows(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text(
        "keyword,language,function,seniority,sector,function_priority,seniority_priority\n"
        "ispettore,it,operations,mid,,60,30\n"
        "commesso,it,sales,entry,,60,35\n"
        "commessa,it,project-management,,,50,\n",
        encoding="utf-8",
    )
    rules = TitleRules.from_csv(table)
    assert rules.classify("Ispettrice").function == "operations"
    # an explicit row wins over a generated feminine form
    assert rules.classify("Commessa").function == "project-management"


def test_user_table_extends_the_shipped_one(tmp_path):
    extra = tmp_path / "extra.csv"
    extra.write_text(
        "keyword,language,function,seniority,sector,function_priority,seniority_priority\n"
        "wizard,en,other,mid,,60,30\n",
        encoding="utf-8",
    )
    rules = TitleRules.from_csv(DATA_DIR / "title_keywords.csv", extra)
    found = rules.classify("Senior Wizard")
    assert (found.function, found.seniority) == ("other", "senior")


def test_bad_rows_in_a_table_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "keyword,language,function,seniority,sector,function_priority,seniority_priority\n"
        "wizard,en,magic,mid,,60,30\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"bad\.csv, line 2: unknown function 'magic'"):
        TitleRules.from_csv(bad)


def test_classification_is_cached_and_deterministic():
    first = classify_title("Responsabile Commerciale Italia")
    assert classify_title("Responsabile Commerciale Italia") is first
    rules = TitleRules.from_csv(DATA_DIR / "title_keywords.csv")
    assert rules.classify("Responsabile Commerciale Italia") == first
