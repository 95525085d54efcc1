"""Dates as exports write them: LinkedIn's ``12 Mar 2021`` and what Excel makes of it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

__all__ = ["DateOrder", "guess_day_first", "parse_date"]

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "jan january gen gennaio janv janvier jän jänner januar ene enero",
        "feb february febbraio fév févr février februar febrero",
        "mar march marzo mars märz mär",
        "apr april aprile avr avril abr abril",
        "may maggio mag mai mayo",
        "jun june giu giugno juin juni",
        "jul july lug luglio juil juillet juli",
        "aug august ago agosto aoû août",
        "sep sept september set settembre septembre septiembre",
        "oct october ott ottobre octobre okt oktober",
        "nov november novembre noviembre",
        "dec december dic dicembre déc décembre dez dezember",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = r"([^\W\d_]{3,10})\.?"
_NAMED = [
    # 12 Mar 2021, 4-Apr-21, 12. März 2021, 12 marzo 2021
    (re.compile(rf"^(\d{{1,2}})\.?[\s\-/]+{_MONTH}[\s\-/,]+(\d{{2}}|\d{{4}})$"), "dmy"),
    # Mar 12, 2021 and March 12 2021
    (re.compile(rf"^{_MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})$"), "mdy"),
]
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:[,\s].*)?$")

DateOrder = bool  # True: day first (15/03/2024); False: month first (3/15/2024)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year <= date.today().year % 100 + 1 else 1900
    return year


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str, *, day_first: bool = True) -> date | None:
    """Parse a date as found in contact exports; None when it cannot be read.

    Parameters
    ----------
    text : str
        ``12 Mar 2021``, ``4-Apr-21``, ``12 mar 2021`` (Italian), ``12. März 2021``,
        ``Mar 12, 2021``, ``2021-03-12``, ``15/03/2024``, ``3/15/24``…
    day_first : bool
        How to read an all-numeric date such as ``03/04/2021``; a date that can
        only be read one way (``15/03/2024``) is read that way regardless.

    Returns
    -------
    datetime.date or None

    Examples
    --------
    >>> parse_date("12 Mar 2021"), parse_date("4-Apr-21"), parse_date("1 gen 2020")
    (datetime.date(2021, 3, 12), datetime.date(2021, 4, 4), datetime.date(2020, 1, 1))
    >>> parse_date("03/04/2021"), parse_date("03/04/2021", day_first=False)
    (datetime.date(2021, 4, 3), datetime.date(2021, 3, 4))
    >>> parse_date("31/31/2021") is None
    True
    """
    text = text.strip()
    if not text:
        return None
    for pattern, order in _NAMED:
        match = pattern.match(text)
        if match:
            if order == "dmy":
                day, month_name, year = match.groups()
            else:
                month_name, day, year = match.groups()
            month = _MONTHS.get(month_name.casefold())
            return _make(_year(year), month, int(day)) if month else None
    match = _ISO.match(text)
    if match:
        year, month, day = match.groups()
        return _make(int(year), int(month), int(day))
    match = _NUMERIC.match(text)
    if match:
        first, second, year = (int(g) if i < 2 else g for i, g in enumerate(match.groups()))
        if first > 12 or (day_first and second <= 12):
            return _make(_year(year), second, first)
        return _make(_year(year), first, second)
    return None


def guess_day_first(values: Iterable[str]) -> tuple[bool, bool]:
    """Decide how a file orders day and month in its all-numeric dates.

    Returns ``(day_first, settled)``: ``settled`` is False when no date in
    ``values`` could tell (every one reads both ways, or there are none), in which
    case day-first, the order of most locales outside the US, is assumed.

    Examples
    --------
    >>> guess_day_first(["3/15/2024", "4/2/2024"])
    (False, True)
    >>> guess_day_first(["03/04/2021"])
    (True, False)
    """
    day_first_votes = month_first_votes = 0
    for value in values:
        match = _NUMERIC.match(value.strip())
        if not match:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 >= second:
            day_first_votes += 1
        elif second > 12 >= first:
            month_first_votes += 1
    if day_first_votes == month_first_votes == 0:
        return True, False
    return day_first_votes >= month_first_votes, True
