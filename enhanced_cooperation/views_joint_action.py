"""Early joint action (tidlig fælles indsats): the list, opening one for a member and a year
with the reason filled in from its flags, the detail with its decisions, recording a
decision and closing. The secretariat writes; the operators of the member's offers read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from socialaftale.lib.edits import STALE_MESSAGE, TOKEN_NAME, StaleEdit, keep_typed
from socialaftale.lib.export import requested_format
from socialaftale.lib.tables import tables_download

from . import services_joint_action as services
from .access import (
    get_joint_action_for_user,
    may_manage,
    require_joint_action_reader,
    require_manager,
    visible_joint_actions,
)
from .flags import flags_for_member
from .forms_joint_action import CloseForm, DecisionForm, JointActionOpenForm
from .models import JointActionStatus, Member
from .tables.flags import joint_action_table
from .views_flags import chosen_year


@login_required
@require_GET
def joint_actions(request):
    require_joint_action_reader(request.user)
    actions = visible_joint_actions(request.user).prefetch_related("member__offers", "decisions")
    table = joint_action_table(actions)
    if fmt := requested_format(request):
        return tables_download("faelles-indsats", fmt, [table])
    context = {"actions": actions, "table": table, "may_open": may_manage(request.user)}
    return render(request, "enhanced_cooperation/joint_action_list.html", context)


def _initial(request) -> dict:
    """?medlem=<pk>&aar=<year>: the member, the year and the reason from its flags."""
    year = chosen_year(request)
    value = request.GET.get("medlem", "")
    member = (
        Member.objects.filter(pk=value).first() if value.isdigit() and len(value) < 10 else None
    )
    if member is None:
        return {"year": year}
    reason = "\n".join(flag.text for flag in flags_for_member(member, year))
    return {"member": member.pk, "year": year, "reason": reason}


@login_required
def joint_action_create(request):
    require_manager(request.user)
    form = JointActionOpenForm(request.POST or None, initial=_initial(request))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                action = services.joint_action_open(user=request.user, **form.cleaned_data)
            except ValidationError as refused:
                form.add_error(None, refused)
            else:
                messages.success(request, _("The early joint action has been opened."))
                return redirect(action)
    return render(
        request, "enhanced_cooperation/joint_action_form.html", {"form": form}, status=status
    )


def _detail(request, action, decision_form=None, close_form=None, status=200, stale=False):
    action.refresh_from_db()
    is_open = action.status == JointActionStatus.OPEN
    manages = may_manage(request.user) and is_open
    token = services.joint_action_token(action)
    context = {
        "action": action,
        "offers": list(action.member.offers.order_by("name")),
        "decisions": list(action.decisions.all()),
        "flags": flags_for_member(action.member, action.year),
        "is_open": is_open,
        "decision_form": (decision_form or DecisionForm(token=token)) if manages else None,
        "close_form": (close_form or CloseForm(token=token)) if manages else None,
        "stale_message": STALE_MESSAGE if stale else "",
    }
    return render(request, "enhanced_cooperation/joint_action_detail.html", context, status=status)


@login_required
def joint_action(request, pk):
    action = get_joint_action_for_user(request.user, pk)
    if request.method != "POST":
        return _detail(request, action)
    if not may_manage(request.user):  # operators only read
        raise Http404
    form = DecisionForm(request.POST, token="")
    if not form.is_valid():
        return _detail(request, action, decision_form=form, status=400)
    values = dict(form.cleaned_data)
    token = values.pop(TOKEN_NAME, "")
    try:
        services.joint_action_decide(
            action=action, user=request.user, expected_token=token, **values
        )
    except StaleEdit:
        keep_typed(form, services.joint_action_token(action))
        return _detail(request, action, decision_form=form, status=409, stale=True)
    except ValidationError as refused:
        form.add_error(None, refused)
        return _detail(request, action, decision_form=form, status=400)
    messages.success(request, _("The decision has been recorded."))
    return redirect(action)


@login_required
@require_POST
def joint_action_close(request, pk):
    action = get_joint_action_for_user(request.user, pk)
    require_manager(request.user)
    form = CloseForm(request.POST, token="")
    form.is_valid()
    try:
        services.joint_action_close(
            action=action, user=request.user, expected_token=form.cleaned_data.get(TOKEN_NAME, "")
        )
    except StaleEdit:
        keep_typed(form, services.joint_action_token(action))
        return _detail(request, action, close_form=form, status=409, stale=True)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
        return redirect(action)
    messages.success(request, _("The early joint action has been closed."))
    return redirect(action)
