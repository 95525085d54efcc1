"""The seeded sample world and its Connections.csv: determinism, shape and planted truth."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import statistics
import subprocess
import sys
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from netkit.sample import (
    SampleOrganisation,
    SamplePerson,
    World,
    generate_world,
    vocab,
    write_connections_csv,
    write_sample,
)
from netkit.sample.linkedin import HEADER
from netkit.sample.world import SAMPLE_FILES

ALL_FILES = (*SAMPLE_FILES.values(), "truth.json")

ROOT = Path(__file__).resolve().parents[2]
NO_ORGANISATION = {"", "Self-employed", "Freelance", "Libero professionista"}
EXAMPLE_DOMAIN = re.compile(r"^[a-z0-9._-]+@(example\.(com|it|org)|[a-z0-9-]+\.example)$")
SUFFIX = re.compile(
    r"[\s,]*\b(?:s\.?p\.?a|s\.?r\.?l|inc|ltd|llc|gmbh|ag|s\.?a|n\.?v|b\.?v|plc|corp|co)\.?$"
)
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def normalise(name: str) -> str:
    """An organisation-name normaliser of the kind the importer uses (written independently)."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    while (shorter := SUFFIX.sub("", text)) != text:
        text = shorter
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def physical_rows(text: str) -> list[tuple[int, list[str]]]:
    """Every CSV record of the file with the physical line it starts on (1-based)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = []
    previous = 0
    for row in reader:
        rows.append((previous + 1, row))
        previous = reader.line_num
    return rows


@pytest.fixture(scope="module")
def world() -> World:
    return generate_world()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("sample")
    return folder, write_sample(folder)


@pytest.fixture(scope="module")
def csv_text(sample: tuple[Path, dict]) -> str:
    folder, _ = sample
    return (folder / "Connections.csv").read_bytes().decode("utf-8")


# ------------------------------------------------------------------------------ determinism


def test_same_seed_gives_identical_truth_and_bytes(tmp_path: Path, sample: tuple[Path, dict]):
    folder, truth = sample
    again = write_sample(tmp_path)
    assert again == truth
    for name in ALL_FILES:
        assert (tmp_path / name).read_bytes() == (folder / name).read_bytes(), name


@pytest.mark.parametrize("hash_seed", ["1", "4242"])
def test_other_process_and_hash_seed_give_identical_bytes(
    tmp_path: Path, sample: tuple[Path, dict], hash_seed: str
):
    folder, _ = sample
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
    code = "import sys, pathlib, netkit.sample as s; s.write_sample(pathlib.Path(sys.argv[1]))"
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, env=env)
    for name in ALL_FILES:
        assert (tmp_path / name).read_bytes() == (folder / name).read_bytes(), name


def test_another_seed_gives_another_world(world: World):
    other = generate_world(seed=7)
    assert other.people != world.people
    assert [p.linkedin_slug for p in other.people] != [p.linkedin_slug for p in world.people]
    assert other.knows != world.knows


def test_committed_data_is_what_the_generator_writes(sample: tuple[Path, dict]):
    folder, _ = sample
    assert sorted(p.name for p in (ROOT / "data").iterdir() if p.name != "generate.py") == sorted(
        ALL_FILES
    )
    for name in ALL_FILES:
        committed = ROOT / "data" / name
        assert committed.read_bytes() == (folder / name).read_bytes(), (
            f"data/{name} is stale: run python data/generate.py"
        )


# ------------------------------------------------------------------------------ shape


def test_counts_are_near_targets(world: World):
    assert 780 <= len(world.people) <= 820
    assert 230 <= len(world.organisations) <= 270
    keys = [p.key for p in world.people]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    org_keys = {o.key for o in world.organisations}
    used = {p.organisation for p in world.people if p.organisation}
    assert used == org_keys, "every organisation has a contact, every contact's org exists"
    assert {k for p in world.people for k in p.past_organisations} <= org_keys
    without = [p for p in world.people if p.organisation is None]
    assert 0.02 <= len(without) / len(world.people) <= 0.04
    kinds = Counter(o.kind for o in world.organisations)
    assert kinds["association"] == 1 and kinds["university"] >= 3 and kinds["public"] >= 1


def test_contacts_spread_over_organisations_with_a_heavy_tail(world: World):
    sizes = sorted(Counter(p.organisation for p in world.people if p.organisation).values())
    assert sizes[-1] >= 10 * statistics.median(sizes)
    assert 0.05 <= sizes[-1] / len(world.people) <= 0.08
    assert sum(1 for s in sizes if s <= 2) / len(sizes) > 0.5


def test_owner_is_an_hr_professional_in_milan_aiming_at_renewables(world: World):
    owner = world.owner
    assert (owner.city, owner.title, owner.target_sector) == (
        "Milano",
        "HR Business Partner",
        "renewable energy",
    )
    assert owner.positions[0].organisation == owner.organisation
    assert owner.positions[0].end is None
    assert 2 <= len(owner.past_organisations) <= 3
    assert world.organisation(owner.university).kind == "university"
    assert world.organisation(owner.association).kind == "association"
    assert world.organisation(owner.organisation).sector != world.target_sector


def test_names_are_italian_and_international_with_their_quirks(world: World):
    last_names = [p.last_name for p in world.people]
    full_names = [f"{p.first_name} {p.last_name}" for p in world.people]
    accented = [n for n in full_names if unicodedata.normalize("NFKD", n) != n]
    assert len(accented) >= 20
    assert sum("'" in n for n in last_names) >= 5
    assert sum(n.startswith(("De ", "Della ", "Dalla ", "Van ", "de ")) for n in last_names) >= 5
    assert any(", PhD" in n for n in last_names)
    assert any(ord(ch) > 0x1F000 for n in full_names for ch in n), "an emoji in a name"
    assert any(n.isupper() and len(n) > 3 for n in last_names), "an all-caps surname"
    italian = set(vocab.FIRST_NAMES["it"][0] + vocab.FIRST_NAMES["it"][1])
    foreign = {
        origin: set(female + male) - italian
        for origin, (female, male) in vocab.FIRST_NAMES.items()
        if origin != "it"
    }
    first_names = [p.first_name for p in world.people]
    assert sum(any(n in names for names in foreign.values()) for n in first_names) >= 60
    assert sum(bool(names & set(first_names)) for names in foreign.values()) >= 8


def test_some_homonyms_work_at_different_organisations(world: World):
    by_name: dict[str, list[SamplePerson]] = {}
    for person in world.people:
        by_name.setdefault(person.full_name, []).append(person)
    homonyms = [group for group in by_name.values() if len(group) > 1]
    assert homonyms
    assert any(len({p.organisation for p in group}) == len(group) for group in homonyms)
    assert all(len({p.linkedin_slug for p in group}) == len(group) for group in homonyms)


def test_slugs_are_unique_lowercase_ascii(world: World):
    slugs = [p.linkedin_slug for p in world.people]
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"[a-z0-9-]+", s) and not s.startswith("-") for s in slugs)


def test_emails_are_few_and_only_at_example_domains(world: World):
    emails = [p.email for p in world.people if p.email is not None]
    assert 0.05 <= len(emails) / len(world.people) <= 0.15
    assert len(set(emails)) == len(emails)
    bad = [e for e in emails + [world.owner.email] if not EXAMPLE_DOMAIN.match(e)]
    assert not bad


def test_organisation_variants_differ_only_in_case_accents_punctuation_and_suffix(
    world: World,
):
    keys: dict[str, str] = {}
    for org in world.organisations:
        assert org.variants[0] == org.name
        assert len(set(org.variants)) == len(org.variants)
        assert {normalise(v) for v in org.variants} == {normalise(org.name)}, org.variants
        owner = keys.setdefault(normalise(org.name), org.key)
        assert owner == org.key, f"{org.key} and {owner} normalise alike"
    assert sum(len(o.variants) > 1 for o in world.organisations) >= 30
    assert any("," in o.name for o in world.organisations)
    names = {o.name for o in world.organisations}
    assert {"Enel Green Power", "ERG", "Pirelli", "Accenture", "Politecnico di Milano"} <= names


def test_company_cell_is_a_variant_or_names_no_organisation(world: World):
    used_variants = set()
    for person in world.people:
        if person.organisation is None:
            assert person.company_text in NO_ORGANISATION
        else:
            org = world.organisation(person.organisation)
            assert person.company_text in org.variants
            used_variants.add(person.company_text)
            assert person.sector == org.sector
    assert len(used_variants) > len(world.organisations) + 20, "variants are really used"
    assert {p.company_text for p in world.people if p.organisation is None} >= {"", "Freelance"}


def test_titles_mix_languages_genders_and_quirks(world: World):
    titles = [p.title for p in world.people]
    assert not [t for t in titles if re.search(r"[{}|/]", t)]
    assert sum("\n" in t for t in titles) == 1
    assert sum("," in t for t in titles) >= 1 and sum('"' in t for t in titles) >= 1
    women = {p.title for p in world.people if p.gender == "f"}
    assert any(t.startswith(("Direttrice", "Impiegata", "Addetta", "Ricercatrice")) for t in women)
    assert any(t.startswith(("Responsabile", "Stagista")) for t in titles)
    assert any(t.startswith(("Senior", "Head of", "Chief")) for t in titles)


# ------------------------------------------------------------------------------ planted truth


def test_planted_groups(world: World):
    groups = Counter(g for p in world.people for g in p.groups)
    assert 35 <= groups["current-employer"] <= 55
    for former in world.owner.past_organisations:
        assert 20 <= groups[f"former-employer:{former}"] <= 45
    assert 35 <= groups[f"alumni:{world.owner.university}"] <= 45
    assert 25 <= groups[f"association:{world.owner.association}"] <= 35
    assert all(list(p.groups) == sorted(p.groups) for p in world.people)

    target = world.members("target-sector")
    assert 30 <= len(target) <= 60
    assert all(p.sector == world.target_sector for p in target)
    assert sum(p.city == "Milano" for p in target) >= 5
    assert sum(p.function == "hr" for p in target) >= 3
    bridges = [p for p in target if len(p.groups) > 1]
    assert len(bridges) >= 3, "some of the owner's circles reach into the target sector"

    alumni = world.members(f"alumni:{world.owner.university}")
    assert len({p.organisation for p in alumni}) >= 20
    assert all(world.owner.university in p.past_organisations for p in alumni)
    assert all(p.function == "hr" for p in world.members(f"association:{world.owner.association}"))
    for former in world.owner.past_organisations:
        for person in world.members(f"former-employer:{former}"):
            assert former == person.organisation or former in person.past_organisations


def test_ties_have_the_planted_shares(world: World):
    ties = Counter(p.tie for p in world.people)
    n = len(world.people)
    expected = {"strong": 0.05, "medium": 0.15, "weak": 0.30, "dormant": 0.15, "latent": 0.35}
    assert {tie: round(count / n, 2) for tie, count in ties.items()} == expected
    for person in world.people:
        if person.tie == "dormant":
            assert (world.export_date - person.connected_on).days > 3 * 365
            assert "current-employer" not in person.groups
    colleagues = world.members("current-employer")
    strong_share = sum(p.tie in ("strong", "medium") for p in colleagues) / len(colleagues)
    assert strong_share > 0.4


def test_connections_span_fifteen_years_recent_ones_denser(world: World):
    days = [p.connected_on for p in world.people]
    assert min(days) >= date(2011, 11, 1) and max(days) < date(2026, 11, 1)
    years = Counter(d.year for d in days)
    assert sum(years[y] for y in range(2022, 2027)) > 1.5 * sum(years[y] for y in range(2012, 2017))
    keyed = sorted(world.people, key=lambda p: p.key)
    assert [p.connected_on for p in keyed] == sorted(days), "keys follow connection order"


def test_knows_is_dense_within_groups_and_sparse_across(world: World):
    pairs = world.knows
    assert 2000 <= len(pairs) <= 4000
    assert list(pairs) == sorted(set(pairs))
    keys = {p.key for p in world.people}
    assert all(a < b and a in keys and b in keys for a, b in pairs)
    colleagues = {p.key for p in world.members("current-employer")}
    inside = sum(a in colleagues and b in colleagues for a, b in pairs)
    across = sum((a in colleagues) != (b in colleagues) for a, b in pairs)
    density_inside = inside / (len(colleagues) * (len(colleagues) - 1) / 2)
    density_across = across / (len(colleagues) * (len(keys) - len(colleagues)))
    assert density_inside > 20 * density_across


# ------------------------------------------------------------------------------ Connections.csv


def test_csv_is_utf8_lf_without_bom_or_final_newline(sample: tuple[Path, dict]):
    folder, _ = sample
    data = (folder / "Connections.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data
    assert not data.endswith(b"\n")
    text = data.decode("utf-8")
    lines = text.split("\n")
    assert lines[0] == "Notes:"
    assert lines[1].startswith('"When exporting your connection data') and lines[1].endswith(
        'answer/261"'
    )
    assert lines[2] == ""
    assert lines[3] == "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def test_csv_rows_match_the_world_and_the_manifest(
    csv_text: str, sample: tuple[Path, dict], world: World
):
    _, truth = sample
    manifest = truth["connections"]
    records = physical_rows(csv_text)
    assert records[3] == (4, list(HEADER))
    data = records[4:]
    assert manifest["rows"] == len(data) == len(world.people) + 5
    assert manifest["contacts"] == len({row[2] for _, row in data if row[2]}) == len(world.people)

    by_line = dict(data)
    assert len(manifest["rejected_lines"]) == manifest["rejected"] == 3
    for line in manifest["rejected_lines"]:
        assert by_line[line][:6] == [""] * 6 and re.fullmatch(r"\d\d \w{3} \d{4}", by_line[line][6])
    assert len(manifest["duplicate_lines"]) == manifest["duplicates"] == 2
    for line in manifest["duplicate_lines"]:
        earlier = [row for start, row in data if start < line]
        assert by_line[line] in earlier
    hidden_or_repeated = set(manifest["rejected_lines"]) | set(manifest["duplicate_lines"])
    assert sum(1 for line, row in data if not row[0]) == 3
    assert len({tuple(row) for _, row in data if row[0]}) == len(world.people)

    multi = [(line, row) for line, row in data if "\n" in row[5]]
    assert len(multi) == 1, "one title spans two physical lines"
    assert any(line > multi[0][0] for line in hidden_or_repeated), "line numbers cross it"

    expected = {p.linkedin_url: p for p in world.people}
    for _, row in data:
        if not row[0]:
            continue
        person = expected[row[2]]
        connected = f"{person.connected_on.day:02d} {MONTHS[person.connected_on.month - 1]}"
        assert row == [
            person.first_name,
            person.last_name,
            person.linkedin_url,
            person.email or "",
            person.company_text,
            person.title,
            f"{connected} {person.connected_on.year}",
        ]
    days = [expected[row[2]].connected_on for _, row in data if row[0]]
    assert days == sorted(days, reverse=True), "newest first"


def test_manifest_counts_agree_with_the_truth(sample: tuple[Path, dict], world: World):
    _, truth = sample
    manifest = truth["connections"]
    counts = Counter(p.organisation for p in world.people if p.organisation)
    assert manifest["organisations"] == len(counts) == len(world.organisations)
    assert manifest["contacts_without_organisation"] == sum(
        p.organisation is None for p in world.people
    )
    top = manifest["top_organisations"]
    assert len(top) == 10 and top[0] == [world.organisation(world.owner.organisation).name, 45]
    assert [c for _, c in top] == sorted((c for _, c in top), reverse=True)
    assert sum(manifest["connection_years"].values()) == len(world.people)
    assert manifest["file"] == "Connections.csv"


def test_truth_json_is_the_returned_truth_and_small(sample: tuple[Path, dict]):
    folder, truth = sample
    data = (folder / "truth.json").read_bytes()
    assert data.endswith(b"}\n") and len(data) < 3_000_000
    assert json.loads(data) == truth
    assert truth["seed"] == 2026 and len(truth["people"]) == truth["connections"]["contacts"]
    assert truth["people"][0]["key"] == "p0001"
    assert set(truth["people"][0]) >= {
        "key",
        "first_name",
        "last_name",
        "linkedin_slug",
        "email",
        "organisation",
        "company_text",
        "title",
        "function",
        "seniority",
        "sector",
        "city",
        "country",
        "groups",
        "connected_on",
        "tie",
    }


def test_writer_dates_do_not_depend_on_the_locale(tmp_path: Path, world: World):
    manifest = write_connections_csv(world, tmp_path / "c.csv")
    text = (tmp_path / "c.csv").read_text(encoding="utf-8")
    dates = re.findall(r",(\d\d) (\w{3}) (\d{4})$", text, flags=re.MULTILINE)
    assert len(dates) == manifest["rows"]
    assert {month for _, month, _ in dates} <= set(MONTHS)


# ------------------------------------------------------------------------------ scale


def test_thirty_thousand_contacts():
    big = generate_world(n_contacts=30000)
    assert len(big.people) == 30000 and big.people[-1].key == "p30000"
    assert len({p.linkedin_slug for p in big.people}) == 30000
    assert len(big.organisations) > 1000
    assert all(isinstance(o, SampleOrganisation) for o in big.organisations)


def test_too_few_contacts_is_refused():
    with pytest.raises(ValueError, match="at least 50"):
        generate_world(n_contacts=10)
    assert len(generate_world(n_contacts=50).people) == 50
