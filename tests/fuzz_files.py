"""Hypothesis strategies for bad upload files: the classes of issue 10 (bytes outside
Windows-1252, DOS and UTF-16 encodings, NUL, huge cells, CPR-like values in every column, bad
months and amounts, non-XLSX .xlsx, zip tricks), mixed with good rows so that some files pass.
Each file records its classes with hypothesis.event (see --hypothesis-show-statistics)."""

from hypothesis import event
from hypothesis import strategies as st

from tests.badfiles import (
    CP1252_HOLES,
    dimension_bomb,
    shared_string_bomb,
    table_xlsx,
    zip_without_content_types,
)

CPR_LIKE_VALUES = [
    "0101901234",
    "010190-1234",
    "0101 90 1234",
    "1.01901234E+09",
    "0101901234x",
    "CPR 030675-0517",
    "020150-7410 (mor)",
    "101901234",
    "0000000000",
]
BAD_NUMBERS = ["1" * 29, "1000000000000", "-5", "NaN", "1e400", "12,345", "١٢", ""]
BAD_MONTHS = ["0000-01", "9999-12", "2016-13", "2016-1", "1999-12", "2016-00"]


def _cell(good: str):
    return st.one_of(
        st.just(good).map(lambda v: (v, "good")),
        st.sampled_from(CPR_LIKE_VALUES).map(lambda v: (v, "cpr-like")),
        st.sampled_from(BAD_NUMBERS).map(lambda v: (v, "bad-number")),
        st.sampled_from(BAD_MONTHS).map(lambda v: (v, "bad-month")),
        st.sampled_from([201, 1_001, 20_000, 131_073]).map(lambda n: ("y" * n, "huge-cell")),
        st.text(max_size=30).map(lambda v: (v, "random-text")),
        st.just(good + "\x00").map(lambda v: (v, "nul")),
    )


@st.composite
def _rows(draw, importer):
    rows = []
    for _ in range(draw(st.integers(0, 4))):
        row = []
        for good in importer.good_row:
            value, kind = draw(_cell(good))
            event(kind)
            row.append(value)
        rows.append(row)
    return rows


ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "cp865", "cp850", "utf-16"]


@st.composite
def _csv(draw, importer, rows):
    separator = draw(st.sampled_from([";", ","]))
    header = importer.header if draw(st.integers(0, 9)) else importer.header[:-1]
    text = "\n".join(separator.join(cells) for cells in [header, *rows]) + "\n"
    encoding = draw(st.sampled_from(ENCODINGS))
    event(f"encoding {encoding}")
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):
        position = draw(st.integers(0, len(data)))
        data = data[:position] + draw(st.sampled_from(CP1252_HOLES)) + data[position:]
        event("byte outside cp1252")
    return data, "liste.csv"


@st.composite
def bad_file(draw, importer):
    """(bytes, file name) for one importer."""
    rows = draw(_rows(importer))
    kind = draw(
        st.sampled_from(
            ["csv", "csv", "csv", "xlsx", "not-xlsx", "truncated-xlsx", "no-content-types"]
            + ["dimension-bomb", "shared-string-bomb"]
        )
    )
    event(f"container {kind}")
    if kind == "csv":
        return draw(_csv(importer, rows))
    if kind == "xlsx":
        return table_xlsx(importer.header, rows), "liste.xlsx"
    if kind == "not-xlsx":
        return draw(st.binary(max_size=200)), "liste.xlsx"
    if kind == "truncated-xlsx":
        data = table_xlsx(importer.header, rows)
        return data[: draw(st.integers(0, len(data) - 1))], "liste.xlsx"
    if kind == "no-content-types":
        return zip_without_content_types(importer.header), "liste.xlsx"
    if kind == "dimension-bomb":
        return dimension_bomb(importer.header), "liste.xlsx"
    return shared_string_bomb(importer.header, megabytes=2), "liste.xlsx"
