"""Bridges toward a target: the planted best bridges of the sample world come first."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from netkit.analyse.target import (
    PATH_COLUMNS,
    RANKING_COLUMNS,
    RELEVANCE_WEIGHTS,
    SOURCE_OPTIONS,
    SOURCE_OWNER,
    NoTarget,
    TargetResult,
    target,
)
from netkit.errors import NetkitError, UnknownTerm
from netkit.pipeline import import_network
from netkit.sample import SAMPLE_FILES

DATA = Path(__file__).resolve().parents[2] / "data"
COMBINATIONS = (
    "renewable-milano-hr",
    "renewable",
    "utilities-roma",
    "dream-renantis",
    "owner-preferences",
)


@pytest.fixture(scope="module")
def truth() -> dict:
    return json.loads((DATA / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def planted(truth: dict) -> dict[str, dict]:
    return {c["key"]: c for c in truth["targets"]["combinations"]}


@pytest.fixture(scope="module")
def node_of(truth: dict) -> dict[str, str]:
    return {p["key"]: f"li:{p['linkedin_slug']}" for p in truth["people"]}


@pytest.fixture(scope="module")
def sample() -> nx.Graph:
    return import_network([DATA / name for name in SAMPLE_FILES]).graph


@pytest.fixture(scope="module")
def connections_only() -> nx.Graph:
    return import_network([DATA / "Connections.csv"]).graph


@pytest.fixture(scope="module")
def results(sample: nx.Graph, planted: dict[str, dict]) -> dict[str, TargetResult]:
    out = {}
    for key, combination in planted.items():
        options = combination["options"]
        out[key] = (
            target(sample, top=None) if options is None else target(sample, top=None, **options)
        )
    return out


def _graph(*people: tuple[str, dict], ego_ties: dict[str, dict] | None = None) -> nx.Graph:
    """A small enriched network: the owner, people with attributes, their organisations."""
    G = nx.Graph(netkit_schema=1, ego="ego", archive_date="2026-01-01")
    G.add_node("ego", kind="ego", name="Owner")
    for node, attrs in people:
        attrs = dict(attrs)
        org = attrs.pop("org", None)
        G.add_node(node, kind="person", **attrs)
        if org:
            oid = f"org:{org.casefold()}"
            G.add_node(oid, kind="organisation", name=org)
            G.add_edge(node, oid, kind="member_of", current=True)
        G.add_edge("ego", node, **(ego_ties or {}).get(node, {"connected_on": "2020-01-01"}))
    return G


MILANO = {"city": "Milano", "province": "MI", "region": "Lombardia", "country": "Italy"}


# ------------------------------------------------------------------------ planted truth


@pytest.mark.parametrize("key", COMBINATIONS)
def test_planted_best_bridges_are_in_the_top_ten(results, planted, key):
    top = set(results[key].ranking.head(10)["person"])
    best = {b["node"] for b in planted[key]["best_bridges"]}
    assert best <= top, sorted(best - top)


def test_every_planted_combination_is_tested(planted):
    assert tuple(planted) == COMBINATIONS
    assert sum(len(c["best_bridges"]) for c in planted.values()) >= 15


def test_the_top_ten_of_a_broad_target_are_all_good_bridges(results, planted, node_of):
    # 34 contacts in renewable energy have a moderately weak or once-strong tie: the ten
    # first must all be among them (no latent tie, no one outside the sector).
    candidates = {node_of[k] for k in planted["renewable"]["candidates"]}
    assert len(candidates) > 10
    assert set(results["renewable"].ranking.head(10)["person"]) <= candidates


def test_the_best_bridge_of_the_owner_target_comes_first(results, planted):
    (best,) = planted["owner-preferences"]["best_bridges"]
    assert results["owner-preferences"].ranking.loc[0, "person"] == best["node"]


def test_gaps_count_the_planted_sector(results, planted):
    gaps = results["renewable"].gaps
    assert gaps.sector == len(planted["renewable"]["inside"]) == 49
    assert gaps.inside == 49 and gaps.territory is None and gaps.function is None


def test_a_dream_company_with_only_never_contacted_connections(results, planted, node_of):
    # Renantis: three connections, none ever written to; no observed tie reaches them.
    (renantis,) = planted["dream-renantis"]["organisations"]
    assert planted["dream-renantis"]["unreached_organisations"] == ["renantis"]
    result = results["dream-renantis"]
    (gap,) = [g for g in result.gaps.organisations if g.organisation == "org:renantis"]
    assert (gap.contacts, gap.interacted, gap.paths) == (len(renantis["members"]), 0, 0)
    rows = result.ranking.set_index("person")
    members = [node_of[k] for k in renantis["members"]]
    assert (rows.loc[members, "rank"] <= 10).all()
    assert (rows.loc[members, "action"] == "reconnect").all()
    assert (rows.loc[members, "tie_class"] == "latent").all()
    assert "sector taken from the target organisations: renewable energy" in result.notes


# ------------------------------------------------------------------------ the model


def test_relevance_is_the_weighted_share_of_the_named_dimensions(results, node_of):
    # Hand computation: target sector + function + territory (Milano), weights 0.30, 0.20,
    # 0.12. Claudio Bianco (Plenitude, HR, San Donato Milanese: province of Milano) scores
    # (0.30 + 0.20 + 0.12 * 0.7) / 0.62; Manuela Degli Esposti (Monza: same region)
    # (0.30 + 0.20 + 0.12 * 0.45) / 0.62; Enrico Dalla Costa (no place known) 0.50 / 0.62.
    rows = results["renewable-milano-hr"].ranking.set_index("person")
    w = RELEVANCE_WEIGHTS
    total = w["sector"] + w["function"] + w["territory"]
    expected = {
        "p0637": (w["sector"] + w["function"] + w["territory"] * 0.7) / total,
        "p0260": (w["sector"] + w["function"] + w["territory"] * 0.45) / total,
        "p0068": (w["sector"] + w["function"]) / total,
    }
    for key, value in expected.items():
        assert rows.loc[node_of[key], "relevance"] == pytest.approx(value, abs=1e-4)
    assert rows.loc[node_of["p0637"], "matches"] == "sector;function;territory:province"


def test_inside_organisation_sector_and_city_ranks_above_sector_only():
    tie = {"last_contact": "2025-06-01", "messages_sent": 3, "messages_received": 2}
    G = _graph(
        ("li:a", {"name": "A", "org": "Renantis", "sector": "renewable-energy", **MILANO}),
        ("li:b", {"name": "B", "org": "Acme", "sector": "renewable-energy"}),
        ("li:c", {"name": "C", "org": "Other", "sector": "banking", **MILANO}),
        ego_ties=dict.fromkeys(("li:a", "li:b", "li:c"), tie),
    )
    result = target(G, sector="renewable energy", territory="Milano", organisations=["Renantis"])
    assert list(result.ranking["person"]) == ["li:a", "li:b", "li:c"]
    relevance = list(result.ranking["relevance"])
    assert relevance[0] == 1.0 > relevance[1] > relevance[2] > 0


def test_reach_favours_moderately_weak_ties_over_the_closest_and_the_faintest():
    # Four contacts equal on every dimension; only the owner's tie differs.
    people = [(f"li:{x}", {"name": x.upper(), "sector": "renewable-energy"}) for x in "swdl"]
    ties = pd.DataFrame(
        {
            "person": ["li:s", "li:w", "li:d", "li:l"],
            "tie_class": ["strong", "weak", "dormant", "latent"],
            "strength": [0.9, 0.3, 0.2, 0.0],
        }
    )
    ego = {
        "li:s": {"last_contact": "2025-12-01", "messages_sent": 40},
        "li:w": {"last_contact": "2025-06-01", "messages_sent": 2},
        "li:d": {"last_contact": "2019-01-01", "messages_sent": 30, "messages_received": 10},
        "li:l": {"connected_on": "2018-01-01"},
    }
    result = target(_graph(*people, ego_ties=ego), sector="renewable energy", ties=ties)
    assert list(result.ranking["person"]) == ["li:w", "li:d", "li:s", "li:l"]
    rows = result.ranking.set_index("person")
    assert rows.loc["li:d", "revive"] and rows.loc["li:d", "action"] == "reconnect"
    assert "a dormant tie worth reviving" in rows.loc["li:d", "reason"]
    assert "un legame dormiente che vale la pena riattivare" in rows.loc["li:d", "reason_it"]
    assert rows.loc["li:l", "action"] == "reconnect"


def test_reasons_name_the_match_the_tie_and_the_contacts_in_the_target(results, node_of):
    rows = results["renewable"].ranking.set_index("person")
    reason = rows.loc[node_of["p0695"], "reason"]
    assert reason.startswith("Works at Enel Green Power in Milano (sector match)")
    assert reason.endswith("knows 2 people in the target sector")
    assert rows.loc[node_of["p0695"], "target_contacts"] == 2
    reason_it = rows.loc[node_of["p0695"], "reason_it"]
    assert reason_it.startswith("Lavora in Enel Green Power a Milano (corrispondenza: settore)")
    assert reason_it.endswith("conosce 2 persone nel settore obiettivo")
    dormant = results["renewable-milano-hr"].ranking.set_index("person").loc[node_of["p0068"]]
    assert "last in touch in 2022: a dormant tie worth reviving" in dormant["reason"]


def test_next_steps_follow_the_approach(results):
    ranking = results["renewable"].ranking
    assert set(ranking["action"]) <= {"reconnect", "information", "introduction"}
    for row in ranking.head(20).itertuples():
        assert row.next_step and row.next_step_it and row.reason and row.reason_it
        if row.action == "information":
            # information and advice first, not a job; give before asking; their choice
            assert "not a job" in row.next_step and "offer something" in row.next_step
            assert "non un lavoro" in row.next_step_it
        if row.action == "reconnect" and row.tie_class == "dormant":
            assert "no request" in row.next_step and "senza richieste" in row.next_step_it
    advice = results["renewable"].to_dict()["advice"]
    assert "never a mass message" in advice


def test_a_contact_outside_the_target_who_knows_insiders_is_asked_for_an_introduction():
    tie = {"last_contact": "2025-06-01", "messages_sent": 3}
    G = _graph(
        ("li:in", {"name": "Sara Neri", "org": "ERG", "sector": "renewable-energy"}),
        ("li:out", {"name": "Marco Blu", "org": "Bank", "sector": "banking"}),
        ego_ties={"li:out": tie, "li:in": {"connected_on": "2019-01-01"}},
    )
    G.add_edge("li:out", "li:in", kind="declared", count=1)
    rows = target(G, sector="renewable energy").ranking.set_index("person")
    out = rows.loc["li:out"]
    assert out["action"] == "introduction" and out["target_contacts"] == 1
    assert "Sara Neri at ERG" in out["next_step"] and "Sara Neri di ERG" in out["next_step_it"]


# ------------------------------------------------------------------------ paths


def test_paths_reach_a_dream_company_through_a_known_tie(sample, truth):
    # The owner knows nobody at Sonnedix; a contact in renewable energy (Pablo Pérez, a
    # medium tie) declared that he knows Sara, who works there.
    G = sample.copy()
    pablo = next(f"li:{p['linkedin_slug']}" for p in truth["people"] if p["key"] == "p0794")
    G.add_node("org:sonnedix", kind="organisation", name="Sonnedix", sector="renewable-energy")
    G.add_node("li:sara-verdi-test", kind="person", name="Sara Verdi", first_name="Sara")
    G.add_edge("li:sara-verdi-test", "org:sonnedix", kind="member_of", current=True)
    G.add_edge(pablo, "li:sara-verdi-test", kind="declared", count=1)
    result = target(G, organisations=["Sonnedix"], top=None)
    assert list(result.paths.columns) == list(PATH_COLUMNS)
    (path,) = result.paths.itertuples(index=False)
    assert (path.ask, path.member, path.hops) == (pablo, "li:sara-verdi-test", 2)
    assert path.text == "Ask Pablo Pérez, who knows Sara Verdi at Sonnedix"
    assert path.text_it == "Chiedi a Pablo Pérez, che conosce Sara Verdi di Sonnedix"
    (gap,) = result.gaps.organisations
    assert (gap.contacts, gap.paths) == (0, 1) and result.gaps.without_contacts == ("Sonnedix",)
    sara = result.ranking.set_index("person").loc["li:sara-verdi-test"]
    assert sara["tie_class"] == "none" and sara["action"] == "introduction"
    assert "Pablo Pérez" in sara["next_step"]


def test_paths_are_shortest_and_follow_the_chain():
    tie = {"last_contact": "2025-06-01", "messages_sent": 3}
    G = _graph(
        ("li:a", {"name": "Anna A"}),
        ("li:z", {"name": "Zeno Z"}),
        ego_ties={"li:a": tie, "li:z": tie},
    )
    G.add_node("li:b", kind="person", name="Bruno B")
    G.add_node("li:c", kind="person", name="Carla C")
    G.add_node("org:edison", kind="organisation", name="Edison", sector="utilities")
    G.add_edge("li:c", "org:edison", kind="member_of", current=True)
    G.add_edge("li:a", "li:b", kind="message", count=2)
    G.add_edge("li:b", "li:c", kind="email", count=1)
    G.add_edge("li:z", "li:a", kind="declared", count=1)
    paths = target(G, organisations=["Edison"]).paths
    assert list(paths["ask"]) == ["li:a", "li:z"]
    assert list(paths["hops"]) == [3, 4]
    assert paths.loc[0, "chain"] == "li:a;li:b;li:c"
    assert paths.loc[0, "text"] == "Ask Anna A, who knows Bruno B, who knows Carla C at Edison"


# ------------------------------------------------------------------------ evidence


def test_only_connections_ranks_by_relevance_alone(connections_only, planted, node_of):
    result = target(connections_only, sector="renewable energy", role="HR", territory="Milano")
    assert result.weights == {"relevance": 1.0}
    assert any("no interaction data" in n and "relevance alone" in n for n in result.notes)
    ranking = result.ranking
    assert (ranking["score"] == ranking["relevance"]).all()
    assert ranking["reach"].isna().all() and ranking["brokerage"].isna().all()
    assert set(ranking["tie_class"]) == {"unknown"}
    assert result.paths.empty
    # The same relevance gives the same planted insiders on top.
    insiders = {node_of[k] for k in planted["renewable-milano-hr"]["inside"]}
    assert insiders <= set(ranking.head(10)["person"])


def test_equal_scores_are_ordered_by_person_id(connections_only):
    ranking = target(connections_only, sector="banking", top=None).ranking
    assert list(ranking["rank"]) == list(range(1, len(ranking) + 1))
    keys = list(zip(-ranking["score"], ranking["person"], strict=True))
    assert keys == sorted(keys)
    assert len(ranking) == sum(1 for _, k in connections_only.nodes(data="kind") if k == "person")


def test_no_owner_ranks_the_whole_network():
    G = _graph(("li:a", {"name": "A", "sector": "fintech"}), ("li:b", {"name": "B"}))
    G.remove_node("ego")
    del G.graph["ego"]
    result = target(G, sector="fintech")
    assert list(result.ranking["person"]) == ["li:a", "li:b"]
    assert set(result.ranking["tie_class"]) == {"none"}
    assert any("no owner" in n for n in result.notes)


@pytest.mark.parametrize("people", [(), (("li:a", {"name": "A"}),)])
def test_empty_and_one_contact_networks(people):
    result = target(_graph(*people), sector="fintech")
    assert list(result.ranking.columns) == list(RANKING_COLUMNS)
    assert len(result.ranking) == len(people)
    assert result.paths.empty and result.gaps.contacts == len(people)
    json.dumps(result.to_dict(), allow_nan=False)
    assert result.table().count("\n") > 3


def test_precomputed_frames_are_used(sample):
    people = sorted(n for n, k in sample.nodes(data="kind") if k == "person")
    ties = pd.DataFrame({"person": people, "tie_class": "latent", "strength": 0.0})
    clusters = pd.DataFrame({"person": people, "cluster": 0, "cluster_label": "everyone"})
    bridges = pd.DataFrame({"person": people, "betweenness": 0.0, "clusters_touched": 1})
    result = target(
        sample, sector="renewable energy", ties=ties, bridges=bridges, clusters=clusters
    )
    assert set(result.ranking["tie_class"]) == {"latent"}
    assert [c.label for c in result.gaps.clusters] == ["everyone"]


# ------------------------------------------------------------------------ the owner's own target


def test_default_target_comes_from_the_archive_preferences(sample, results):
    result = results["owner-preferences"]
    assert result.source == SOURCE_OWNER
    assert result.notes[0].startswith(f"target taken from {SOURCE_OWNER} (no option given")
    goal = result.target
    assert goal.sectors == ("renewable-energy",)
    assert goal.functions == ("hr",)
    assert [p.name for p in goal.places] == ["Milano", "Lombardia"]
    dream = ("org:enel green power", "org:erg", "org:plenitude", "org:renantis")
    assert goal.organisations[:4] == dream
    # Followed companies count only in the target sector: not the HR association, not Edison.
    assert "org:edison next" not in goal.organisations
    assert not any("aidp" in o for o in goal.organisations)
    assert {g.name for g in result.gaps.organisations if g.contacts and not g.interacted} == {
        "Renantis"
    }


def test_options_override_the_archive_preferences(sample):
    result = target(sample, sector="utilities", top=3)
    assert result.source == SOURCE_OPTIONS
    assert result.target.sectors == ("utilities",) and not result.target.organisations
    assert not any("target taken from" in n for n in result.notes)


def test_no_target_anywhere_is_a_clear_error(connections_only):
    with pytest.raises(NoTarget, match="no target: give a sector") as error:
        target(connections_only)
    assert isinstance(error.value, NetkitError) and isinstance(error.value, ValueError)


@pytest.mark.parametrize(
    ("options", "kind"),
    [
        ({"sector": "blockchian farming"}, "sector"),
        ({"territory": "Atlantide Sommersa"}, "territory"),
        ({"role": "xqzzt wrangler"}, "role"),
        ({"seniority": "galactic"}, "seniority"),
    ],
)
def test_unknown_terms_list_the_closest_known_ones(sample, options, kind):
    with pytest.raises(UnknownTerm) as error:
        target(sample, **options)
    assert error.value.kind == kind and len(error.value.suggestions) >= 3
    assert "closest known" in str(error.value)


def test_bad_options_are_value_errors(sample):
    with pytest.raises(ValueError, match="top"):
        target(sample, sector="fintech", top=0)
    with pytest.raises(ValueError, match="lang"):
        target(sample, sector="fintech", lang="fr")


# ------------------------------------------------------------------------ output


def test_ranking_is_deterministic(sample):
    first = target(sample, sector="renewable energy", top=None)
    again = target(sample, sector="renewable energy", top=None)
    pd.testing.assert_frame_equal(first.ranking, again.ranking)
    # The same network built in another order ranks the same.
    H = nx.Graph()
    H.graph.update(sample.graph)
    H.add_nodes_from(reversed(list(sample.nodes(data=True))))
    H.add_edges_from(reversed(list(sample.edges(data=True))))
    other = target(H, sector="renewable energy", top=None)
    pd.testing.assert_frame_equal(first.ranking, other.ranking)
    assert first.to_dict() == other.to_dict()


def test_json_is_stable_and_documented(results):
    data = results["renewable-milano-hr"].to_dict()
    text = json.dumps(data, allow_nan=False, sort_keys=True)
    assert json.loads(text) == data
    assert list(data) == [
        "version",
        "source",
        "target",
        "weights",
        "notes",
        "notes_it",
        "advice",
        "advice_it",
        "ranking",
        "paths",
        "gaps",
    ]
    assert data["version"] == 1 and data["source"] == SOURCE_OPTIONS
    assert list(data["ranking"][0]) == list(RANKING_COLUMNS)
    assert list(data["target"]) == [
        "sectors",
        "functions",
        "seniorities",
        "places",
        "organisations",
        "terms",
    ]
    assert list(data["gaps"]) == [
        "contacts",
        "sector",
        "territory",
        "function",
        "seniority",
        "all_named",
        "inside",
        "organisations",
        "without_contacts",
        "clusters",
    ]
    first = data["ranking"][0]
    assert isinstance(first["rank"], int) and isinstance(first["revive"], bool)
    assert isinstance(first["score"], float) and first["reach"] is not None


@pytest.mark.parametrize("lang", ["en", "it"])
@pytest.mark.parametrize("width", [60, 80, 120])
def test_table_fits_the_terminal(results, lang, width):
    result = results["owner-preferences"]
    text = result.table(width=width, lang=lang)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    first = result.ranking.loc[0]
    row = next(line for line in lines if line.startswith("  1 "))
    assert first["name"][:10] in row and first["organisation"][:8] in row
    assert ("Perché" if lang == "it" else "Why") in text
    assert ("Note:" if lang == "it" else "Notes:") in text


def test_top_limits_the_rows_not_the_analysis(sample, results):
    small = target(sample, sector="renewable energy", top=5)
    full = results["renewable"]
    assert len(small.ranking) == 5
    pd.testing.assert_frame_equal(small.ranking, full.ranking.head(5))
    assert small.gaps == full.gaps


def test_the_input_graph_is_not_changed(sample):
    before = copy.deepcopy(sample)
    target(sample, sector="renewable energy", role="HR", territory="Milano", top=None)
    target(sample)
    assert nx.utils.graphs_equal(sample, before)
    assert dict(sample.nodes(data=True)) == dict(before.nodes(data=True))
    assert all(sample.edges[u, v] == d for u, v, d in before.edges(data=True))
    assert sample.graph == before.graph


def test_scores_are_bounded(results):
    for result in results.values():
        ranking = result.ranking
        for column in ("score", "relevance", "reach", "brokerage"):
            values = ranking[column].dropna()
            assert ((values >= 0) & (values <= 1)).all(), column
        assert not math.isnan(ranking["score"].sum())
