# ruff: noqa: E501 - the Open XML namespaces are long
"""Bad upload files for the importer tests and fuzzers: workbooks written by hand with zipfile
(so they can lie about their dimensions or hide a huge string), and the bytes that broke the
importers (issue 10, items 4 and 5)."""

import io
import zipfile
from xml.sax.saxutils import escape

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)


def _cell(ref: str, value) -> str:
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def column_letters(number: int) -> str:
    label = ""
    while number:
        number, rest = divmod(number - 1, 26)
        label = chr(65 + rest) + label
    return label


def sheet_xml(rows: dict[int, dict[int, object]], dimension: str | None = None) -> str:
    """rows: {row number: {column number: value}}, written as inline strings or numbers."""
    body = "".join(
        f'<row r="{r}">'
        + "".join(_cell(f"{column_letters(c)}{r}", v) for c, v in sorted(cells.items()))
        + "</row>"
        for r, cells in sorted(rows.items())
    )
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{dim}<sheetData>{body}</sheetData></worksheet>"
    )


def handmade_xlsx(
    sheet: str,
    shared_strings: str = "",
    *,
    content_types: bool = True,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    strings = (
        shared_strings or "<sst xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'/>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        if content_types:
            archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", strings)
    return buffer.getvalue()


def table_xlsx(header: list[str], rows: list[list[object]], **kwargs) -> bytes:
    cells = {1: dict(enumerate(header, start=1))}
    for number, row in enumerate(rows, start=2):
        cells[number] = {c: v for c, v in enumerate(row, start=1) if v not in (None, "")}
    return handmade_xlsx(sheet_xml(cells), **kwargs)


def dimension_bomb(header: list[str]) -> bytes:
    """A few KB that declare A1:XFD1048576 and put one cell at XFD1048576."""
    cells = {1: dict(enumerate(header, start=1)), 1_048_576: {16_384: "x"}}
    return handmade_xlsx(sheet_xml(cells, dimension="A1:XFD1048576"))


def shared_string_bomb(header: list[str], megabytes: int = 20) -> bytes:
    """A small file whose shared strings unpack to `megabytes` MB in one string."""
    strings = (
        "<sst xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main' count='1' "
        f"uniqueCount='1'><si><t>{'A' * (megabytes * 1024 * 1024)}</t></si></sst>"
    )
    cells = {1: dict(enumerate(header, start=1)), 2: {1: "ps-1"}}
    sheet = sheet_xml(cells).replace(
        '<c r="A2" t="inlineStr"><is><t>ps-1</t></is></c>', '<c r="A2" t="s"><v>0</v></c>'
    )
    return handmade_xlsx(sheet, strings)


def zip_without_content_types(header: list[str]) -> bytes:
    return table_xlsx(header, [], content_types=False)


# Bytes that are not Windows-1252 (undefined there), and a DOS (code page 865) "Ø" and "Å".
CP1252_HOLES = [b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"]
DOS_865 = {"Ø": b"\x9d", "Å": b"\x8f", "æ": b"\x91", "ø": b"\x9b", "å": b"\x86"}
