"""What changed between two imports of one network: new, lost and moved contacts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd

from netkit.analyse import _views
from netkit.schema import fold, organisation_key

__all__ = ["Diff", "diff"]

_PEOPLE_COLUMNS = ["person", "name", "company", "position"]
_CHANGED_COLUMNS = ["person", "name", "field", "old", "new", "why", "why_it"]
_FIELDS = ("organisation", "company", "position", "title")


@dataclass(frozen=True)
class Diff:
    """Differences between an older and a newer network of the same owner.

    Attributes
    ----------
    added : pandas.DataFrame
        Contacts only in the newer network: ``person``, ``name``, ``company``,
        ``position`` (str or None), sorted by ``person``.
    lost : pandas.DataFrame
        Contacts only in the older network, same columns (as the older network knew
        them), sorted by ``person``.
    changed : pandas.DataFrame
        One row per contact and changed field, sorted by ``person`` then field:
        ``person``, ``name`` (as in the newer network), ``field`` (``organisation``:
        the current organisations; ``company``: the company text, only for contacts
        with no organisation in either network; ``position``: the job title on the
        profile; ``title``: the title on the current membership, only where no
        ``position`` is known), ``old`` and ``new`` (str or None: None when the value
        is missing on that side), ``why`` and ``why_it`` (str: the change as a reason
        to get back in touch, in English and Italian).
    old_date, new_date : str or None
        The date each network describes (ISO), see :func:`netkit.analyse._views.data_date`.
    """

    added: pd.DataFrame
    lost: pd.DataFrame
    changed: pd.DataFrame
    old_date: str | None = None
    new_date: str | None = None
    notes: list[str] = field(default_factory=list)

    def summary(self, *, limit: int = 10) -> list[str]:
        """The differences as lines of text: counts first, then up to ``limit`` changes.

        Examples
        --------
        >>> import networkx as nx
        >>> old = nx.Graph(netkit_schema=1)
        >>> old.add_node("li:ada", kind="person", name="Ada", position="HR Manager")
        >>> new = nx.Graph(netkit_schema=1)
        >>> new.add_node("li:ada", kind="person", name="Ada", position="HR Director")
        >>> new.add_node("li:bo", kind="person", name="Bo")
        >>> for line in diff(old, new).summary():
        ...     print(line)
        1 new contact, 0 lost, 1 changed organisation or title
          Ada: position HR Manager → HR Director
        """
        span = ""
        if self.old_date and self.new_date:
            span = f"From {self.old_date} to {self.new_date}: "
        people = self.changed["person"].nunique() if len(self.changed) else 0
        head = (
            f"{span}{len(self.added)} new contact{'s' if len(self.added) != 1 else ''}, "
            f"{len(self.lost)} lost, {people} changed organisation or title"
        )
        lines = [head[0].upper() + head[1:]]
        for row in self.changed.head(max(0, limit)).itertuples(index=False):
            lines.append(f"  {row.name}: {row.field} {row.old or '(none)'} → {row.new or '(none)'}")
        if len(self.changed) > limit:
            lines.append(f"  … and {len(self.changed) - limit} more changes")
        return lines


def _current_organisations(G: nx.Graph, person: str) -> dict[str, str]:
    """Current organisations of ``person``: normalised key -> display name."""
    found = {}
    for org in _views.organisations_of(G, person, current=True):
        name = str(G.nodes[org].get("name", org))
        found[org.removeprefix("org:")] = name
    return found


def _current_title(G: nx.Graph, person: str) -> str | None:
    titles = sorted(
        str(G.edges[person, org]["title"])
        for org in _views.organisations_of(G, person, current=True)
        if G.edges[person, org].get("title")
    )
    return titles[0] if titles else None


def _text(G: nx.Graph, person: str, key: str) -> str | None:
    value = G.nodes[person].get(key)
    return str(value) if value not in (None, "") else None


def _why(field_name: str, old: str | None, new: str | None) -> tuple[str, str]:
    reason = "a natural reason to get back in touch"
    motivo = "un motivo naturale per rifarsi vivi"
    if field_name in ("organisation", "company"):
        if old and new:
            return (
                f"Moved from {old} to {new}: {reason} (congratulate them, ask how the new "
                "place is going).",
                f"È passato/a da {old} a {new}: {motivo} (fai i complimenti e chiedi come si "
                "trova nel nuovo posto).",
            )
        if new:
            return (
                f"Now at {new}: {reason} (congratulate them on the new role).",
                f"Ora lavora in {new}: {motivo} (fai i complimenti per il nuovo ruolo).",
            )
        return (
            f"No longer lists {old}: {reason}; they may be between roles and glad of a "
            "useful contact.",
            f"Non indica più {old}: {motivo}; potrebbe essere tra un lavoro e l'altro e "
            "apprezzare un contatto utile.",
        )
    if old and new:
        return (
            f"New role: {new} (was {old}): {reason} (congratulate them).",
            f"Nuovo ruolo: {new} (prima {old}): {motivo} (fai i complimenti).",
        )
    if new:
        return (
            f"Now shows the role {new}: {reason}.",
            f"Ora indica il ruolo {new}: {motivo}.",
        )
    return (
        f"No longer shows the role {old}: {reason}.",
        f"Non indica più il ruolo {old}: {motivo}.",
    )


def _people_table(G: nx.Graph, people: list[str]) -> pd.DataFrame:
    rows = [
        {
            "person": p,
            "name": _text(G, p, "name") or p,
            "company": _text(G, p, "company"),
            "position": _text(G, p, "position"),
        }
        for p in sorted(people)
    ]
    return pd.DataFrame(rows, columns=_PEOPLE_COLUMNS, dtype=object)


def _changes(old: nx.Graph, new: nx.Graph, person: str) -> list[dict[str, Any]]:
    rows = []

    def add(field_name: str, before: str | None, after: str | None) -> None:
        why, why_it = _why(field_name, before, after)
        rows.append(
            {
                "person": person,
                "name": _text(new, person, "name") or _text(old, person, "name") or person,
                "field": field_name,
                "old": before,
                "new": after,
                "why": why,
                "why_it": why_it,
            }
        )

    orgs_old, orgs_new = _current_organisations(old, person), _current_organisations(new, person)
    if orgs_old or orgs_new:
        if set(orgs_old) != set(orgs_new):
            add(
                "organisation",
                "; ".join(orgs_old[k] for k in sorted(orgs_old)) or None,
                "; ".join(orgs_new[k] for k in sorted(orgs_new)) or None,
            )
    else:
        before, after = _text(old, person, "company"), _text(new, person, "company")
        if organisation_key(before or "") != organisation_key(after or ""):
            add("company", before, after)
    pos_old, pos_new = _text(old, person, "position"), _text(new, person, "position")
    if pos_old or pos_new:
        if fold(pos_old or "") != fold(pos_new or ""):
            add("position", pos_old, pos_new)
    else:
        title_old, title_new = _current_title(old, person), _current_title(new, person)
        if fold(title_old or "") != fold(title_new or ""):
            add("title", title_old, title_new)
    return rows


def diff(old: nx.Graph, new: nx.Graph) -> Diff:
    """Compare two imports of a network by stable person id.

    Contacts who changed organisation or title since the older import have "a natural
    reason to get back in touch": congratulating someone on a new role is the least
    awkward way to revive a tie (see :func:`netkit.analyse.maintenance`).

    Parameters
    ----------
    old, new : networkx.Graph
        Two networks in netkit's schema, the older first (person ids are stable across
        re-imports: ``li:<slug>``, ``mail:<email>``, ``name:<name>``).

    Returns
    -------
    Diff
        ``added``, ``lost`` and ``changed`` tables (columns in :class:`Diff`) and
        ``summary()``.

    Examples
    --------
    >>> import networkx as nx
    >>> def network(org):
    ...     G = nx.Graph(netkit_schema=1)
    ...     G.add_node("li:ada", kind="person", name="Ada", company=org)
    ...     G.add_node("org:" + org.lower(), kind="organisation", name=org)
    ...     G.add_edge("li:ada", "org:" + org.lower(), kind="member_of", current=True)
    ...     return G
    >>> d = diff(network("Pirelli"), network("Enel"))
    >>> d.changed[["field", "old", "new"]].values.tolist()
    [['organisation', 'Pirelli', 'Enel']]
    >>> print(d.changed.loc[0, "why"].split(" (")[0])
    Moved from Pirelli to Enel: a natural reason to get back in touch

    Notes
    -----
    Linear in the number of contacts and their memberships. Organisations are compared
    by normalised id, so "Enel S.p.A." and "ENEL SpA" are no change; positions are
    compared case- and accent-insensitively. A contact missing from the newer export
    may have left LinkedIn or removed the connection: "lost" says only that.
    """
    before, after = set(_views.contacts(old)), set(_views.contacts(new))
    changed: list[dict[str, Any]] = []
    for person in sorted(before & after):
        changed += _changes(old, new, person)
    order = {name: i for i, name in enumerate(_FIELDS)}
    table = pd.DataFrame(changed, columns=_CHANGED_COLUMNS, dtype=object)
    if len(table):
        table = (
            table.assign(_o=table["field"].map(order))
            .sort_values(["person", "_o"], kind="mergesort")
            .drop(columns="_o")
            .reset_index(drop=True)
        )
    old_day, new_day = _views.data_date(old), _views.data_date(new)
    notes = []
    if old_day and new_day and old_day > new_day:
        notes.append(
            f"the 'old' network ({old_day}) is newer than the 'new' one ({new_day}): "
            "were the arguments swapped?"
        )
    return Diff(
        added=_people_table(new, sorted(after - before)),
        lost=_people_table(old, sorted(before - after)),
        changed=table,
        old_date=old_day.isoformat() if old_day else None,
        new_date=new_day.isoformat() if new_day else None,
        notes=notes,
    )
