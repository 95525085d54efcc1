"""Function and seniority of a job title, in Italian and English, from a keyword table."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from netkit.enrich._data import feminine_forms, normalise, read_table
from netkit.enrich.taxonomy import FUNCTIONS, SECTORS, SENIORITY, seniority_rank
from netkit.schema import clean_text

__all__ = [
    "DEFAULT_LEVEL",
    "INDEPENDENT",
    "TitleClass",
    "TitleKeyword",
    "TitleRules",
    "classify_title",
    "default_title_rules",
]

#: Pseudo-level of "Freelance", "Libero professionista": it cancels the default level a
#: role noun implies ("Freelance Developer" has no seniority) and is never written.
INDEPENDENT = "independent"
#: Level of a title that names a job but no level ("Commerciale", "Sales @ Acme").
DEFAULT_LEVEL = "mid"

TITLE_COLUMNS = (
    "keyword",
    "language",
    "function",
    "seniority",
    "sector",
    "function_priority",
    "seniority_priority",
)

# Keywords after which the rest of a title describes someone else: "Assistant to the CEO"
# is an assistant, not a CEO.
_DEPENDENT = frozenset(
    normalise(text)
    for text in (
        "assistant to",
        "pa to",
        "ea to",
        "assistente del",
        "assistente dell",
        "assistente della",
        "segretaria del",
        "segretaria di",
        "segretario del",
        "segreteria del",
        "segreteria di",
        "staff del",
        "staff of",
        "reporting to",
        "riporto a",
        "a riporto del",
    )
)
# Where a title names the employer ("Sales @ Acme", "Buyer presso Rossi Srl").
_EMPLOYER = re.compile(r"\s*@\s*|\s+(?:at|presso|c/o)\s+", re.IGNORECASE)
# Words never corrected as typos: common words that look like keywords.
_NOT_TYPOS = frozenset(
    "direct diretta diretto presso senza della delle degli sales marketing gestione "
    "sviluppo tecnica clienti client clients service services servizi settore "
    "italia italy europe europa region regione group gruppo about gestionale".split()
)


@dataclass(frozen=True)
class TitleKeyword:
    """One row of the title keyword table (``title_keywords.csv``).

    Attributes
    ----------
    text : str
        The keyword in matching form (:func:`netkit.enrich._data.normalise`).
    written : str
        The keyword as written in the table (or the generated feminine form).
    function, seniority, sector : str or None
        What the keyword says; ``seniority`` may be ``"independent"``.
    function_priority, seniority_priority : int
        Strength of the keyword's function and seniority against the others in a title.
    """

    text: str
    written: str
    function: str | None
    seniority: str | None
    sector: str | None
    function_priority: int
    seniority_priority: int
    line: int = 0


@dataclass(frozen=True)
class TitleClass:
    """What a job title says about its holder.

    Attributes
    ----------
    function : str or None
        A function id (see :data:`netkit.enrich.taxonomy.FUNCTIONS`), None if unknown.
    seniority : str or None
        A seniority id (see :data:`netkit.enrich.taxonomy.SENIORITY`), None if unknown.
    how : str
        Which keywords decided, e.g. ``"keyword 'risorse umane' → hr; 'responsabile' →
        manager"``.
    sector : str or None
        A sector the title implies on its own ("Avvocato" → legal-services), else None.
    function_keyword, seniority_keyword, sector_keyword : str or None
        The keyword behind each value, as written in the table.
    """

    function: str | None
    seniority: str | None
    how: str
    sector: str | None = None
    function_keyword: str | None = None
    seniority_keyword: str | None = None
    sector_keyword: str | None = None


def _int(value: str, line: int, path: str) -> int:
    try:
        return int(value) if value else 0
    except ValueError:
        raise ValueError(f"{path}, line {line}: priority {value!r} is not a whole number") from None


def _keyword_from_row(line: int, row: dict[str, str], path: str) -> TitleKeyword:
    function = row["function"] or None
    seniority = row["seniority"] or None
    sector = row["sector"] or None
    if function is not None and function not in FUNCTIONS:
        raise ValueError(f"{path}, line {line}: unknown function {function!r}")
    if seniority is not None and seniority not in SENIORITY and seniority != INDEPENDENT:
        raise ValueError(f"{path}, line {line}: unknown seniority {seniority!r}")
    if sector is not None and sector not in SECTORS:
        raise ValueError(f"{path}, line {line}: unknown sector {sector!r}")
    text = normalise(row["keyword"])
    if not text:
        raise ValueError(f"{path}, line {line}: empty keyword")
    return TitleKeyword(
        text=text,
        written=row["keyword"],
        function=function,
        seniority=seniority,
        sector=sector,
        function_priority=_int(row["function_priority"], line, path),
        seniority_priority=_int(row["seniority_priority"], line, path),
        line=line,
    )


class TitleRules:
    """A compiled keyword table: classifies job titles, caching each distinct title.

    Parameters
    ----------
    keywords : iterable of TitleKeyword
        The table. A keyword given twice keeps its last row; Italian keywords also match
        their feminine forms unless a row names that form itself.

    Notes
    -----
    Matching is on whole words of the folded title: at each word the longest keyword
    starting there wins, and its words are consumed ("key account manager" is one
    keyword, so its "manager" does not count again). A word that matches nothing and is
    one or two letters away from a keyword word of similar length with the same first
    letter is read as that word ("Enginer" → "engineer").
    """

    def __init__(self, keywords: Iterable[TitleKeyword]) -> None:
        self.keywords: dict[str, TitleKeyword] = {}
        for keyword in keywords:
            self.keywords[keyword.text] = keyword
        self._max_words = max((k.text.count(" ") + 1 for k in self.keywords.values()), default=1)
        vocabulary = {word for text in self.keywords for word in text.split() if len(word) >= 5}
        self._vocabulary = frozenset(vocabulary)
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(vocabulary, key=lambda w: (len(w), w)):
            self._by_initial.setdefault(word[0], []).append(word)
        self.classify = lru_cache(maxsize=131072)(self._classify)  # type: ignore[method-assign]

    @classmethod
    def from_csv(cls, *paths: str | Path) -> TitleRules:
        """Load one or more keyword tables; later files extend and override earlier ones.

        Raises
        ------
        MissingColumns
            When a file lacks a column.
        ValueError
            Naming the file and line of a row with an unknown id or a bad priority.
        """
        rows: list[TitleKeyword] = []
        for path in paths:
            explicit: list[tuple[TitleKeyword, str]] = [
                (_keyword_from_row(line, row, str(path)), row["language"].casefold())
                for line, row in read_table(path, TITLE_COLUMNS)
            ]
            named = {k.text for k, _ in explicit} | {k.text for k in rows}
            generated: list[TitleKeyword] = []
            for keyword, language in explicit:
                if language != "it":
                    continue
                for form in feminine_forms(keyword.text):
                    if form not in named:
                        named.add(form)
                        generated.append(
                            TitleKeyword(
                                form,
                                form,
                                keyword.function,
                                keyword.seniority,
                                keyword.sector,
                                keyword.function_priority,
                                keyword.seniority_priority,
                                keyword.line,
                            )
                        )
            rows.extend(generated)
            rows.extend(k for k, _ in explicit)
        return cls(rows)

    def _correct(self, word: str) -> str | None:
        """The keyword word ``word`` is a typo of, or None."""
        if len(word) < 5 or not word.isalpha() or word in _NOT_TYPOS:
            return None
        candidates = self._by_initial.get(word[0], [])
        lo = bisect_left(candidates, len(word) - 2, key=len)
        best, best_ratio = None, 0.86
        matcher = SequenceMatcher(None, b=word, autojunk=False)
        for candidate in candidates[lo:]:
            if len(candidate) > len(word) + 2:
                break
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio or (
                ratio == best_ratio and best is not None and candidate < best
            ):
                best, best_ratio = candidate, ratio
        return best

    def _match(self, words: list[str]) -> tuple[list[tuple[int, TitleKeyword]], list[str]]:
        hits: list[tuple[int, TitleKeyword]] = []
        notes: list[str] = []
        i, n = 0, len(words)
        corrected_at = -1
        while i < n:
            for size in range(min(self._max_words, n - i), 0, -1):
                keyword = self.keywords.get(" ".join(words[i : i + size]))
                if keyword is not None:
                    hits.append((i, keyword))
                    i += size
                    break
            else:
                word = words[i]
                if corrected_at != i and word not in self._vocabulary:
                    fixed = self._correct(word)
                    corrected_at = i
                    if fixed is not None:
                        notes.append(f"'{word}' read as '{fixed}'")
                        words[i] = fixed
                        continue
                i += 1
                continue
            if hits[-1][1].text in _DEPENDENT:
                break
        return hits, notes

    def _classify(self, title: str) -> TitleClass:
        text = clean_text(title)
        if not text:
            return TitleClass(None, None, "no title")
        main = _EMPLOYER.split(text, maxsplit=1)[0]
        result = self._decide(main) if main else None
        if result is None or (result.function is None and result.seniority is None):
            result = self._decide(text) if main != text else result
        assert result is not None
        return result

    def _decide(self, text: str) -> TitleClass:
        words = normalise(text).split()
        hits, notes = self._match(words)
        with_function = [(-k.function_priority, i, k) for i, k in hits if k.function]
        with_level = [(-k.seniority_priority, i, k) for i, k in hits if k.seniority]
        chosen_f = min(with_function, key=lambda t: (t[0], t[1]))[2] if with_function else None
        chosen_s = None
        if with_level:
            top = min(p for p, _, _ in with_level)
            best = [(i, k) for p, i, k in with_level if p == top]
            ranked = [(i, k) for i, k in best if k.seniority != INDEPENDENT]
            if len(ranked) < len(best) and not ranked:
                chosen_s = next(k for i, k in best)
            else:
                chosen_s = max(ranked, key=lambda t: (seniority_rank(t[1].seniority), -t[0]))[1]
        sector_hit = chosen_f if chosen_f is not None and chosen_f.sector else None
        if sector_hit is None:
            plain = [k for _, k in hits if k.sector and not k.function]
            sector_hit = plain[0] if plain else None
        function = chosen_f.function if chosen_f else None
        seniority = chosen_s.seniority if chosen_s else None
        parts: list[str] = []
        if chosen_f is not None and chosen_f is chosen_s:
            shown = seniority if seniority != INDEPENDENT else "no level (independent)"
            parts.append(f"'{chosen_f.written}' → {function}, {shown}")
        else:
            if chosen_f is not None:
                parts.append(f"'{chosen_f.written}' → {function}")
            if chosen_s is not None:
                shown = seniority if seniority != INDEPENDENT else "no level (independent)"
                parts.append(f"'{chosen_s.written}' → {shown}")
        if sector_hit is not None and sector_hit is not chosen_f:
            parts.append(f"'{sector_hit.written}' → sector {sector_hit.sector}")
        default_level = False
        if chosen_f is not None and chosen_s is None:
            default_level = True  # a job named without a level: a professional
            parts.append(f"no level word → {DEFAULT_LEVEL}")
        how = "keyword " + "; ".join(parts) if parts else "no keyword matched"
        if notes:
            how += " (" + ", ".join(notes) + ")"
        if seniority == INDEPENDENT:
            seniority = None
        elif default_level:
            seniority = DEFAULT_LEVEL
        return TitleClass(
            function=function,
            seniority=seniority,
            how=how,
            sector=sector_hit.sector if sector_hit else None,
            function_keyword=chosen_f.written if chosen_f else None,
            seniority_keyword=chosen_s.written if chosen_s and seniority else None,
            sector_keyword=sector_hit.written if sector_hit else None,
        )


@lru_cache(maxsize=1)
def default_title_rules() -> TitleRules:
    """The rules of the shipped ``title_keywords.csv`` (loaded once)."""
    return TitleRules.from_csv("title_keywords.csv")


def classify_title(title: str) -> TitleClass:
    """Return the function and seniority a job title states, and how they were decided.

    Parameters
    ----------
    title : str
        A job title as people write it, in Italian or English, abbreviations, typos,
        separators and feminine forms included.

    Returns
    -------
    TitleClass
        ``function`` and ``seniority`` ids (None where the title does not say), the
        ``sector`` the title implies on its own, and ``how``.

    Notes
    -----
    Every keyword of ``netkit/enrich/data/title_keywords.csv`` found in the title (whole
    words, longest first) competes: the function is the one of the keyword with the
    highest ``function_priority`` (leftmost on a tie), so a domain word ("sales", "risorse
    umane") beats a role noun ("engineer", "consulente"); the seniority is taken from the
    keywords with the highest ``seniority_priority`` (ranks such as "head of" or
    "responsabile" beat modifiers such as "senior", which beat the default level of a role
    noun), the highest level among them winning ("Founder & CEO" → owner). The part after
    "@", "at" or "presso" names the employer and is read only if the rest says nothing.
    See ``docs/enrich.md`` for the whole set of precedence rules.

    Examples
    --------
    >>> c = classify_title("Responsabile Risorse Umane")
    >>> c.function, c.seniority
    ('hr', 'manager')
    >>> c.how
    "keyword 'risorse umane' → hr; 'responsabile' → manager"
    >>> classify_title("Founder & CEO").seniority
    'owner'
    >>> classify_title("Sr. Software Eng.").function
    'it'
    >>> c = classify_title("Direttrice Commerciale")
    >>> c.function, c.seniority
    ('sales', 'director')
    """
    return default_title_rules().classify(title)
