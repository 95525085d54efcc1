"""The import report: what a reader read, kept, merged and rejected, row by row."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["ImportReport", "RowIssue"]


@dataclass(frozen=True)
class RowIssue:
    """One row that was rejected, recognised as a duplicate, or kept with a problem.

    Attributes
    ----------
    line : int
        1-based physical line of the file where the row starts.
    reason : str
        What is wrong, in words a user can act on.
    text : str
        The start of the row as read (at most 120 characters), to find it again.
    """

    line: int
    reason: str
    text: str = ""
    member: str = ""

    def __str__(self) -> str:
        shown = f"  [{self.text}]" if self.text else ""
        where = f"{self.member} line {self.line}" if self.member else f"line {self.line}"
        return f"{where}: {self.reason}{shown}"


@dataclass
class ImportReport:
    """Everything a reader did with one file.

    A *row* is one record of the source: a CSV row, a vCard, an e-mail, an event.
    Rows read always equal accepted + skipped + duplicates + rejected: no row
    disappears without being counted here. ``skipped`` counts, by reason, rows left
    out on purpose (mailing-list mail, cancelled meetings); ``rejected`` and
    ``duplicates`` list each row with its line; ``problems`` lists rows that were kept
    but lost a value on the way (an unreadable date, a malformed URL). ``counts``
    holds what a source found besides contacts (messages, meetings, endorsements…).

    Examples
    --------
    >>> r = ImportReport(path="Connections.csv", format="linkedin-connections")
    >>> r.rows_read, r.accepted, r.contacts = 2, 1, 1
    >>> r.rejected.append(RowIssue(5, "no name and no profile URL"))
    >>> r.balanced
    True
    """

    path: str
    format: str
    encoding: str = ""
    delimiter: str = ""
    header_line: int = 0
    rows_read: int = 0
    accepted: int = 0
    contacts: int = 0
    organisations: int = 0
    duplicates: list[RowIssue] = field(default_factory=list)
    rejected: list[RowIssue] = field(default_factory=list)
    problems: list[RowIssue] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        """True when rows read = accepted + skipped + duplicates + rejected."""
        return self.rows_read == (
            self.accepted + sum(self.skipped.values()) + len(self.duplicates) + len(self.rejected)
        )

    def skip(self, reason: str, n: int = 1) -> None:
        """Count ``n`` rows left out on purpose for ``reason``."""
        self.skipped[reason] = self.skipped.get(reason, 0) + n

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain JSON-ready data."""
        return asdict(self)

    def summary(self, *, limit: int = 20) -> list[str]:
        """Return the report as lines of text for a terminal, listing at most ``limit`` rows
        of each kind."""
        lines = [
            f"{self.path} ({self.format}, {self.encoding or 'n/a'}): {self.rows_read} rows read, "
            f"{self.contacts} contacts, {self.organisations} organisations, "
            f"{len(self.duplicates)} duplicates, {len(self.rejected)} rejected"
        ]
        if self.skipped:
            lines.append(
                "  skipped on purpose: "
                + "; ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()))
            )
        if self.counts:
            lines.append("  found: " + ", ".join(f"{n} {what}" for what, n in self.counts.items()))
        for title, issues in (
            ("rejected", self.rejected),
            ("duplicates", self.duplicates),
            ("kept with problems", self.problems),
        ):
            if not issues:
                continue
            lines.append(f"  {title} ({len(issues)}):")
            lines.extend(f"    {issue}" for issue in issues[:limit])
            if len(issues) > limit:
                lines.append(f"    … and {len(issues) - limit} more (save them with --report)")
        lines.extend(f"  note: {note}" for note in self.notes)
        return lines
