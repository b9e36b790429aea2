"""Reads for the people pages: the filtered list (a constant number of queries) and a
person's history from the one audit log."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q

from audit.models import AuditEntry
from organisations.models import Membership

User = get_user_model()
HISTORY_SHOWN = 20


def people(filters: dict):
    memberships = Membership.objects.select_related("unit__organisation", "organisation")
    users = User.objects.prefetch_related(Prefetch("memberships", queryset=memberships))
    if text := filters.get("q"):
        users = users.filter(
            Q(first_name__icontains=text) | Q(last_name__icontains=text) | Q(email__icontains=text)
        )
    users = users.filter(_membership_matches(filters)) if _scoped(filters) else users
    if active := filters.get("active"):
        users = users.filter(is_active=active == "ja")
    return users.distinct().order_by("first_name", "last_name", "username")


def _scoped(filters: dict) -> bool:
    return bool(filters.get("organisation") or filters.get("role"))


def _membership_matches(filters: dict) -> Q:
    """Organisation and role asked of the same membership (one filter() on the relation):
    "operators of Aalborg" is not "an operator somewhere who reports for Aalborg"."""
    match = Q()
    if organisation := filters.get("organisation"):
        match &= Q(memberships__unit__organisation=organisation) | Q(
            memberships__organisation=organisation
        )
    if role := filters.get("role"):
        match &= Q(memberships__role=role)
    return match


def history(user) -> list[AuditEntry]:
    """What the person did and what was done to them and their roles, newest first."""
    membership_ids = Membership.history.filter(user_id=user.pk).values_list("id", flat=True)
    types = ContentType.objects.get_for_models(User, Membership)
    about = Q(content_type=types[User], object_id=str(user.pk)) | Q(
        content_type=types[Membership], object_id__in=[str(pk) for pk in set(membership_ids)]
    )
    entries = AuditEntry.objects.filter(Q(actor=user) | about).select_related("content_type")
    return list(entries.order_by("-at")[:HISTORY_SHOWN])
