"""What formsets share: the error summary above a table of rows."""

from django.utils.translation import gettext as _


def error_rows(formset) -> list[tuple[str, str]]:
    """(message naming the row and the field, field id) for the summary above the rows, for a
    bound formset whose forms carry their shown row number as `form.row`; rows ticked for
    deletion are left out."""
    summary = []
    if not formset.is_bound:
        return summary
    for form in formset.forms:
        if formset.can_delete and formset._should_delete_form(form):
            continue
        prefix = _("Row %(row)s") % {"row": form.row}
        for name, errors in form.errors.items():
            field = form[name] if name in form.fields else None
            for message in errors:
                if not message.startswith(prefix):
                    label = f", {str(field.label).lower()}" if field else ""
                    message = f"{prefix}{label}: {message}"
                summary.append((message, field.auto_id if field else ""))
    return summary
