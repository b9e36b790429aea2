"""Change history (django-simple-history records) shown to people: field labels (verbose
names), choice labels, names of people and related objects, Danish numbers and dates, never
a raw id, and no entry for a save that changed nothing shown."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .danish import format_decimal

EMPTY = "–"
LONGEST = 200  # characters of a long text shown in the history
HIDDEN = {"id", "edit_version"}  # bookkeeping, not something a person changed


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    subject: str
    action: str
    changes: list[Change] = field(default_factory=list)
    note: str = ""
    order: int = 0


def person(user) -> str:
    if user is None:
        return _("system")
    return user.get_full_name() or user.get_username()


class _Names:
    """The names of the objects that foreign keys and many-to-many rows point to, fetched
    once per model for all records (no query per row)."""

    def __init__(self):
        self.wanted: dict[type, set] = defaultdict(set)
        self.found: dict[type, dict] = {}

    def want(self, model, pk):
        if pk is not None:
            self.wanted[model].add(pk)

    def fetch(self):
        for model, pks in self.wanted.items():
            self.found[model] = {obj.pk: obj for obj in model._default_manager.filter(pk__in=pks)}

    def name(self, model, pk) -> str:
        if pk is None:
            return EMPTY
        obj = self.found.get(model, {}).get(pk)
        if obj is None:
            return _("(deleted %(what)s)") % {"what": model._meta.verbose_name}
        return person(obj) if model is get_user_model() else str(obj)


def _shown_fields(record, exclude) -> list:
    model = record.instance_type
    concrete = [f for f in model._meta.concrete_fields if f.name not in HIDDEN | set(exclude)]
    tracked = {f.name for f in getattr(record, "_history_m2m_fields", [])}  # simple-history
    return concrete + [f for f in model._meta.many_to_many if f.name in tracked]


def _value(model_field, value, names: _Names) -> str:
    if model_field.many_to_many:
        target, key = model_field.related_model, model_field.m2m_reverse_field_name()
        shown = sorted(names.name(target, row.get(key)) for row in value or [])
        return ", ".join(shown) or EMPTY
    if model_field.is_relation:
        return names.name(model_field.related_model, value)
    if value is None or value == "":
        return EMPTY
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, Decimal):
        return format_decimal(value, model_field.decimal_places or 0)
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    text = str(value)
    return text if len(text) <= LONGEST else text[: LONGEST - 1] + "…"


def _m2m_rows(records, fields) -> dict:
    """(field name, history id) -> the targets' ids, one query per many-to-many field."""
    rows: dict = defaultdict(list)
    for model_field in (f for f in fields if f.many_to_many):
        through = getattr(records[0], model_field.name).model  # simple-history's m2m table
        key = f"{model_field.m2m_reverse_field_name()}_id"
        ids = [record.history_id for record in records]
        for history_id, target in through.objects.filter(history_id__in=ids).values_list(
            "history_id", key
        ):
            rows[model_field.name, history_id].append(target)
    return rows


def _raw(record, model_field, m2m_rows):
    if model_field.many_to_many:
        key = model_field.m2m_reverse_field_name()
        targets = sorted(m2m_rows.get((model_field.name, record.history_id), []))
        return [{key: target} for target in targets]
    return getattr(record, model_field.attname)


def describe(records, *, subject, exclude=(), created_with_values=True) -> list[HistoryEntry]:
    """Entries for the history records of one model (any objects), each compared with the
    record before it of the same object. A change that shows no difference gives no entry;
    a creation lists the values it was created with (or only "Created")."""
    records = sorted(records, key=lambda r: (r.history_date, r.history_id))
    if not records:
        return []
    fields = _shown_fields(records[0], exclude)
    names, rows, before, m2m_rows = _Names(), [], {}, _m2m_rows(records, fields)
    for record in records:
        values = {f.name: _raw(record, f, m2m_rows) for f in fields}
        rows.append((record, before.get(record.id), values))
        before[record.id] = values
        for f in fields:
            _want(names, f, values[f.name])
    names.fetch()
    return [
        entry
        for record, older, values in rows
        if (entry := _entry(record, older, values, fields, names, subject, created_with_values))
    ]


def _want(names, model_field, value):
    if model_field.many_to_many:
        key = model_field.m2m_reverse_field_name()
        for row in value or []:
            names.want(model_field.related_model, row.get(key))
    elif model_field.is_relation:
        names.want(model_field.related_model, value)


def _entry(record, older, values, fields, names, subject, created_with_values):
    action = {"+": _("Created"), "-": _("Deleted"), "~": _("Changed")}[record.history_type]
    changes = []
    for f in fields:
        old = older.get(f.name) if older else None
        new, changed = values[f.name], older is not None and older.get(f.name) != values[f.name]
        if record.history_type == "+" and created_with_values:  # a "no" box is not news
            unticked = isinstance(new, bool) and new is (
                None if f.many_to_many else f.get_default()
            )
            changed = _value(f, new, names) != EMPTY and not unticked
        if changed and record.history_type != "-":
            changes.append(
                Change(str(f.verbose_name), _value(f, old, names), _value(f, new, names))
            )
    note = getattr(record, "history_change_reason", None) or ""
    if record.history_type == "~" and not changes and not note:
        return None  # saved without a difference shown: no empty row
    who = person(record.history_user)
    return HistoryEntry(record.history_date, who, subject(record), action, changes, note)
