"""Printing analysis tables: a readable terminal table, JSON, or a spreadsheet-safe CSV."""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

#: Cell starts a spreadsheet would run as a formula (OWASP CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text: formulas get a leading apostrophe.

    Examples
    --------
    >>> safe_cell("=HYPERLINK(1)"), safe_cell("-3"), safe_cell(-3), safe_cell("Ada")
    ("'=HYPERLINK(1)", "'-3", -3, 'Ada')
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _plain(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    return value


def records(frame: Any) -> list[dict[str, Any]]:
    """A DataFrame as JSON-ready rows (NaN as null, numpy scalars as Python ones)."""
    return [{str(k): _plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def emit(
    frame: Any,
    *,
    as_json: bool,
    csv_path: str | None,
    columns: Sequence[str],
    top: int,
    notes: Sequence[str] = (),
) -> None:
    """Print ``frame`` as JSON, save it as CSV, or show ``columns`` of its first rows."""
    if as_json:
        click.echo(json.dumps(records(frame), ensure_ascii=False, indent=1))
        return
    if csv_path:
        path = Path(csv_path)
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(list(frame.columns))
            for row in frame.itertuples(index=False):
                writer.writerow(["" if _plain(v) is None else safe_cell(_plain(v)) for v in row])
        click.echo(f"wrote {len(frame)} rows to {path}")
        return
    click.echo(table(frame, columns, top=top))
    for note in notes:
        click.echo(f"note: {note}")


def _text(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    return " ".join(str(value).split())


def table(frame: Any, columns: Sequence[str], *, top: int = 20, width: int = 80) -> str:
    """The first ``top`` rows of ``columns`` as text fitting ``width`` columns.

    The last column takes what room is left and is cut with "…".
    """
    columns = [c for c in columns if c in frame.columns]
    rows = [[_text(v) for v in row] for row in frame[columns].head(top).itertuples(index=False)]
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns)]
    fixed = sum(min(w, 28) + 2 for w in widths[:-1])
    widths = [min(w, 28) for w in widths[:-1]] + [max(12, width - fixed)]

    def line(cells: Sequence[str]) -> str:
        out = []
        for cell, size in zip(cells, widths, strict=True):
            cell = cell if len(cell) <= size else cell[: size - 1] + "…"
            out.append(cell.ljust(size))
        return "  ".join(out).rstrip()

    body = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in rows]
    if len(frame) > top:
        body.append(f"… {len(frame) - top} more rows (--top N, --json or --csv FILE for all)")
    return "\n".join(body)
