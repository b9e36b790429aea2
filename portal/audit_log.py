"""The one audit log as a page (issue 13): who, when, what, why; filtered by person,
organisation, record type and period; exportable. The secretariat sees every entry, a
reporter the entries of their own unit(s), an operator those of their own organisation(s);
everyone else gets a 404. The page only reads: nothing in the log can be changed."""

import django_filters
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from audit.models import AuditEntry
from organisations.access import roles_for
from organisations.models import Organisation
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download

from .tables import log_table

PAGE_SIZE = 50
LONGEST_EXPORT = 10_000  # entries in one download


def visible_entries(user):
    """The entries the user may read; Http404 for a user who may read none."""
    roles = roles_for(user)
    if roles.is_secretariat:
        return AuditEntry.objects.all()
    if not (roles.is_reporter or roles.is_operator):
        raise Http404
    return AuditEntry.objects.filter(
        Q(unit_id__in=roles.reporter_unit_ids)
        | Q(organisation_id__in=roles.operator_organisation_ids)
    )


def record_types():
    used = AuditEntry.objects.exclude(content_type=None).values("content_type").distinct()
    types = ContentType.objects.filter(pk__in=used)
    return sorted(
        (
            (ct.pk, str(ct.model_class()._meta.verbose_name).capitalize())
            for ct in types
            if ct.model_class()
        ),
        key=lambda choice: choice[1],
    )


class AuditFilter(django_filters.FilterSet):
    person = django_filters.CharFilter(
        field_name="actor_name", lookup_expr="icontains", label=gettext_lazy("Person")
    )
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.exclude(kind="private"),
        method="by_organisation",
        label=gettext_lazy("Organisation"),
    )
    record_type = django_filters.ChoiceFilter(
        field_name="content_type", choices=record_types, label=gettext_lazy("Record type")
    )
    period = django_filters.DateFromToRangeFilter(
        field_name="at__date", label=gettext_lazy("Period (from–to)")
    )

    class Meta:
        model = AuditEntry
        fields = ["person", "organisation", "record_type", "period"]

    def by_organisation(self, queryset, name, value):
        return queryset.filter(organisation_id=value.pk)


@login_required
def audit_log(request):
    entries = visible_entries(request.user).select_related("content_type")
    found = AuditFilter(request.GET, queryset=entries)
    rows = found.qs if found.is_valid() else entries.none()
    if fmt := requested_format(request):
        return tables_download("log", fmt, [log_table(rows[:LONGEST_EXPORT])])
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("side"))
    context = {"filter": found, "page": page, "table": log_table(page.object_list)}
    return render(request, "portal/audit_log.html", context)
