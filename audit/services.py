"""The one way into the audit log."""

from django.contrib.contenttypes.models import ContentType

from socialaftale.lib.history import person

from .models import AuditEntry

LONGEST_LABEL = 300


def record(
    action: str,
    *,
    actor=None,
    obj=None,
    summary: str = "",
    reason: str = "",
    organisation_id: int | None = None,
    unit_id: int | None = None,
) -> AuditEntry:
    """Write one entry: `actor` is the user who did it (None: the system), `obj` the record
    it concerns (any model instance, or None), `summary` what happened in Danish words
    (never a CPR number or other citizen-level data), `reason` why, where one was asked."""
    actor = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=person(actor),
        action=action,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_label=str(obj)[:LONGEST_LABEL] if obj is not None else "",
        summary=summary,
        reason=reason,
        organisation_id=organisation_id,
        unit_id=unit_id,
    )
