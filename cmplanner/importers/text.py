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
HEAD_CHARS = 1 << 18
"""Characters the head is parsed from (more when 30 records do not fit in them)."""
_NEWLINE = re.compile(r"\r\n|\r|\n")
_SEP = re.compile(r'^\ufeff?"?sep=(.)"?\s*$', re.IGNORECASE)
_DELIMITERS = (",", ";", "\t", "|")


@dataclass(frozen=True)
class Source:
    """A CSV's whole text, for reading the records after the head column by column."""

    text: str
    delimiter: str
    utf8: bytes | None = None
    """The same text as UTF-8 bytes when the file was that already (spares encoding it again)."""

    def body(self, lines: int) -> bytes | memoryview:
        """The UTF-8 bytes after the first ``lines`` physical lines."""
        chars = offset(self.text, lines)
        if self.utf8 is None:
            return self.text[chars:].encode("utf-8")
        return memoryview(self.utf8)[len(self.text[:chars].encode("utf-8")) :]


def decode(label: str, data: bytes) -> str:
    """Text from UTF-8 (with or without BOM), UTF-16 (BOM, or NUL-patterned without), or Windows-1252."""
    return decoded(label, data)[0]


def decoded(label: str, data: bytes) -> tuple[str, bytes | None]:
    """:func:`decode`, and the bytes of the text when they are UTF-8 already (else None)."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[3:].decode("utf-8"), data[3:]
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16"), None
        head = data[:400]
        if len(head) >= 4 and head[1::2].count(0) > len(head) // 4 and head[0::2].count(0) == 0:
            return data.decode("utf-16-le"), None
        if len(head) >= 4 and head[0::2].count(0) > len(head) // 4 and head[1::2].count(0) == 0:
            return data.decode("utf-16-be"), None
    except UnicodeDecodeError:
        raise ImportProblem("import.not_text", name=label) from None
    try:
        return data.decode("utf-8"), data
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), None
    except UnicodeDecodeError:
        raise ImportProblem("import.not_text", name=label) from None


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def looks_binary(text: str) -> bool:
    sample = text[:65536]
    return "\x00" in sample or len(_CONTROLS.findall(sample)) * 100 > len(sample)


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


def head(label: str, text: str, utf8: bytes | None = None) -> tuple[list[list[str]], list[int], Source]:
    """The first non-empty records (with the line each ends on; a ``sep=`` line is left out) and the source for
    the rest. ImportProblem ``import.bad_text`` when even these cannot be parsed."""
    first = text[:65536].splitlines()[:50]
    sep = _SEP.match(first[0]) if first else None
    delim = sep.group(1) if sep else delimiter([line for line in first if line.strip()])
    size = HEAD_CHARS
    while True:  # parse a prefix only: a StringIO of a 20 MB export would copy all of it
        part = text[:size]
        whole = size >= len(text)
        try:
            rows, lines = _records(part, delim, bool(sep))
        except csv.Error as error:
            if whole:
                raise ImportProblem("import.bad_text", name=label, line=error.args[-1]) from None
            rows, lines = [], []
        if whole or len(rows) > HEAD_RECORDS:  # then the last, perhaps cut, record is not among those kept
            return rows[:HEAD_RECORDS], lines[:HEAD_RECORDS], Source(text, delim, utf8)
        size *= 4


def _records(text: str, delim: str, sep: bool) -> tuple[list[list[str]], list[int]]:
    rows: list[list[str]] = []
    lines: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        for fields in reader:
            if not "".join(fields).strip() or (sep and reader.line_num == 1):
                continue
            rows.append(fields)
            lines.append(reader.line_num)
            if len(rows) > HEAD_RECORDS:
                break
    except csv.Error as error:
        raise csv.Error(str(error), reader.line_num + 1) from None
    return rows, lines


def offset(text: str, lines: int) -> int:
    """Where the text after its first ``lines`` physical lines starts (lines end as the CSV reader counts them:
    ``\\n``, ``\\r\\n``, ``\\r``)."""
    if lines <= 0:
        return 0
    for count, found in enumerate(_NEWLINE.finditer(text), start=1):
        if count == lines:
            return found.end()
    return len(text)


def after(text: str, lines: int) -> str:
    """The text after its first ``lines`` physical lines."""
    return text[offset(text, lines) :]
