"""Tie strength, classes and the maintenance list: hand computations, the sample world's
planted ties, and Onnela et al.'s (2007) regularities on real message networks."""

from __future__ import annotations

import copy
import csv
import json
import math
import os
import statistics
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from netkit.analyse import _views
from netkit.analyse.ties import (
    CLASS_FLOORS,
    CLASS_SHARES,
    DEFAULT_WEIGHTS,
    DIMENSIONS,
    edge_overlap,
    fragmentation,
    maintenance,
    ties,
)
from netkit.build import NetworkBuilder
from netkit.pipeline import import_network
from netkit.sample import SAMPLE_FILES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
DATASETS = Path(os.environ.get("NETKIT_DATASETS") or ROOT.parent / "shared" / "datasets")

TIES_COLUMNS = [
    "person",
    "name",
    "strength",
    "tie_class",
    "low_evidence",
    "past_strength",
    *DIMENSIONS,
    "messages_sent",
    "messages_received",
    "reciprocity",
    "meetings",
    "endorsements",
    "recommendations",
    "channels",
    "first_contact",
    "last_contact",
    "days_since_contact",
    "connected_on",
    "years_connected",
    "years_in_touch",
    "shared_organisations",
    "contacts_in_common",
    "invited_by",
    "dunbar_layer",
    "evidence",
]
MAINTENANCE_COLUMNS = [
    "person",
    "name",
    "tie_class",
    "strength",
    "past_strength",
    "last_contact",
    "why",
    "suggestion",
    "why_it",
    "suggestion_it",
]


def owned(**ties_by_person: dict) -> nx.Graph:
    """An owner and contacts with the given ego-tie attributes."""
    G = nx.Graph(netkit_schema=1, ego="ego")
    G.add_node("ego", kind="ego", name="Owner")
    for person, attrs in ties_by_person.items():
        G.add_node(person, kind="person", name=person.split(":")[1].title())
        G.add_edge("ego", person, **attrs)
    return G


def unchanged(G: nx.Graph, run) -> pd.DataFrame:
    before = copy.deepcopy(G)
    first, second = run(G), run(G)
    pd.testing.assert_frame_equal(first, second)
    assert nx.utils.graphs_equal(G, before)
    assert dict(G.nodes(data=True)) == dict(before.nodes(data=True))
    assert {(u, v): d for u, v, d in G.edges(data=True)} == {
        (u, v): d for u, v, d in before.edges(data=True)
    }
    assert G.graph == before.graph
    return first


# ---------------------------------------------------------------------------------------
# Small graphs, values computed by hand


def test_strength_by_hand():
    # Only intimacy (recency) and intensity have evidence: no dates to measure duration,
    # no organisations, endorsements or ties among contacts.
    now = date(2024, 6, 1)
    G = owned(
        **{
            "li:ada": {"messages_sent": 10, "messages_received": 10, "last_contact": "2024-06-01"},
            "li:bo": {"messages_sent": 2, "last_contact": (now - timedelta(180)).isoformat()},
        }
    )
    df = ties(G, now=now).set_index("person")
    # intimacy: recency 0.5 ** (days / 180): 1 and 0.5.
    assert df.loc["li:ada", "intimacy"] == 1.0
    assert df.loc["li:bo", "intimacy"] == 0.5
    # intensity: sent ranks among positive counts {2, 10}: 1 and 1/2; received {10}: 1
    # and 0; reciprocity (min/max × rank of min): 1 and 0. Means 1 and 1/6.
    assert df.loc["li:ada", "intensity"] == 1.0
    assert df.loc["li:bo", "intensity"] == pytest.approx(1 / 6, abs=1e-4)
    # weights 33 : 20 (Gilbert & Karahalios's intimacy and intensity shares)
    assert df.loc["li:bo", "strength"] == pytest.approx((33 * 0.5 + 20 / 6) / 53, abs=1e-4)
    assert df.loc["li:ada", "strength"] == 1.0
    assert math.isnan(df.loc["li:ada", "duration"]) and math.isnan(df.loc["li:ada", "structure"])
    assert df.loc["li:ada", "reciprocity"] == 1.0 and df.loc["li:bo", "reciprocity"] == 0.0
    # two active ties: the top tenth (rounded up) is one tie, the top third one tie too
    assert df["tie_class"].to_dict() == {"li:ada": "strong", "li:bo": "weak"}
    weights = ties(G, now=now).attrs["weights"]
    assert set(weights) == {"intimacy", "intensity"}
    assert sum(weights.values()) == pytest.approx(1.0, abs=1e-3)
    assert weights["intimacy"] == pytest.approx(33 / 53, abs=1e-4)


def test_default_weights_are_gilbert_karahalios_shares_renormalised():
    assert set(DEFAULT_WEIGHTS) == set(DIMENSIONS)
    assert sum(DEFAULT_WEIGHTS.values()) == pytest.approx(1.0)
    shares = {"intimacy": 33, "intensity": 20, "duration": 17, "similarity": 14}
    shares |= {"services": 8, "structure": 5}
    for dim, share in shares.items():
        assert DEFAULT_WEIGHTS[dim] == pytest.approx(share / 97)


def test_volume_alone_does_not_make_a_tie_strong():
    # Marsden & Campbell (1984): a flood of one-way messages is not closeness.
    G = owned(
        **{
            "li:spam": {"messages_sent": 500, "last_contact": "2024-05-01",
                        "first_contact": "2023-05-01"},
            "li:friend": {"messages_sent": 12, "messages_received": 11,
                          "last_contact": "2024-05-01", "first_contact": "2023-05-01"},
            "li:pal": {"messages_sent": 6, "messages_received": 7,
                       "last_contact": "2024-05-01", "first_contact": "2023-05-01"},
        }
    )  # fmt: skip
    df = ties(G, now="2024-06-01").set_index("person")
    assert df.loc["li:friend", "strength"] > df.loc["li:spam", "strength"]
    assert df.loc["li:pal", "strength"] > df.loc["li:spam", "strength"]
    # the cap: 500 messages score no more than 100 would
    G.edges["ego", "li:spam"]["messages_sent"] = 100
    again = ties(G, now="2024-06-01").set_index("person")
    assert again.loc["li:spam", "intensity"] == df.loc["li:spam", "intensity"]


def test_dormant_latent_and_the_dormant_threshold():
    now = date(2024, 6, 1)
    G = owned(
        **{
            "li:old": {"messages_sent": 5, "messages_received": 5,
                       "last_contact": (now - timedelta(3 * 365)).isoformat()},
            "li:almost": {"messages_sent": 5, "messages_received": 5,
                          "last_contact": (now - timedelta(3 * 365 - 1)).isoformat()},
            "li:met": {"meetings": 2, "last_contact": (now - timedelta(4000)).isoformat()},
            "li:never": {"connected_on": "2019-01-01", "endorsements_received": 3},
        }
    )  # fmt: skip
    df = ties(G, now=now).set_index("person")
    assert df.loc["li:old", "tie_class"] == "dormant"
    assert df.loc["li:met", "tie_class"] == "dormant"  # meetings are interaction too
    assert df.loc["li:almost", "tie_class"] != "dormant"
    assert df.loc["li:never", "tie_class"] == "latent"  # endorsements are not interaction
    assert df["low_evidence"].to_dict() == {
        "li:old": False, "li:almost": False, "li:met": False, "li:never": True
    }  # fmt: skip
    # past strength: what the tie was worth when last active, above today's strength
    assert df.loc["li:old", "past_strength"] > df.loc["li:old", "strength"]
    assert df.loc["li:never", "past_strength"] == df.loc["li:never", "strength"]
    # a shorter window makes the almost-dormant tie dormant
    shorter = ties(G, now=now, dormant_after_days=365).set_index("person")
    assert shorter.loc["li:almost", "tie_class"] == "dormant"


def test_no_interaction_data_is_unknown_and_says_so():
    b = NetworkBuilder("linkedin-connections")
    for i, company in enumerate(["Enel", "Enel", "Pirelli"]):
        pid = b.person(f"li:p{i}", name=f"Person {i}", connected_on=f"201{i}-01-01")
        b.tie(pid, channel="linkedin", connected_on=f"201{i}-01-01")
        b.member(pid, company)
    G = b.graph("linkedin-connections:Connections.csv:3:0")
    df = unchanged(G, ties)
    assert list(df.columns) == TIES_COLUMNS
    assert set(df["tie_class"]) == {"unknown"}
    assert df["low_evidence"].all()
    assert df["intimacy"].isna().all() and df["intensity"].isna().all()
    assert df["duration"].notna().all()
    assert "no interaction data" in df.attrs["notes"][0]
    assert "LinkedIn archive" in df.attrs["notes"][0]
    m = maintenance(G)
    assert list(m.columns) == MAINTENANCE_COLUMNS and m.empty
    assert any("no maintenance list" in note for note in m.attrs["notes"])


def test_similarity_structure_and_the_evidence_sentence():
    b = NetworkBuilder("test")
    b.set_ego(name="Owner")
    b.member("ego", "Pirelli", current=False)
    ada = b.person("li:ada", name="Ada", position="HR Manager")
    b.member(ada, "Pirelli", current=False)
    b.tie(ada, channel="linkedin", messages_sent=18, when="2026-01-03")
    b.tie(ada, channel="linkedin", messages_received=16, when="2026-09-12")
    b.tie(ada, channel="calendar", meetings=6, endorsements_received=2)
    bo = b.person("li:bo", name="Bo")
    b.tie(bo, channel="linkedin", messages_sent=1, when="2026-02-01")
    b.link(ada, bo, kind="email", when="2026-03-01", count=2)
    G = b.graph("test:x:2:0")
    G.graph["ego_organisations"] = "org:pirelli"
    df = ties(G, now="2026-10-01").set_index("person")
    assert df.loc["li:ada", "evidence"] == (
        "34 messages (18 sent, 16 received), last 2026-09-12; met 6 times; endorsed you 2×; "
        "former colleague at Pirelli; 1 contact in common"
    )
    assert df.loc["li:ada", "shared_organisations"] == "Pirelli"
    assert df.loc["li:ada", "similarity"] == 1.0 and df.loc["li:bo", "similarity"] == 0.0
    assert df.loc["li:ada", "contacts_in_common"] == 1 == df.loc["li:bo", "contacts_in_common"]
    assert df.loc["li:ada", "endorsements"] == 2
    assert df.loc["li:ada", "years_in_touch"] == pytest.approx(252 / 365.25, abs=0.01)
    assert df.loc["li:bo", "shared_organisations"] is None


def test_dunbar_layers_are_cumulative_ranks_of_recent_interaction():
    people = {
        f"li:p{i:02d}": {"messages_sent": 60 - i, "messages_received": 60 - i,
                         "last_contact": "2024-05-01"}
        for i in range(20)
    }  # fmt: skip
    df = ties(owned(**people), now="2024-06-01").set_index("person")
    layers = df["dunbar_layer"]
    assert [layers[f"li:p{i:02d}"] for i in (0, 4, 5, 14, 15, 19)] == [5, 5, 15, 15, 50, 50]
    assert Counter(layers.tolist()) == {5: 5, 15: 10, 50: 5}


def test_classes_by_rank_among_active_ties():
    people = {
        f"li:p{i:02d}": {"messages_sent": 1 + i, "messages_received": 1 + i,
                         "last_contact": f"2024-05-{1 + i:02d}", "first_contact": "2023-01-01"}
        for i in range(30)
    }  # fmt: skip
    df = ties(owned(**people), now="2024-06-01")
    counts = Counter(df["tie_class"])
    assert counts["strong"] == math.ceil(CLASS_SHARES["strong"] * 30) == 3
    assert counts["strong"] + counts["medium"] == math.ceil(CLASS_SHARES["medium"] * 30)
    assert list(df["person"][:3]) == ["li:p29", "li:p28", "li:p27"]
    assert df.attrs["cutoffs"]["strong"] == df["strength"][2]
    # one faint active tie alone is not called strong: the floors apply
    faint = owned(**{"li:x": {"messages_sent": 1, "last_contact": "2020-06-01"}})
    alone = ties(faint, now="2023-01-01")
    assert alone["strength"][0] < CLASS_FLOORS["medium"]
    assert alone["tie_class"][0] == "weak"


def test_sorted_by_strength_then_person_and_now_from_the_data():
    G = owned(
        **{
            "li:b": {"messages_sent": 3, "last_contact": "2021-01-01"},
            "li:a": {"messages_sent": 3, "last_contact": "2021-01-01"},
        }
    )
    G.graph["archive_date"] = "2022-01-01"
    df = ties(G)
    assert list(df["person"]) == ["li:a", "li:b"]
    assert df.attrs["now"] == "2022-01-01" == _views.data_date(G).isoformat()
    assert df["days_since_contact"].tolist() == [365.0, 365.0]


def test_bad_input():
    G = owned(**{"li:a": {"messages_sent": 1}})
    whole = nx.Graph(netkit_schema=1)
    whole.add_node("li:a", kind="person")
    # whole-network mode: no owner's ties to score, an empty table that says why
    assert ties(whole).empty and maintenance(whole).empty
    assert list(ties(whole).columns) == list(ties(G).columns)
    assert list(maintenance(whole).columns) == list(maintenance(G).columns)
    assert "has no owner" in ties(whole).attrs["notes"][0]
    with pytest.raises(ValueError, match="half_life_days"):
        ties(G, half_life_days=0)
    with pytest.raises(ValueError, match="dormant_after_days"):
        ties(G, dormant_after_days=-1)
    with pytest.raises(ValueError, match=r"unknown tie-strength dimension.*'closeness'.*valid"):
        ties(G, weights={"closeness": 1})
    with pytest.raises(ValueError, match="weight of 'intimacy'"):
        ties(G, weights={"intimacy": -1})
    with pytest.raises(ValueError, match="at least one"):
        ties(G, weights=dict.fromkeys(DIMENSIONS, 0))
    with pytest.raises(ValueError, match="ISO date"):
        ties(G, now="yesterday")
    with pytest.raises(ValueError, match="top"):
        maintenance(G, top=-1)
    nothing = maintenance(G, top=0)
    assert nothing.empty and list(nothing.columns) == MAINTENANCE_COLUMNS


def test_weights_change_the_score():
    G = owned(
        **{
            "li:a": {"messages_sent": 30, "messages_received": 30, "last_contact": "2020-01-01"},
            "li:b": {"messages_sent": 1, "last_contact": "2024-05-01"},
        }
    )
    default = ties(G, now="2024-06-01").set_index("person")
    recency = ties(G, now="2024-06-01", weights={"intensity": 0}).set_index("person")
    assert recency.loc["li:b", "strength"] == recency.loc["li:b", "intimacy"]
    assert recency.loc["li:b", "strength"] > default.loc["li:b", "strength"]


def test_empty_and_owner_only():
    G = NetworkBuilder("test").graph("test:none:0:0")
    df = unchanged(G, ties)
    assert list(df.columns) == TIES_COLUMNS and df.empty
    m = unchanged(G, maintenance)
    assert list(m.columns) == MAINTENANCE_COLUMNS and m.empty


# ---------------------------------------------------------------------------------------
# The sample world: planted tie classes (data/truth.json)


@pytest.fixture(scope="module")
def truth() -> dict:
    return json.loads((DATA / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample() -> nx.Graph:
    return import_network([DATA / name for name in SAMPLE_FILES]).graph


@pytest.fixture(scope="module")
def sample_ties(sample: nx.Graph) -> pd.DataFrame:
    return unchanged(sample, ties)


@pytest.fixture(scope="module")
def planted(truth: dict) -> dict[str, str]:
    return {f"li:{p['linkedin_slug']}": p["tie"] for p in truth["people"]}


def agreement(df: pd.DataFrame, planted: dict[str, str]) -> dict[str, float]:
    rows = df[df["person"].isin(planted)]
    got = dict(zip(rows["person"], rows["tie_class"], strict=True))
    result = {}
    for cls in ("strong", "medium", "weak", "dormant", "latent"):
        people = [p for p, c in planted.items() if c == cls]
        result[cls] = sum(got[p] == cls for p in people) / len(people)

    def overall(classes: tuple[str, ...]) -> float:
        people = [p for p, c in planted.items() if c in classes]
        return sum(got[p] == planted[p] for p in people) / len(people)

    result["strong+weak+dormant"] = overall(("strong", "weak", "dormant"))
    result["strong+medium+weak+dormant"] = overall(("strong", "medium", "weak", "dormant"))
    return result


def test_sample_planted_classes_recovered(sample_ties, planted):
    assert len(planted) == 800 and set(planted) <= set(sample_ties["person"])
    scores = agreement(sample_ties, planted)
    report = ", ".join(f"{k} {v:.1%}" for k, v in scores.items())
    print(f"\nsample world, agreement with planted tie classes: {report}")
    # Measured (docs/ties.md): strong 77.5%, medium 60.8%, weak 95.4%, dormant and
    # latent 100%; strong+weak+dormant 95.0%, with medium 87.1%.
    assert scores["strong+weak+dormant"] >= 0.85, report
    assert scores["strong+medium+weak+dormant"] >= 0.85, report
    assert scores["latent"] == 1.0, report
    assert scores["dormant"] == 1.0, report
    assert min(scores["strong"], scores["weak"]) >= 0.7, report
    assert sample_ties["tie_class"].isin(["strong", "medium", "weak", "dormant", "latent"]).all()
    latent = sample_ties[sample_ties["tie_class"] == "latent"]
    assert latent["low_evidence"].all() and not sample_ties["low_evidence"].all()


def test_sample_strength_orders_the_planted_classes(sample_ties, planted):
    by_class = sample_ties.assign(planted=sample_ties["person"].map(planted)).groupby("planted")
    mean = by_class["strength"].mean()
    assert mean["strong"] > mean["medium"] > mean["weak"] > mean["latent"]
    assert mean["dormant"] < mean["medium"]
    assert by_class["past_strength"].mean()["dormant"] > mean["dormant"]


def test_sample_columns_and_notes(sample_ties):
    assert list(sample_ties.columns) == TIES_COLUMNS
    assert sample_ties["strength"].between(0, 1).all()
    assert sample_ties[list(DIMENSIONS)].notna().all().all()  # every dimension has evidence
    strengths = list(sample_ties["strength"])
    assert strengths == sorted(strengths, reverse=True)
    assert sample_ties.attrs["now"] == "2026-11-01"
    assert set(sample_ties["dunbar_layer"].dropna()) == {5, 15, 50, 150}
    assert sample_ties["dunbar_layer"].notna().sum() == 150
    assert any("latent" in note for note in sample_ties.attrs["notes"])


def test_sample_maintenance_is_led_by_once_close_dormant_ties(sample, truth, planted):
    m = unchanged(sample, maintenance)
    assert list(m.columns) == MAINTENANCE_COLUMNS
    assert len(m) == 20
    dormant = m[m["tie_class"] == "dormant"]
    assert all(planted.get(p) == "dormant" for p in dormant["person"])
    assert len(dormant) >= 15  # dominated by dormant ties (a quarter kept for weak ties)
    assert list(m["tie_class"][: len(dormant)]) == ["dormant"] * len(dormant)
    assert m["past_strength"][: len(dormant)].is_monotonic_decreasing
    # Once close: the truth holds each dormant tie's past messages (3 to 30); the
    # dormant ties listed had more than the planted dormant ties as a whole, and most
    # reached the planted medium tie's volume (5 messages or more).
    key = {f"li:{p['linkedin_slug']}": p["key"] for p in truth["people"]}

    def messages(person: str) -> int:
        block = truth["interactions"][key[person]]
        return sum(
            block.get(channel, {}).get(direction, 0)
            for channel in ("linkedin", "email")
            for direction in ("messages_sent", "messages_received")
        )

    listed = [messages(p) for p in dormant["person"]]
    everyone = [messages(p) for p, c in planted.items() if c == "dormant"]
    assert statistics.median(listed) > statistics.median(everyone)
    assert sum(n >= 5 for n in listed) / len(listed) >= 0.8
    weak = m[m["tie_class"] == "weak"]
    assert all(planted.get(p) == "weak" for p in weak["person"])
    for column in ("why", "suggestion", "why_it", "suggestion_it"):
        assert m[column].str.len().min() > 40
    assert m["why"][0].startswith("Once a ")
    assert "Riprendi il contatto" in m["suggestion_it"][0]


def test_connections_only_every_tie_unknown():
    G = import_network([DATA / "Connections.csv"]).graph
    df = unchanged(G, ties)
    assert len(df) == 800
    assert set(df["tie_class"]) == {"unknown"}
    assert df["low_evidence"].all()
    note = df.attrs["notes"][0]
    assert note.startswith("no interaction data in this network")
    assert "import the LinkedIn archive" in note
    assert maintenance(G).empty


# ---------------------------------------------------------------------------------------
# Onnela et al. (2007) on real message networks


def message_graph(pairs) -> nx.Graph:
    """Undirected weighted graph: weight = messages between the two, either way."""
    counts: Counter[tuple[str, str]] = Counter()
    for a, b in pairs:
        if a != b:
            counts[(a, b) if a < b else (b, a)] += 1
    H = nx.Graph()
    H.add_weighted_edges_from((a, b, w) for (a, b), w in counts.items())
    return H


def read_pairs(path: Path):
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2:
                yield parts[0], parts[1]


def read_enron(path: Path):
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield row["fromId"], row["toId"]


MESSAGE_DATASETS = {
    "CollegeMsg": ("snap-collegemsg/CollegeMsg.txt", read_pairs),
    "Enron": ("enron-v1-jobtitles/enron-v1.csv", read_enron),
    **{
        f"email-Eu-core Dept{i}": (
            f"snap-email-eu-core/email-Eu-core-temporal-Dept{i}.txt",
            read_pairs,
        )
        for i in range(1, 5)
    },
}
# Spearman(weight, overlap) measured here (docs/ties.md); SCIENCE.md gives 0.19-0.54.
MEASURED_SPEARMAN = {
    "CollegeMsg": 0.185,
    "Enron": 0.455,
    "email-Eu-core Dept1": 0.370,
    "email-Eu-core Dept2": 0.414,
    "email-Eu-core Dept3": 0.375,
    "email-Eu-core Dept4": 0.355,
}


@pytest.fixture(scope="module", params=sorted(MESSAGE_DATASETS))
def message_network(request) -> tuple[str, nx.Graph]:
    relative, reader = MESSAGE_DATASETS[request.param]
    path = DATASETS / relative
    if not path.exists():
        pytest.skip(f"dataset folder absent: {path}")
    return request.param, message_graph(reader(path))


def test_overlap_rises_with_weight(message_network):
    name, H = message_network
    result = edge_overlap(H)
    print(f"\n{name}: Spearman(weight, overlap) = {result['spearman']:.3f} "
          f"over {result['edges']} edges")  # fmt: skip
    assert result["spearman"] > 0.15
    assert result["spearman"] == pytest.approx(MEASURED_SPEARMAN[name], abs=0.002)


def test_removing_weak_ties_first_fragments_more(message_network):
    name, H = message_network
    giant = H.subgraph(max(nx.connected_components(H), key=len)).copy()
    fractions = [i / 20 for i in range(1, 20)]
    weak = fragmentation(giant, order="weak-first", fractions=fractions)
    strong = fragmentation(giant, order="strong-first", fractions=fractions)
    half_weak = weak.loc[weak["fraction"] == 0.5, "largest_component"].item()
    half_strong = strong.loc[strong["fraction"] == 0.5, "largest_component"].item()
    area_weak, area_strong = weak["largest_component"].mean(), strong["largest_component"].mean()
    print(f"\n{name}: largest component after removing 50% of edges: weak-first "
          f"{half_weak:.3f}, strong-first {half_strong:.3f}; mean over 5-95%: "
          f"{area_weak:.3f} vs {area_strong:.3f}")  # fmt: skip
    assert area_weak < area_strong
    if name == "Enron":
        # 148 people, mean degree 24: half the edges gone, both orders leave it whole
        assert half_weak <= half_strong
    else:
        assert half_weak < half_strong


def test_edge_overlap_matches_networkx():
    H = nx.karate_club_graph()
    result = edge_overlap(H, weight="weight")
    for u, v in H.edges():
        shared = len(list(nx.common_neighbors(H, u, v)))
        expected = shared / (H.degree(u) - 1 + H.degree(v) - 1 - shared)
        assert result["overlap"][(u, v)] == pytest.approx(expected)
    assert result["edges"] == H.number_of_edges()
    star = nx.star_graph(3)  # leaves' edges: overlap 0; constant -> no correlation
    assert set(edge_overlap(star)["overlap"].values()) == {0.0}
    assert math.isnan(edge_overlap(star)["spearman"])
    assert edge_overlap(nx.Graph([(1, 2)]))["edges"] == 0  # two leaves: undefined


def test_fragmentation_matches_networkx():
    H = nx.gnm_random_graph(60, 150, seed=3)
    for i, (u, v) in enumerate(sorted(H.edges())):
        H.edges[u, v]["weight"] = (i * 37) % 151 + 0.5  # distinct weights: one order
    order = sorted(H.edges(data="weight"), key=lambda e: e[2])
    fractions = [0.0, 0.2, 0.5, 0.8, 1.0]
    for direction, edges in (("weak-first", order), ("strong-first", order[::-1])):
        table = fragmentation(H, order=direction, fractions=fractions)
        for row in table.itertuples():
            K = nx.Graph()
            K.add_nodes_from(H)
            K.add_edges_from((u, v) for u, v, _ in edges[row.edges_removed :])
            parts = sorted((len(c) for c in nx.connected_components(K)), reverse=True)
            assert row.edges_removed == math.floor(row.fraction * 150)
            assert row.components == len(parts)
            assert row.largest_component == parts[0] / 60
            assert row.susceptibility == pytest.approx(sum(s * s for s in parts[1:]) / 60)
    with pytest.raises(ValueError, match="order"):
        fragmentation(H, order="random")
    with pytest.raises(ValueError, match="between 0 and 1"):
        fragmentation(H, fractions=[1.5])
