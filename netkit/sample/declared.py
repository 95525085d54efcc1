"""Write the who-knows-whom list a coach and their client wrote down together.

``declared-ties.csv`` has the columns ``person_a,person_b,note``. People are named the way
people write them by hand: full names, sometimes surname first or without accents, once with
an initial, sometimes by e-mail address; ``me`` is the owner. One row repeats a pair the
other way round and one row lacks its second person.
"""

from __future__ import annotations

import csv
import io
import os
import random
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netkit.sample.world import (
    OWNER,
    RecordBook,
    SourceRecord,
    accents_only,
    ascii_fold,
    name_key,
    plain_name,
)
from netkit.schema import person_id

if TYPE_CHECKING:
    from netkit.sample.world import World

__all__ = ["HEADER", "write_declared_ties"]

#: Header of the file.
HEADER = ("person_a", "person_b", "note")
_NOTES = (
    "colleghi in Galbiati",
    "si conoscono dai tempi di Pirelli, ottimo rapporto",
    "entrambi nel gruppo AIDP",
    "lavorano insieme sulle rinnovabili",
    "compagni di master",
    "si stimano molto",
    "",
    "presentati da me nel 2024",
)
_ME_NOTES = (
    "la conosco bene, possiamo chiederle un'introduzione",
    "ex collega fidato",
    "mentore",
    "amica dai tempi dell'università",
)


class _Names:
    """How to write each person so that exactly one person matches the writing."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.count: dict[tuple[str, ...], int] = {}
        self.initials: dict[tuple[str, tuple[str, ...]], int] = {}
        names = [p.full_name for p in world.people] + [o.full_name for o in world.outsiders]
        names.append(f"{world.owner.first_name} {world.owner.last_name}")
        for name in names:
            key = name_key(name)
            self.count[key] = self.count.get(key, 0) + 1
        for person in world.people:
            initial = (ascii_fold(person.first_name[:1]).casefold(), name_key(person.last_name))
            self.initials[initial] = self.initials.get(initial, 0) + 1

    def plain(self, key: str) -> str:
        person = self.world.person(key)
        return f"{plain_name(person.first_name)} {plain_name(person.last_name)}"

    def unique(self, key: str) -> bool:
        return self.count.get(name_key(self.world.person(key).full_name), 0) == 1

    def initial_ok(self, key: str) -> bool:
        person = self.world.person(key)
        first = plain_name(person.first_name)
        initial = (ascii_fold(first[:1]).casefold(), name_key(person.last_name))
        return " " not in first and self.initials.get(initial, 0) == 1


def write_declared_ties(
    world: World, path: str | os.PathLike[str]
) -> tuple[dict[str, Any], list[SourceRecord]]:
    """Write ``declared-ties.csv`` and return its manifest and identity records.

    Parameters
    ----------
    world : World
        The sample world; declared pairs are pairs of ``world.knows`` between contacts who
        are not latent, named so that one person only matches.
    path : str or os.PathLike
        File to write.

    Returns
    -------
    manifest : dict
        ``rows``, ``accepted``, ``duplicates`` / ``duplicate_lines`` (a pair already
        declared, in the other order), ``rejected`` / ``rejected_lines`` (a row with an empty
        side), ``contacts`` (distinct people named in accepted rows, the owner excluded),
        ``pairs`` (person–person, kind ``declared``), ``ego_ties`` (people declared with
        ``me``) and ``lines``: per data row its line, the ids a reader gives both sides,
        the people's keys and how each side is written (``name``, ``swapped``,
        ``no-accents``, ``initial``, ``email``, ``me``).
    records : list of SourceRecord
        One per person id of the accepted rows.

    Notes
    -----
    UTF-8 without BOM, LF, a final newline. A name gives ``name:<folded name>``, an address
    ``mail:<address>``; ``me`` is the owner.
    """
    path = Path(path)
    rng = random.Random(f"netkit-sample:{world.seed}:declared")
    names = _Names(world)
    ambiguous_plants = {"homonym", "namesake"}
    usable = {
        p.key
        for p in world.people
        if p.tie != "latent"
        and names.unique(p.key)
        and not set((world.reach_of(p.key) or _NoReach).plants) & ambiguous_plants
    }
    pairs = [(a, b) for a, b in world.knows if a in usable and b in usable]
    chosen = [pairs[i] for i in sorted(rng.sample(range(len(pairs)), min(14, len(pairs))))]
    close = sorted(
        k
        for k in usable
        if world.person(k).tie in ("strong", "medium")
        and k not in {x for pair in chosen for x in pair}
    )
    me_rows = [("me", k) for k in rng.sample(close, min(4, len(close)))]
    if me_rows:
        me_rows[-1] = (me_rows[-1][1], "Me")

    mentioned = sorted(
        {k for pair in chosen for k in pair}
        | {k for row in me_rows for k in row if k not in ("me", "Me")}
    )
    forms: dict[str, str] = dict.fromkeys(mentioned, "name")

    def assign(form: str, count: int, predicate: Any) -> None:
        pool = [k for k in mentioned if forms[k] == "name" and predicate(k)]
        for key in rng.sample(pool, min(count, len(pool))):
            forms[key] = form

    assign("swapped", 2, lambda k: True)
    assign("no-accents", 2, lambda k: not names.plain(k).isascii() and accents_only(names.plain(k)))
    assign("initial", 1, names.initial_ok)

    def carded(key: str) -> bool:
        reach = world.reach_of(key)
        return reach is not None and reach.card in ("url", "email")

    assign("email", 2, carded)

    def written(key: str) -> tuple[str, str, str]:
        """(text, id, form) of one side."""
        if key in ("me", "Me"):
            return key, "ego", "me"
        person = world.person(key)
        form = forms[key]
        first, last = plain_name(person.first_name), plain_name(person.last_name)
        if form == "email":
            reach = world.reach_of(key)
            assert reach is not None
            return reach.emails[0], person_id(email=reach.emails[0]), form
        text = {
            "name": f"{first} {last}",
            "swapped": f"{last} {first}",
            "no-accents": ascii_fold(f"{first} {last}"),
            "initial": f"{first[:1]}. {last}",
        }[form]
        return text, person_id(name=text), form

    rows: list[tuple[str, str, str]] = [(a, b, rng.choice(_NOTES)) for a, b in chosen]
    rows += [(a, b, rng.choice(_ME_NOTES)) for a, b in me_rows]
    rng.shuffle(rows)
    if chosen:  # the first pair again, the other way round, at the end
        a, b = chosen[0]
        rows.append((b, a, "già segnato sopra"))
    if mentioned:  # a row whose second person was never filled in
        rows.insert(len(rows) // 2, (mentioned[-1], "", "da chiedere"))

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    book = RecordBook("declared")
    details = []
    seen: set[frozenset[str]] = set()
    duplicate_lines, rejected_lines = [], []
    declared_pairs: list[dict[str, str]] = []
    ego: list[str] = []
    for line, (a, b, note) in enumerate(rows, start=2):
        text_a, id_a, form_a = written(a)
        text_b, id_b, form_b = ("", "", "") if not b else written(b)
        writer.writerow([text_a, text_b, note])
        if not b:
            rejected_lines.append(line)
            continue
        pair = frozenset((id_a, id_b))
        if pair in seen:
            duplicate_lines.append(line)
            continue
        seen.add(pair)
        for key, text, pid, form in ((a, text_a, id_a, form_a), (b, text_b, id_b, form_b)):
            if form == "me":
                continue
            if form == "email":
                book.add(pid, key, emails=[text])
            else:
                book.add(pid, key, name=text)
        if "ego" in (id_a, id_b):
            ego.append(id_b if id_a == "ego" else id_a)
        else:
            x, y = sorted((id_a, id_b))
            declared_pairs.append({"a": x, "b": y, "kind": "declared"})
        details.append(
            {
                "line": line,
                "a": id_a,
                "b": id_b,
                "a_key": OWNER if form_a == "me" else a,
                "b_key": OWNER if form_b == "me" else b,
                "forms": [form_a, form_b],
            }
        )
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    records = book.records()
    manifest = {
        "file": path.name,
        "rows": len(rows),
        "accepted": len(details),
        "skipped": {},
        "duplicates": len(duplicate_lines),
        "duplicate_lines": duplicate_lines,
        "rejected": len(rejected_lines),
        "rejected_lines": rejected_lines,
        "contacts": len(records),
        "pairs": sorted(declared_pairs, key=lambda p: (p["a"], p["b"])),
        "ego_ties": sorted(ego),
        "notes": [
            "me is the owner; a pair declared again (either order) is a duplicate; a row "
            "with an empty side is rejected."
        ],
        "lines": details,
    }
    return manifest, records


class _NoReach:
    plants: tuple[str, ...] = ()
