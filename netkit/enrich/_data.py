"""Shared helpers: text normalisation for keyword matching and reading the shipped tables."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from netkit.errors import MissingColumns
from netkit.schema import fold

__all__ = ["DATA_DIR", "feminine_forms", "normalise", "read_table", "split_list"]

#: Folder of the shipped, user-editable data files.
DATA_DIR = Path(__file__).resolve().parent / "data"

_NON_WORD = re.compile(r"[^\w&+#]+")


@lru_cache(maxsize=131072)
def normalise(text: str) -> str:
    """Fold ``text`` and keep only words: the form every keyword and name is matched in.

    Accents and case go (:func:`netkit.schema.fold`); anything that is not a letter, a
    digit, ``&``, ``+`` or ``#`` becomes a space, so "Sr. Software Eng." and
    "sr software eng" match the same keywords.

    Examples
    --------
    >>> normalise("Resp. Amministrazione & Finanza")
    'resp amministrazione & finanza'
    >>> normalise("Giurista d'impresa / R&D")
    'giurista d impresa r&d'
    """
    return " ".join(_NON_WORD.sub(" ", fold(text).replace("_", " ")).split())


def split_list(cell: str) -> list[str]:
    """Split a ``;``-separated cell into its non-empty items."""
    return [item.strip() for item in (cell or "").split(";") if item.strip()]


def read_table(path: str | Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line, row)`` for each data row of a UTF-8 CSV with a header.

    ``path`` is a file name inside :data:`DATA_DIR` or any path. Cells are stripped;
    missing cells are ``""``; blank rows are skipped.

    Raises
    ------
    MissingColumns
        When the header lacks one of ``columns``.
    """
    path = Path(path)
    if not path.is_absolute() and not path.exists():
        path = DATA_DIR / path
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [name.strip() for name in reader.fieldnames or ()]
        missing = [name for name in columns if name not in header]
        if missing:
            raise MissingColumns(
                f"lacks the column(s) {', '.join(missing)}; the header must name "
                f"{', '.join(columns)}",
                path=str(path),
            )
        reader.fieldnames = header
        for row in reader:
            cells = {key: (value or "").strip() for key, value in row.items() if key}
            if any(cells.values()):
                yield reader.line_num, cells


# Italian masculine endings and the feminine forms people write (Direttore -> Direttrice,
# Dottore -> Dottoressa, Impiegato -> Impiegata, Ingegnere -> Ingegnera).
_FEMININE = (
    ("dottore", ("dottoressa",)),
    ("tore", ("trice", "tora")),
    ("sore", ("soressa", "sora")),
    ("iere", ("iera",)),
    ("ere", ("era",)),
    ("o", ("a",)),
)


def _feminine_word(word: str) -> tuple[str, ...]:
    if len(word) < 4 or not word.isalpha():
        return ()
    for ending, replacements in _FEMININE:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            return tuple(stem + replacement for replacement in replacements)
    return ()


def feminine_forms(keyword: str) -> list[str]:
    """Return the feminine forms of an Italian masculine keyword (all words agreeing).

    Examples
    --------
    >>> feminine_forms("direttore amministrativo")
    ['direttrice amministrativa', 'direttora amministrativa']
    >>> feminine_forms("professore")
    ['professoressa', 'professora']
    >>> feminine_forms("responsabile")
    []
    """
    words = keyword.split()
    options = [_feminine_word(word) or (word,) for word in words]
    if all(option == (word,) for option, word in zip(options, words, strict=True)):
        return []
    forms: list[str] = []
    for i in range(max(len(option) for option in options)):
        form = " ".join(option[min(i, len(option) - 1)] for option in options)
        if form != keyword and form not in forms:
            forms.append(form)
    return forms
