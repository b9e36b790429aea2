"""CSV/XLSX download of a simple table (django-tables2 handles the catalogue's own export)."""

import tablib
from django.http import HttpResponse

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def requested_format(request) -> str | None:
    value = request.GET.get("_export", "")
    return value if value in FORMATS else None


def table_download(filename: str, fmt: str, headers: list[str], rows: list[list]) -> HttpResponse:
    data = tablib.Dataset(*rows, headers=[str(h) for h in headers])
    content = data.export(fmt)
    if fmt == "csv":
        content = "\ufeff" + content  # BOM: Excel on Danish Windows then reads UTF-8 correctly
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
