"""Supervision areas in the browser (issue 13): the secretariat keeps which municipalities a
supervision authority covers (the split of its objective financing follows them)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from socialaftale.lib.edits import TOKEN_NAME, StaleEdit

from . import services
from .access import require_secretariat
from .forms import SupervisionAreaForm
from .models import SupervisionArea


@login_required
@require_GET
def area_list(request):
    require_secretariat(request.user)
    areas = SupervisionArea.objects.select_related("host").prefetch_related("members")
    return render(request, "organisations/area_list.html", {"areas": areas})


@login_required
def area_edit(request, pk=None):
    require_secretariat(request.user)
    area = get_object_or_404(SupervisionArea, pk=pk) if pk else None
    form = SupervisionAreaForm(request.POST or None, instance=area)
    status = 200
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        token = values.pop(TOKEN_NAME, "")
        try:
            services.supervision_area_save(
                area=area, actor=request.user, expected_token=token if area else None, **values
            )
        except StaleEdit:
            form.refuse_stale()
            status = 409
        else:
            messages.success(request, _("The supervision area has been saved."))
            return redirect("organisations:areas")
    context = {"form": form, "area": area}
    return render(request, "organisations/area_form.html", context, status=status)
