"""Which download a request asks for (?_export=csv|xlsx); lib/tables.py writes it and
django-tables2 handles the catalogue's own export."""

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def requested_format(request) -> str | None:
    value = request.GET.get("_export", "")
    return value if value in FORMATS else None
