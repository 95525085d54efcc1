"""Importers: every export format becomes the same network, with an import report."""

from __future__ import annotations

import csv
import inspect
import io
import os
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from netkit.errors import UnsupportedFormat
from netkit.identity import MergeReport, merge_with_report
from netkit.io import addressbook as _addressbook
from netkit.io import archive as _archive
from netkit.io import declared as _declared
from netkit.io import graphml as _graphml
from netkit.io import ics as _ics
from netkit.io import linkedin as _linkedin
from netkit.io import mbox as _mbox
from netkit.io import netfiles as _netfiles
from netkit.io import vcard as _vcard
from netkit.io._text import Source, Src, decode, load_source, sniff_binary
from netkit.io.graphml import read_graphml, write_graphml
from netkit.io.linkedin import read_linkedin
from netkit.io.report import ImportReport, RowIssue

__all__ = [
    "READERS",
    "ImportReport",
    "Reader",
    "RowIssue",
    "read",
    "read_all",
    "read_graphml",
    "read_linkedin",
    "sniff_format",
    "write_graphml",
]


@dataclass(frozen=True)
class Reader:
    """A format netkit reads: its name, what it is, how to spot it and how to read it."""

    name: str
    description: str
    sniff: Callable[[Source, str | None, str], bool]
    read: Callable[..., tuple[nx.Graph, ImportReport]]


def _is_graphml(source: Source, kind: str | None, head: str) -> bool:
    return kind is None and _netfiles._is_netkit_graphml(head)


def _is_connections(source: Source, kind: str | None, head: str) -> bool:
    return kind is None and _linkedin.find_header(head) is not None


#: Every format netkit reads, by name, in the order they are tried when sniffing.
READERS: dict[str, Reader] = {
    _graphml.FORMAT: Reader(
        _graphml.FORMAT,
        "a network saved by netkit (GraphML)",
        _is_graphml,
        _graphml.read_graphml_report,
    ),
    _netfiles.GRAPHML_FORMAT: Reader(
        _netfiles.GRAPHML_FORMAT,
        "a network from another tool saved as GraphML (use --ego to name yourself)",
        _netfiles.sniff_graphml,
        _netfiles.read_graphml_network,
    ),
    _netfiles.GEXF_FORMAT: Reader(
        _netfiles.GEXF_FORMAT,
        "a Gephi network (GEXF 1.1-1.3)",
        _netfiles.sniff_gexf,
        _netfiles.read_gexf,
    ),
    _archive.FORMAT: Reader(
        _archive.FORMAT,
        "LinkedIn's data archive (Basic_/Complete_LinkedInDataExport_….zip): connections, "
        "messages, invitations, endorsements, recommendations, your career and targets",
        _archive.sniff,
        _archive.read_linkedin_archive,
    ),
    _addressbook.GOOGLE_FORMAT: Reader(
        _addressbook.GOOGLE_FORMAT,
        "Google Contacts CSV (current or legacy export)",
        _addressbook.sniff_google,
        _addressbook.read_google_contacts,
    ),
    _addressbook.OUTLOOK_FORMAT: Reader(
        _addressbook.OUTLOOK_FORMAT,
        "Outlook contacts CSV (desktop, Outlook.com, live.com)",
        _addressbook.sniff_outlook,
        _addressbook.read_outlook_contacts,
    ),
    _vcard.FORMAT: Reader(
        _vcard.FORMAT,
        "vCard address book (.vcf, versions 2.1, 3.0, 4.0)",
        _vcard.sniff,
        _vcard.read_vcard,
    ),
    _mbox.FORMAT: Reader(
        _mbox.FORMAT,
        "e-mail mailbox in mbox format (Gmail Takeout, Thunderbird), read as a stream",
        _mbox.sniff_mbox,
        _mbox.read_mbox,
    ),
    _ics.FORMAT: Reader(
        _ics.FORMAT,
        "iCalendar .ics calendar (Google Calendar, Outlook, Apple) or Google Calendar's .zip",
        _ics.sniff_ics,
        _ics.read_ics,
    ),
    _declared.FORMAT: Reader(
        _declared.FORMAT,
        "who-knows-whom table person_a,person_b[,note] (or persona_a,persona_b,nota)",
        _declared.sniff_declared,
        _declared.read_declared,
    ),
    _netfiles.EDGE_LIST_FORMAT: Reader(
        _netfiles.EDGE_LIST_FORMAT,
        "edge-list CSV: source,target[,weight] (from,to; Gephi's Source,Target; node1,node2)",
        _netfiles.sniff_edge_list,
        _netfiles.read_edge_list,
    ),
    _linkedin.FORMAT: Reader(
        _linkedin.FORMAT,
        "LinkedIn Connections.csv (any era, Excel re-saves)",
        _is_connections,
        read_linkedin,
    ),
}


HEAD_BYTES = 256 * 1024


def _head_text(source: Source, *, complete: bool = True) -> str:
    """The start of a text file, decoded as well as the start allows (for sniffing).

    ``complete`` says whether ``source`` holds the whole file; when it does not, a
    multi-byte character cut at the end is dropped instead of failing.
    """
    data = source.data[:HEAD_BYTES]
    if complete and len(data) == len(source.data):
        return decode(source)[0]
    for cut in range(4):
        try:
            return decode(Source(source.name, data[: len(data) - cut]))[0]
        except UnicodeError:
            continue
    return ""


def _load_for_sniffing(src: Src) -> tuple[Source, bool]:
    """Read what sniffing needs: the first 256 KiB of a text file, all of a zip.

    Returns the source and whether it holds the whole file. A file object is read
    whole (it may not seek back); a path is opened again by its reader, so a
    multi-gigabyte mailbox is never loaded here.
    """
    if hasattr(src, "read") or not isinstance(src, str | os.PathLike):
        return load_source(src), True
    path = Path(src)
    if not path.exists() or path.is_dir():
        return load_source(path), True  # raises the right message
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES + 1)
    except OSError as exc:
        raise UnsupportedFormat(f"cannot be read ({exc.strerror})", path=str(path)) from None
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")) or len(head) <= HEAD_BYTES:
        return (
            (load_source(path), True) if len(head) > HEAD_BYTES else (Source(str(path), head), True)
        )
    return Source(str(path), head), False


def _looks_like_a_table(head: str) -> bool:
    """True when the text starts like a delimited table (or LinkedIn's preamble)."""
    lines = [line for line in head[:65536].splitlines()[:3] if line.strip()]
    if not lines:
        return False
    if lines[0].casefold().startswith("notes:"):
        return True
    for delimiter in ",;\t":
        count = lines[0].count(delimiter)
        if count >= 2 or (count and len(lines) > 1 and lines[1].count(delimiter) == count):
            return True
    return False


def sniff_format(src: Src | Source) -> str:
    """Name the format of ``src`` from its content (the file name is not trusted).

    Returns
    -------
    str
        A key of :data:`READERS`.

    Raises
    ------
    UnsupportedFormat
        Naming what the file seems to be, and the formats netkit reads.

    Examples
    --------
    >>> import io
    >>> sniff_format(io.BytesIO(b"First Name,Last Name,Connected On\\nA,B,1 Jan 2020"))
    'linkedin-connections'
    """
    if isinstance(src, Source):
        source, complete = src, True
    else:
        source, complete = _load_for_sniffing(src)
    kind = sniff_binary(source)
    head = "" if kind else _head_text(source, complete=complete)
    for reader in READERS.values():
        try:
            matched = reader.sniff(source, kind, head)
        except (csv.Error, ValueError, UnicodeError, zipfile.BadZipFile):
            matched = False  # a sniffer that cannot parse the head says no
        if matched:
            return reader.name
    if kind == "zip":
        _linkedin._connections_from_zip(source)  # raises, naming what the zip lacks
    if kind is None and _looks_like_a_table(head):
        raise _linkedin._no_header_error(head, source.name)
    raise UnsupportedFormat(
        "is not a format netkit reads; it reads: "
        + "; ".join(f"{r.name} ({r.description})" for r in READERS.values()),
        path=source.name,
    )


def read(src: Src, *, format: str | None = None, **options: Any) -> tuple[nx.Graph, ImportReport]:
    """Read any supported export into a network, sniffing its format from content.

    Parameters
    ----------
    src : str, path or binary file
        The export.
    format : str, optional
        A key of :data:`READERS`, to skip sniffing.
    **options
        Passed to the format's reader when it takes them (``on_bad_rows=``,
        ``ego_name=``, ``owner_emails=``, ``ego=``…); options a reader does not take
        are left out, so one set of options serves several sources.

    Returns
    -------
    G : networkx.Graph
    report : ImportReport

    Raises
    ------
    UnsupportedFormat
        For an unknown ``format`` (listing the valid ones) or an unreadable file.

    Examples
    --------
    >>> import io
    >>> G, report = read(io.BytesIO(b"First Name,Last Name,Connected On\\nAda,L,1 Jan 2020"))
    >>> report.format, report.contacts
    ('linkedin-connections', 1)
    """
    if format is not None and format not in READERS:
        raise UnsupportedFormat(f"unknown format {format!r}; valid formats: {', '.join(READERS)}")
    source, complete = _load_for_sniffing(src)
    name = format or sniff_format(source)
    reader = READERS[name].read
    accepted = inspect.signature(reader).parameters
    options = {key: value for key, value in options.items() if key in accepted}
    if not complete or not hasattr(src, "read"):
        return reader(src, **options)  # the reader opens the path itself
    stream = io.BytesIO(source.data)
    stream.name = source.name  # type: ignore[attr-defined]
    return reader(stream, **options)


def read_all(
    sources: Sequence[Src], **options: Any
) -> tuple[nx.Graph, list[ImportReport], MergeReport | None]:
    """Read one or more exports (or saved networks) and merge them into one network.

    Parameters
    ----------
    sources : sequence of str, path or binary file
        Each file is sniffed and read with :func:`read`.
    **options
        Passed to every reader that takes them (``on_bad_rows=`` to all).

    Returns
    -------
    G : networkx.Graph
    reports : list of ImportReport
        One per source, in order.
    merge_report : MergeReport or None
        What identity resolution merged and doubted; None for a single source.

    Examples
    --------
    >>> import io
    >>> head = b"First Name,Last Name,URL,Email Address,Connected On\\n"
    >>> a = io.BytesIO(head + b"Ada,Lovelace,linkedin.com/in/ada,,1 Jan 2020")
    >>> b = io.BytesIO(head + b"Ada,Lovelace,,ada@example.com,1 Jan 2021")
    >>> G, reports, merged = read_all([a, b])
    >>> sorted(n for n, k in G.nodes(data="kind") if k == "person"), merged.people
    (['li:ada'], 1)
    """
    if not sources:
        raise ValueError("read_all needs at least one source")
    graphs, reports = [], []
    for src in sources:
        G, report = read(src, **options)
        graphs.append(G)
        reports.append(report)
    if len(graphs) == 1:
        return graphs[0], reports, None
    G, merge_report = merge_with_report(*graphs)
    return G, reports, merge_report
