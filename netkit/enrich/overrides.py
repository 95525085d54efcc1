"""User overrides: an organisation's sector and territory, a person's function, level, sector."""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import networkx as nx

from netkit.enrich.places import Place, resolve_place
from netkit.enrich.taxonomy import (
    FUNCTION_LABELS,
    FUNCTIONS,
    SECTOR_LABELS,
    SECTORS,
    SENIORITY,
    SENIORITY_LABELS,
)
from netkit.errors import MissingColumns, ParseError
from netkit.io._text import decode, load_source
from netkit.io.report import ImportReport, RowIssue
from netkit.schema import clean_text, fold, linkedin_slug, organisation_key

__all__ = [
    "OrganisationOverride",
    "Overrides",
    "PersonOverride",
    "load_overrides",
    "unmatched_overrides",
]

ORGANISATIONS_FORMAT = "organisation-overrides"
PEOPLE_FORMAT = "people-overrides"
_ORGANISATION_VALUES = ("sector", "territory")
_PERSON_VALUES = ("function", "seniority", "sector", "territory")


@dataclass(frozen=True)
class OrganisationOverride:
    """One row of an organisations override file.

    Attributes
    ----------
    key : str
        The organisation as :func:`netkit.schema.organisation_key` normalises it.
    name : str
        The organisation as written in the file.
    sector : str or None
        A sector id.
    territory : str or None
        The territory as written; ``place`` is what it resolved to (None when the place
        lists do not know it: the text is then kept as the territory).
    source : str
        ``"override <file> line <n>"``, written as the ``*_source`` of the values.
    """

    key: str
    name: str
    sector: str | None = None
    territory: str | None = None
    place: Place | None = None
    source: str = ""
    line: int = 0


@dataclass(frozen=True)
class PersonOverride:
    """One row of a people override file.

    ``person`` is matched against node ids (``li:…``, ``mail:…``, ``name:…``), LinkedIn
    URLs, e-mail addresses and, when only one contact has it, the full name.
    """

    person: str
    kind: str  # "id", "email" or "name"
    key: str
    function: str | None = None
    seniority: str | None = None
    sector: str | None = None
    territory: str | None = None
    place: Place | None = None
    source: str = ""
    line: int = 0


@dataclass(frozen=True)
class Overrides:
    """Overrides loaded from user files, with the import report of each file.

    Attributes
    ----------
    organisations : mapping of str to OrganisationOverride
        By organisation key.
    people : tuple of PersonOverride
        In file order (a later row for the same person wins).
    reports : tuple of ImportReport
        One per file read: rows read, accepted, rejected (with line and reason).
    """

    organisations: Mapping[str, OrganisationOverride] = field(
        default_factory=lambda: MappingProxyType({})
    )
    people: tuple[PersonOverride, ...] = ()
    reports: tuple[ImportReport, ...] = ()

    def person_index(self, G: nx.Graph) -> dict[str, PersonOverride]:
        """Map person node ids of ``G`` to the override that applies to them."""
        by_id, by_email, by_name = _people_keys(G)
        out: dict[str, PersonOverride] = {}
        for override in self.people:
            for node in _match(override, by_id, by_email, by_name):
                out[node] = override
        return out


def _people_keys(
    G: nx.Graph,
) -> tuple[set[str], dict[str, list[str]], dict[str, list[str]]]:
    ids: set[str] = set()
    by_email: dict[str, list[str]] = {}
    by_name: dict[str, list[str]] = {}
    for node, data in G.nodes(data=True):
        if data.get("kind") != "person":
            continue
        ids.add(node)
        emails = [e.strip().casefold() for e in str(data.get("emails", "")).split(";")]
        if node.startswith("mail:"):
            emails.append(node[5:])
        for email in dict.fromkeys(e for e in emails if e):
            by_email.setdefault(email, []).append(node)
        name = fold(str(data.get("name", ""))) or (node[5:] if node.startswith("name:") else "")
        if name:
            by_name.setdefault(name, []).append(node)
    return ids, by_email, by_name


def _match(
    override: PersonOverride,
    ids: set[str],
    by_email: dict[str, list[str]],
    by_name: dict[str, list[str]],
) -> list[str]:
    if override.kind == "id":
        return [override.key] if override.key in ids else []
    if override.kind == "email":
        found = by_email.get(override.key, [])
        return found if len(found) == 1 else []
    found = by_name.get(override.key, [])
    return found if len(found) == 1 else []


def _person_key(text: str) -> tuple[str, str]:
    lowered = text.strip()
    for prefix in ("li:", "mail:", "name:"):
        if lowered.casefold().startswith(prefix):
            rest = lowered[len(prefix) :]
            return "id", prefix + (fold(rest) if prefix == "name:" else rest.casefold())
    slug = linkedin_slug(lowered) if "linkedin." in lowered.casefold() else None
    if slug:
        return "id", f"li:{slug}"
    if "@" in lowered and " " not in lowered:
        return "email", lowered.casefold()
    return "name", fold(lowered)


def _closest(value: str, valid: Iterable[str]) -> str:
    valid = list(valid)
    by_label = {
        "-".join(fold(label).split()): id_
        for labels in (FUNCTION_LABELS, SECTOR_LABELS, SENIORITY_LABELS)
        for id_, pair in labels.items()
        if id_ in valid
        for label in pair
    }
    close = [by_label[m] for m in difflib.get_close_matches(value, list(by_label), n=2, cutoff=0.8)]
    close += difflib.get_close_matches(value, valid, n=5, cutoff=0.4)
    close = list(dict.fromkeys(close))[:5]
    if len(close) < 3:
        ranked = sorted(valid, key=lambda v: -difflib.SequenceMatcher(None, value, v).ratio())
        close += [v for v in ranked if v not in close][: 3 - len(close)]
    return ", ".join(close)


def _check_id(kind: str, value: str, valid: tuple[str, ...]) -> tuple[str | None, str | None]:
    """Return (id, None) or (None, reason)."""
    if not value:
        return None, None
    wanted = "-".join(fold(value).replace("_", " ").split())
    if wanted in valid:
        return wanted, None
    return None, f"unknown {kind} '{value}'; closest valid ids: {_closest(wanted, valid)}"


def _rows(src: str | Path, fmt: str, key_column: str, values: tuple[str, ...]):  # type: ignore[no-untyped-def]
    source = load_source(src)
    blank = not source.data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe")
    text, encoding = ("", "") if blank else decode(source)
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise MissingColumns(
            f"is empty; write a header '{key_column},{','.join(values)}' and one row per line",
            path=source.name,
        )
    header_text = lines[first]
    delimiter = ";" if header_text.count(";") > header_text.count(",") else ","
    report = ImportReport(
        path=source.name, format=fmt, encoding=encoding, delimiter=delimiter, header_line=first + 1
    )
    reader = csv.reader(io.StringIO("\n".join(lines[first:])), delimiter=delimiter)
    header = [fold(name).replace(" ", "_") for name in next(reader)]
    if key_column not in header or not any(v in header for v in values):
        raise MissingColumns(
            f"needs the columns {key_column} and at least one of {', '.join(values)} "
            f"(found: {', '.join(h for h in header if h) or 'none'})",
            path=source.name,
        )
    previous_end = first + 1
    rows: list[tuple[int, dict[str, str], str]] = []
    for cells in reader:
        start = previous_end + 1
        previous_end = first + reader.line_num
        if not any(c.strip() for c in cells):
            continue
        row = {
            name: clean_text(cells[i]) if i < len(cells) else "" for i, name in enumerate(header)
        }
        rows.append((start, row, delimiter.join(cells)[:120]))
    return report, rows


def _reject(report: ImportReport, issue: RowIssue, on_bad_rows: str) -> None:
    if on_bad_rows == "error":
        raise ParseError(issue.reason, path=report.path, line=issue.line)
    report.rejected.append(issue)


def _place(text: str) -> Place | None:
    return resolve_place(text) if text else None


def _load_organisations(
    src: str | Path, on_bad_rows: str
) -> tuple[dict[str, OrganisationOverride], ImportReport]:
    report, rows = _rows(src, ORGANISATIONS_FORMAT, "organisation", _ORGANISATION_VALUES)
    base = Path(report.path).name
    found: dict[str, OrganisationOverride] = {}
    for line, row, text in rows:
        report.rows_read += 1
        name = row.get("organisation", "")
        key = organisation_key(name)
        sector, problem = _check_id("sector", row.get("sector", ""), SECTORS)
        territory = row.get("territory", "")
        if not key:
            problem = "no organisation named" if not name else f"'{name}' names no organisation"
        elif problem is None and sector is None and not territory:
            problem = "nothing to override: give a sector or a territory"
        if problem:
            _reject(report, RowIssue(line, problem, text), on_bad_rows)
            continue
        place = _place(territory)
        if territory and place is None:
            report.problems.append(
                RowIssue(line, f"place '{territory}' not recognised; kept as written", text)
            )
        if key in found:
            earlier = found[key]
            report.duplicates.append(
                RowIssue(earlier.line, f"same organisation as line {line}, which wins", "")
            )
            report.accepted -= 1
        found[key] = OrganisationOverride(
            key, name, sector, territory or None, place, f"override {base} line {line}", line
        )
        report.accepted += 1
    report.organisations = len(found)
    return found, report


def _load_people(src: str | Path, on_bad_rows: str) -> tuple[list[PersonOverride], ImportReport]:
    report, rows = _rows(src, PEOPLE_FORMAT, "person", _PERSON_VALUES)
    base = Path(report.path).name
    found: dict[tuple[str, str], PersonOverride] = {}
    for line, row, text in rows:
        report.rows_read += 1
        person = row.get("person", "")
        function, problem_f = _check_id("function", row.get("function", ""), FUNCTIONS)
        seniority, problem_s = _check_id("seniority", row.get("seniority", ""), SENIORITY)
        sector, problem_c = _check_id("sector", row.get("sector", ""), SECTORS)
        territory = row.get("territory", "")
        problem = problem_f or problem_s or problem_c
        if not person:
            problem = "no person named"
        elif problem is None and not (function or seniority or sector or territory):
            problem = "nothing to override: give a function, seniority, sector or territory"
        if problem:
            _reject(report, RowIssue(line, problem, text), on_bad_rows)
            continue
        place = _place(territory)
        if territory and place is None:
            report.problems.append(
                RowIssue(line, f"place '{territory}' not recognised; kept as written", text)
            )
        kind, key = _person_key(person)
        if (kind, key) in found:
            report.duplicates.append(
                RowIssue(found[kind, key].line, f"same person as line {line}, which wins", "")
            )
            report.accepted -= 1
        found[kind, key] = PersonOverride(
            person,
            kind,
            key,
            function,
            seniority,
            sector,
            territory or None,
            place,
            f"override {base} line {line}",
            line,
        )
        report.accepted += 1
    report.contacts = len(found)
    return sorted(found.values(), key=lambda o: o.line), report


def load_overrides(
    organisations: str | Path | None = None,
    people: str | Path | None = None,
    *,
    on_bad_rows: str = "report",
) -> Overrides:
    """Read the user's override files.

    Parameters
    ----------
    organisations : path, optional
        CSV with the header ``organisation,sector,territory`` (``sector`` or
        ``territory`` may be left out). The organisation is matched by
        :func:`netkit.schema.organisation_key`, so "Acme S.r.l." and "ACME srl" agree.
    people : path, optional
        CSV with the header ``person,function,seniority,sector,territory`` (any of the
        last four may be left out); ``person`` is a node id, a LinkedIn URL, an e-mail
        address or a full name.
    on_bad_rows : {"report", "error"}
        "report" collects bad rows in each file's :class:`~netkit.io.report.ImportReport`;
        "error" raises at the first one.

    Returns
    -------
    Overrides

    Raises
    ------
    MissingColumns
        When a file lacks the key column or every value column.
    ParseError
        With ``on_bad_rows="error"``, at the first bad row (its line in the message).
    UnsupportedFormat, EncodingProblem
        When a file is missing or unreadable.

    Notes
    -----
    Files are UTF-8 (or UTF-16, or cp1252 as Excel writes them), comma- or
    semicolon-separated. Sector, function and seniority cells hold ids of the taxonomy
    (``docs/enrich.md``); case, spaces and underscores are forgiven ("Renewable Energy"
    is ``renewable-energy``), anything else rejects the row with the closest valid ids.
    A territory the place lists do not know is kept as written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "orgs.csv").write_text(
    ...     "organisation,sector,territory\\nAcme S.r.l.,renewable-energy,Bergamo\\n"
    ...     "Beta,renewables,\\n")
    >>> o = load_overrides(folder / "orgs.csv")
    >>> o.organisations["acme"].sector, o.organisations["acme"].place.region
    ('renewable-energy', 'Lombardia')
    >>> print(o.reports[0].rejected[0].reason)
    unknown sector 'renewables'; closest valid ids: renewable-energy, ...
    """
    if on_bad_rows not in ("report", "error"):
        raise ValueError(f"on_bad_rows must be 'report' or 'error', not {on_bad_rows!r}")
    found_organisations: dict[str, OrganisationOverride] = {}
    found_people: list[PersonOverride] = []
    reports: list[ImportReport] = []
    if organisations is not None:
        found_organisations, report = _load_organisations(organisations, on_bad_rows)
        reports.append(report)
    if people is not None:
        found_people, report = _load_people(people, on_bad_rows)
        reports.append(report)
    return Overrides(MappingProxyType(found_organisations), tuple(found_people), tuple(reports))


def unmatched_overrides(G: nx.Graph, overrides: Overrides) -> list[RowIssue]:
    """List the rows of ``overrides`` that match nothing in ``G``, with their lines.

    A person row matches a node id, a LinkedIn URL's id, one contact's e-mail or one
    contact's name (a name two contacts share matches neither); an organisation row
    matches an organisation node by key.
    """
    issues: list[RowIssue] = []
    keys = {
        organisation_key(str(data.get("name", node[4:])))
        for node, data in G.nodes(data=True)
        if data.get("kind") == "organisation"
    } | {node[4:] for node, data in G.nodes(data=True) if data.get("kind") == "organisation"}
    for override in overrides.organisations.values():
        if override.key not in keys:
            issues.append(
                RowIssue(override.line, f"no organisation matches '{override.name}'", override.name)
            )
    by_id, by_email, by_name = _people_keys(G)
    for override in overrides.people:
        if not _match(override, by_id, by_email, by_name):
            shared = override.kind == "name" and len(by_name.get(override.key, [])) > 1
            reason = (
                f"'{override.person}' names more than one contact; use their profile URL"
                if shared
                else f"no contact matches '{override.person}'"
            )
            issues.append(RowIssue(override.line, reason, override.person))
    return sorted(issues, key=lambda issue: issue.line)
