"""The shape of a network: the owner's Burt measures against SCIENCE.md, diversity and E–I
against hand computations, and the contract."""

from __future__ import annotations

import copy
import io
import json
import math
import os
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from scipy.stats import entropy as scipy_entropy

from netkit.analyse.shape import EI_COLUMNS, Shape, diversity, shape
from netkit.build import NetworkBuilder
from netkit.enrich import FUNCTIONS, SECTORS, SENIORITY
from netkit.pipeline import import_network
from netkit.sample import SAMPLE_FILES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
DATASETS = Path(os.environ.get("NETKIT_DATASETS") or ROOT.parent / "shared" / "datasets")
CLASSICS = DATASETS / "networkx-classics"


def owned(H: nx.Graph, owner) -> nx.Graph:
    """``H`` as the network of ``owner``: its neighbours are the owner's ties, the other
    nodes contacts, the other edges known ties among contacts."""
    b = NetworkBuilder("test", ego=owner is not None)
    for node in sorted(H, key=str):
        if node != owner:
            b.person(str(node), name=str(node))
    for u, v in H.edges():
        if owner in (u, v):
            b.tie(str(v if u == owner else u), channel="network")
        else:
            b.link(str(u), str(v), kind="knows")
    return b.graph("test:x:0:0")


REFERENCE = [
    (nx.Graph(nx.karate_club_graph()), 0, 0.1554, 13.750, 16),
    (nx.Graph(nx.karate_club_graph()), 33, 0.1564, 15.235, 17),
    (nx.Graph(nx.karate_club_graph()), 2, 0.1852, 7.800, 10),
    (nx.complete_graph(5), 0, 0.7656, 1.0, 4),
    (nx.star_graph(4), 0, 0.25, 4.0, 4),
    (nx.florentine_families_graph(), "Medici", 0.210, 5.667, 6),
]
IDS = ["karate-0", "karate-33", "karate-2", "K5", "star", "florentine-medici"]


@pytest.mark.parametrize(("H", "owner", "constraint", "effective", "degree"), REFERENCE, ids=IDS)
def test_owner_measures_equal_the_reference_values(H, owner, constraint, effective, degree):
    s = shape(owned(H, owner), clusters={})
    assert s.has_owner and s.owner_ties == degree
    assert round(s.constraint, 3) == round(constraint, 3)
    assert round(s.effective_size, 3) == round(effective, 3)
    assert math.isclose(s.efficiency, s.effective_size / degree)


@pytest.mark.skipif(not CLASSICS.is_dir(), reason="shared datasets folder absent")
@pytest.mark.parametrize(
    ("file", "owner", "constraint", "effective"),
    [
        ("karate_club.graphml", "0", 0.1554, 13.750),
        ("florentine_families.graphml", "Medici", 0.210, 5.667),
    ],
)
def test_owner_measures_on_the_shared_graphml_files(file, owner, constraint, effective):
    from netkit.io.netfiles import read_graphml_network

    G, _ = read_graphml_network(CLASSICS / file, ego=owner)
    s = shape(G, clusters={})
    assert round(s.constraint, 3) == round(constraint, 3)
    assert round(s.effective_size, 3) == round(effective, 3)


@pytest.mark.parametrize("seed", range(6))
def test_owner_constraint_equals_the_kernel_and_networkx(seed):
    from netkit.analyse import _kernels
    from netkit.analyse.shape import _owner_constraint

    H = nx.relabel_nodes(nx.gnm_random_graph(40, 120 + 20 * seed, seed=seed), str)
    ego = max(H, key=H.degree)
    assert math.isclose(_owner_constraint(H, ego), _kernels.constraint(H)[ego])
    assert math.isclose(_owner_constraint(H, ego), nx.constraint(H, nodes=[ego])[ego])


def test_a_star_owner_is_flagged():
    s = shape(owned(nx.star_graph(4), 0), clusters={})
    assert s.efficiency == 1.0
    assert any("No ties among your contacts" in note for note in s.notes)
    assert any("Non si conoscono legami" in note for note in s.notes_it)


# --------------------------------------------------------------------------------------------
# Diversity: Blau, IQV, entropy


def test_diversity_by_hand():
    # p = 1/2, 1/4, 1/4: H = 1 - (1/4 + 1/16 + 1/16) = 0.625; with K = 4, IQV = 0.625/0.75.
    d = diversity(["a", "a", "b", "c", None], categories=4)
    assert math.isclose(d.blau, 0.625)
    assert math.isclose(d.iqv, 0.625 / 0.75)
    assert math.isclose(d.entropy, 1.5 * math.log(2))
    assert math.isclose(d.entropy, scipy_entropy([2, 1, 1]))
    assert d.coverage == 0.8 and d.contacts == 4 and d.observed == 3
    assert d.counts == (("a", 2), ("b", 1), ("c", 1))


def test_diversity_edge_cases():
    one = diversity(["x", "x", "x"], attribute="territory")
    assert (one.blau, one.iqv, one.entropy) == (0.0, 0.0, 0.0)  # one category -> 0
    empty = diversity([], attribute="sector")
    assert math.isnan(empty.blau) and math.isnan(empty.iqv) and math.isnan(empty.entropy)
    assert math.isnan(empty.coverage)
    unknown = diversity([None, None], attribute="sector")
    assert math.isnan(unknown.blau) and unknown.coverage == 0.0
    even = diversity(["a", "b", "c"], categories=3)
    assert math.isclose(even.iqv, 1.0)  # spread evenly over every category


def test_categories_come_from_the_taxonomy():
    b = NetworkBuilder("test")
    values = [
        ("a", "renewable-energy", "hr", "senior", "Milano"),
        ("b", "renewable-energy", "hr", "senior", "Milano"),
        ("c", "banking", "finance", "director", "Torino"),
        ("d", "banking", "it", "mid", "Roma"),
    ]
    for pid, sector, function, seniority, territory in values:
        b.tie(
            b.person(
                pid, sector=sector, function=function, seniority=seniority, territory=territory
            ),
            channel="email",
        )
    s = shape(b.graph("test"), clusters={})
    assert s.diversity["sector"].categories == len(SECTORS)
    assert s.diversity["function"].categories == len(FUNCTIONS)
    assert s.diversity["seniority"].categories == len(SENIORITY)
    assert s.diversity["territory"].categories == 3  # the values seen
    assert math.isclose(s.diversity["sector"].blau, 0.5)
    assert math.isclose(s.diversity["sector"].iqv, 0.5 / (1 - 1 / len(SECTORS)))
    # territory: p = 1/2, 1/4, 1/4 over K = 3 seen
    assert math.isclose(s.diversity["territory"].iqv, 0.625 / (1 - 1 / 3))


# --------------------------------------------------------------------------------------------
# E–I index, pieces, tie classes


def five_people() -> nx.Graph:
    b = NetworkBuilder("test")
    for pid in "abcdefg":
        b.tie(b.person(pid, name=pid.upper()), channel="email", messages_sent=1)
    for u, v in [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("a", "e")]:
        b.link(u, v, kind="email")
    b.member("f", "Enel")
    b.member("g", "Enel")
    return b.graph("test:x:7:0")


def test_ei_index_by_hand():
    """Clusters {a, b, c} and {d, e}; ties a–b, b–c inside the first, d–e inside the
    second, c–d and a–e across. First: I = 2, E = 2, E–I = 0. Second: I = 1, E = 2,
    E–I = 1/3. Whole: 2 across, 3 within: -1/5. {f, g} share only an organisation:
    no ties, E–I undefined."""
    clusters = pd.DataFrame(
        {
            "person": list("abcdefg"),
            "cluster": [0, 0, 0, 1, 1, 2, 2],
            "cluster_label": ["Left"] * 3 + ["Right"] * 2 + ["Enel"] * 2,
            "cluster_label_it": ["Sinistra"] * 3 + ["Destra"] * 2 + ["Enel"] * 2,
        }
    )
    s = shape(five_people(), clusters=clusters)
    assert list(s.ei.columns) == list(EI_COLUMNS)
    ei = s.ei.set_index("cluster")
    assert ei.loc[0, ["internal", "external"]].tolist() == [2, 2]
    assert ei.loc[0, "ei_index"] == 0.0
    assert math.isclose(ei.loc[1, "ei_index"], 1 / 3)
    assert math.isnan(ei.loc[2, "ei_index"])
    assert ei.loc[1, "label_it"] == "Destra"
    assert math.isclose(s.ei_index, -0.2)
    assert any("Destra" in line for line in s.summary_it())


def test_density_components_isolates():
    s = shape(five_people(), clusters={})
    assert s.person_ties == 5 and math.isclose(s.density, 5 / 21)
    assert (s.components, s.isolates, s.largest_component) == (2, 0, 5)
    assert (s.people_components, s.people_isolates) == (3, 2)


def test_tie_classes_from_the_ties_table_or_the_graph():
    G = five_people()
    table = pd.DataFrame(
        {"person": list("abcdefg"), "tie_class": ["strong", "weak", "weak"] + ["latent"] * 4}
    )
    s = shape(G, clusters={}, ties=table)
    assert s.tie_classes == {"strong": 1, "medium": 0, "weak": 2, "dormant": 0, "latent": 4}
    assert shape(G, clusters={}).tie_classes == {}
    H = copy.deepcopy(G)
    H.edges["ego", "a"]["tie_class"] = "dormant"
    assert shape(H, clusters={}).tie_classes["dormant"] == 1
    with pytest.raises(ValueError, match="tie_class"):
        shape(G, clusters={}, ties=pd.DataFrame({"person": ["a"]}))


# --------------------------------------------------------------------------------------------
# Contract


def one_contact() -> nx.Graph:
    data = b"First Name,Last Name,Company,Position\nAda,Lovelace,Enel Green Power,HR Director"
    return import_network([io.BytesIO(data)]).graph


CONTRACT = {
    "empty": lambda: nx.Graph(netkit_schema=1),
    "owner-only": lambda: NetworkBuilder("test").graph("test:none:0:0"),
    "one-contact": one_contact,
    "contacts-only": lambda: import_network([DATA / "Connections.csv"]).graph,
    "disconnected": five_people,
    "whole-network": lambda: owned(nx.florentine_families_graph(), None),
}


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract(name):
    G = CONTRACT[name]()
    before = copy.deepcopy(G)
    first, second = shape(G), shape(G)
    assert isinstance(first, Shape)
    assert first.to_dict() == second.to_dict()
    json.dumps(first.to_dict(), allow_nan=False)  # JSON-ready
    assert nx.utils.graphs_equal(G, before)
    assert dict(G.nodes(data=True)) == dict(before.nodes(data=True))
    assert G.graph == before.graph
    assert list(first.ei.columns) == list(EI_COLUMNS)
    assert first.summary() and first.summary_it()
    assert len(first.summary()) == len(first.summary_it())


def test_empty_network_gives_nan():
    s = shape(nx.Graph(netkit_schema=1))
    assert s.contacts == 0 and not s.has_owner
    assert math.isnan(s.density) and math.isnan(s.effective_size)
    assert math.isnan(s.diversity["sector"].blau)
    assert s.to_dict()["density"] is None


def test_whole_network_mode():
    s = shape(owned(nx.florentine_families_graph(), None), clusters={})
    assert not s.has_owner and s.contacts == 15 and s.person_ties == 20
    assert math.isnan(s.constraint)
    assert s.summary()[0].startswith("Whole network (no owner): 15 people")
    assert s.summary_it()[0].startswith("Rete intera (senza titolare): 15 persone")


def test_contacts_only_network():
    s = shape(CONTRACT["contacts-only"](), clusters={})
    assert s.person_ties == 0 and s.owner_ties == s.contacts
    assert s.efficiency == 1.0  # a pure star: stated as meaningless
    assert any("No ties among your contacts" in note for note in s.notes)


def test_sample_world_shape():
    G = import_network([DATA / name for name in SAMPLE_FILES]).graph
    s = shape(G)
    assert s.has_owner and s.contacts == sum(1 for _, k in G.nodes(data="kind") if k == "person")
    assert 0 < s.constraint < 0.05 and s.efficiency > 0.9  # few ties among many contacts
    assert 0.9 < s.diversity["sector"].coverage <= 1.0
    assert 0 < s.diversity["sector"].iqv <= 1.0
    assert len(s.ei) and (s.ei["ei_index"].dropna() <= 1).all()
    italian = "\n".join(s.summary_it())
    assert "densità 0,0" in italian and "Settore: Blau 0," in italian
