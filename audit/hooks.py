"""Every change to a record kept by django-simple-history becomes one entry of the audit log.

The entry names the fields that changed by their Danish labels, not their values: the log is
read by more people than the record (reporters see their unit's log), and a value could be
citizen-level data. The record's own history page shows the values to those who may see them.
"""

from django.utils.translation import gettext as _

from .models import Action, AuditEntry
from .scopes import scope_of
from .services import record

ACTIONS = {"+": Action.CREATED, "~": Action.CHANGED, "-": Action.DELETED}
HIDDEN = {"id", "edit_version"}


def changed_labels(history_instance) -> list[str]:
    """The labels of the fields this save changed (one query for the previous record)."""
    previous = history_instance.prev_record
    if previous is None:
        return []
    model = history_instance.instance_type
    delta = history_instance.diff_against(previous)
    return [
        str(model._meta.get_field(name).verbose_name)
        for name in delta.changed_fields
        if name not in HIDDEN
    ]


def summary_of(history_instance) -> str:
    if history_instance.history_type != "~":
        return ""
    labels = changed_labels(history_instance)
    return _("Changed: %(fields)s") % {"fields": ", ".join(labels)} if labels else ""


def on_history_record(sender, instance, history_instance, history_user=None, **kwargs):
    if isinstance(instance, AuditEntry):  # the log does not log itself
        return
    action = ACTIONS.get(history_instance.history_type, Action.OTHER)
    summary = summary_of(history_instance)
    if action == Action.CHANGED and not summary:
        return  # a save that changed nothing shown is no event
    organisation_id, unit_id = scope_of(instance)
    record(
        action,
        actor=history_user,
        obj=instance,
        summary=summary,
        reason=getattr(history_instance, "history_change_reason", None) or "",
        organisation_id=organisation_id,
        unit_id=unit_id,
    )
