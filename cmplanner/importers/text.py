"""CSV text as exports write it: the encoding, the delimiter, a ``sep=`` line, rows wrapped in one pair of
quotes by a re-save; then the first records parsed (to find the header) and the rest left for the column reader.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass

from cmplanner.importers.problems import ImportProblem

HEAD_RECORDS = 30
"""Records parsed up front: the header row lies within the first 20, and the rows under it show the width."""
_SEP = re.compile(r'^\ufeff?"?sep=(.)"?\s*$', re.IGNORECASE)
_DELIMITERS = (",", ";", "\t", "|")


@dataclass(frozen=True)
class Source:
    """A CSV's whole text, for reading the records after the head column by column."""

    text: str
    delimiter: str


def decode(label: str, data: bytes) -> str:
    """Text from UTF-8 (with or without BOM), UTF-16 (BOM, or NUL-patterned without), or Windows-1252."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[3:].decode("utf-8")
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        head = data[:400]
        if len(head) >= 4 and head[1::2].count(0) > len(head) // 4 and head[0::2].count(0) == 0:
            return data.decode("utf-16-le")
        if len(head) >= 4 and head[0::2].count(0) > len(head) // 4 and head[1::2].count(0) == 0:
            return data.decode("utf-16-be")
    except UnicodeDecodeError:
        raise ImportProblem("import.not_text", name=label) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportProblem("import.not_text", name=label) from None


def looks_binary(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n\f")
    return "\x00" in sample or controls * 100 > len(sample)


def delimiter(lines: list[str]) -> str:
    """The delimiter that splits the most lines into the same number (≥ 2) of fields."""
    best, best_score = ",", 0
    for candidate in _DELIMITERS:
        counts: dict[int, int] = {}
        try:
            for fields in csv.reader(lines, delimiter=candidate):
                if len(fields) >= 2:
                    counts[len(fields)] = counts.get(len(fields), 0) + 1
        except csv.Error:
            continue
        score = max(counts.values(), default=0)
        if score > best_score:
            best, best_score = candidate, score
    return best


def unwrap(text: str) -> str:
    """A file whose every line a re-save wrapped in one pair of quotes (``"Date,Views"``) as the plain CSV it
    holds; any other text unchanged."""
    head = [line for line in text[:65536].splitlines()[:50] if line.strip()]
    if len(head) < 2 or not all(line.lstrip("\ufeff").startswith('"') for line in head):
        return text
    try:
        rows = list(csv.reader(head))
    except csv.Error:
        return text
    if any(len(row) != 1 for row in rows) or not any(d in row[0] for row in rows for d in _DELIMITERS):
        return text
    try:
        whole = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        return text
    if any(len(row) > 1 for row in whole):
        return text
    return "\n".join(row[0] if row else "" for row in whole) + "\n"


def head(label: str, text: str) -> tuple[list[list[str]], list[int], Source]:
    """The first non-empty records (with the line each ends on; a ``sep=`` line is left out) and the source for
    the rest. ImportProblem ``import.bad_text`` when even these cannot be parsed."""
    first = text[:65536].splitlines()[:50]
    sep = _SEP.match(first[0]) if first else None
    delim = sep.group(1) if sep else delimiter([line for line in first if line.strip()])
    rows: list[list[str]] = []
    lines: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        for fields in reader:
            if not "".join(fields).strip() or (sep and reader.line_num == 1):
                continue
            rows.append(fields)
            lines.append(reader.line_num)
            if len(rows) >= HEAD_RECORDS:
                break
    except csv.Error:
        raise ImportProblem("import.bad_text", name=label, line=reader.line_num + 1) from None
    return rows, lines, Source(text, delim)


def after(text: str, lines: int) -> str:
    """The text after its first ``lines`` physical lines (as the CSV reader counts them: ``\\n``, ``\\r\\n``, ``\\r``)."""
    buffer = io.StringIO(text, newline="")
    for _ in range(lines):
        if not buffer.readline():
            return ""
    return buffer.read()
