"""Clusters against the survey circles of SNAP's ten Facebook ego networks.

Run on demand, not in the test suite:

    python benchmarks/facebook_circles.py [--resolution 1.0 ...] [--seeds 5] [--datasets DIR]

Each ego network (McAuley & Leskovec 2012) is read into netkit's schema as the owner's
network: every alter tied to the owner, the alter–alter friendships as ``knows``
ties, and, in a second variant, the anonymised employers (``work;employer``) as
current memberships and schools (``education;school``) as past ones. Then
:func:`netkit.analyse.clusters.clusters` runs with the owner removed and each circle
is matched with the cluster that fits it best. The script prints a Markdown table:

* ``F1 circles``: mean over the circles of the best F1 against any cluster (the
  not-connected contacts are no cluster);
* ``F1 both``: the mean of that and of the same from the clusters' side (each cluster
  against its best circle), as Yang & Leskovec (2013) average both directions.

Circles overlap and cover only part of each network, so no partition can score 1.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import networkx as nx
import numpy as np

EGOS = (0, 107, 348, 414, 686, 698, 1684, 1912, 3437, 3980)


def default_datasets() -> Path:
    """The shared datasets folder (``NETKIT_DATASETS`` when set)."""
    if os.environ.get("NETKIT_DATASETS"):
        return Path(os.environ["NETKIT_DATASETS"])
    return Path(__file__).resolve().parents[1].parent / "shared" / "datasets"


def read_ego(folder: Path, ego: int, *, organisations: bool = False) -> nx.Graph:
    """Ego network ``ego`` in netkit's schema (alters ``fb:<id>``)."""
    from netkit.build import NetworkBuilder

    builder = NetworkBuilder("snap-facebook")
    names = (folder / f"{ego}.featnames").read_text().splitlines()
    kinds = [line.split(" ", 1)[1].rsplit(";anonymized", 1)[0] for line in names]
    for line in (folder / f"{ego}.feat").read_text().splitlines():
        cells = line.split()
        alter = builder.person(f"fb:{cells[0]}", name=cells[0])
        builder.tie(alter, channel="network")
        if not organisations:
            continue
        for position, flag in enumerate(cells[1:]):
            if flag != "1":
                continue
            if kinds[position] == "work;employer;id":
                builder.member(alter, f"employer {position}", current=True)
            elif kinds[position] == "education;school;id":
                builder.member(alter, f"school {position}", current=False)
    for line in (folder / f"{ego}.edges").read_text().splitlines():
        a, b = line.split()
        builder.link(f"fb:{a}", f"fb:{b}", kind="knows")
    return builder.graph(f"snap-facebook:{ego}:0:0")


def read_circles(folder: Path, ego: int, people: set[str]) -> list[set[str]]:
    """The circles of ``ego`` restricted to ``people``; empty circles dropped."""
    circles = []
    for line in (folder / f"{ego}.circles").read_text().splitlines():
        members = {f"fb:{alter}" for alter in line.split()[1:]} & people
        if members:
            circles.append(members)
    return circles


def best_match_f1(truth: list[set[str]], found: list[set[str]]) -> float:
    """Mean over ``truth`` of the best F1 against any set in ``found`` (0 without any)."""
    if not truth:
        return float("nan")
    scores = []
    for group in truth:
        best = 0.0
        for candidate in found:
            common = len(group & candidate)
            if common:
                best = max(best, 2 * common / (len(group) + len(candidate)))
        scores.append(best)
    return float(np.mean(scores))


def evaluate(
    folder: Path, ego: int, *, resolution: float, seeds: int, organisations: bool
) -> dict[str, float]:
    """Circles vs clusters for one ego network."""
    from netkit.analyse.clusters import clusters

    G = read_ego(folder, ego, organisations=organisations)
    started = time.perf_counter()
    table = clusters(G, resolution=resolution, seeds=seeds)
    elapsed = time.perf_counter() - started
    found = [set(group["person"]) for number, group in table.groupby("cluster") if number >= 0]
    circles = read_circles(folder, ego, set(table["person"]))
    circle_side = best_match_f1(circles, found)
    cluster_side = best_match_f1(found, circles)
    return {
        "ego": ego,
        "alters": len(table),
        "circles": len(circles),
        "clusters": len(found),
        "f1_circles": circle_side,
        "f1_both": (circle_side + cluster_side) / 2,
        "stability": table.attrs["stability"],
        "seconds": elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--resolution", type=float, nargs="+", default=[1.0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--datasets", type=Path, default=default_datasets())
    args = parser.parse_args()
    folder = args.datasets / "snap-ego-facebook" / "facebook"
    print(
        "| variant | γ | ego | alters | circles | clusters | F1 circles | F1 both "
        "| stability (ARI) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for organisations in (False, True):
        variant = "ties + employers/schools" if organisations else "ties"
        for resolution in args.resolution:
            rows = [
                evaluate(
                    folder,
                    ego,
                    resolution=resolution,
                    seeds=args.seeds,
                    organisations=organisations,
                )
                for ego in EGOS
            ]
            for row in rows:
                print(
                    f"| {variant} | {resolution:g} | {row['ego']} | {row['alters']} "
                    f"| {row['circles']} | {row['clusters']} | {row['f1_circles']:.3f} "
                    f"| {row['f1_both']:.3f} | {row['stability']:.3f} |"
                )
            mean = np.mean([row["f1_circles"] for row in rows])
            both = np.mean([row["f1_both"] for row in rows])
            seconds = sum(row["seconds"] for row in rows)
            print(
                f"| {variant} | {resolution:g} | **mean** | | | | **{mean:.3f}** "
                f"| **{both:.3f}** | ({seconds:.1f} s in all) |"
            )


if __name__ == "__main__":
    main()
