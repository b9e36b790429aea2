"""Who may see what in the enhanced cooperation (issue 14). Every view asks one of these;
what a user may not see is a 404.

- Memberships (members, periods, exits as decided) are public.
- An annual report: the secretariat; the operators of the member's offers (their own only);
  the expert panel (all, handed in); municipality reporters once the secretariat has
  accepted the submission (published).
- Nominations: the secretariat, the expert panel, and the organisation that nominated.
- Remarks: the expert panel writes and sees drafts; the secretariat reads; everyone who may
  read a report reads its final remarks.
- DAS members read the item and its attachment through the meetings app's published agenda.
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.access import roles_for
from submissions.models import SubmissionStatus

from .models import Member, Nomination


def is_panel(user) -> bool:
    return roles_for(user).is_expert_panel


def may_manage(user) -> bool:
    return roles_for(user).is_secretariat


def require_manager(user) -> None:
    if not may_manage(user):
        raise Http404


def require_panel_or_secretariat(user) -> None:
    roles = roles_for(user)
    if not (roles.is_secretariat or roles.is_expert_panel):
        raise Http404


def operates(user, member: Member) -> bool:
    """The user is an operator of one of the member's offers."""
    orgs = roles_for(user).operator_organisation_ids
    return bool(orgs) and member.offers.filter(operator_id__in=orgs).exists()


def may_read_report(user, member: Member, submission) -> bool:
    """`submission` is the operator's submission in the round (None: not started)."""
    roles = roles_for(user)
    if roles.is_secretariat or operates(user, member):
        return True
    if submission is None:
        return False
    handed_in = submission.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)
    if roles.is_expert_panel:
        return handed_in
    return roles.is_reporter and submission.status == SubmissionStatus.ACCEPTED


def may_write_report(user, member: Member) -> bool:
    return roles_for(user).is_secretariat or operates(user, member)


def visible_nominations(user):
    roles = roles_for(user)
    nominations = Nomination.objects.select_related("offer", "nominated_by", "round")
    if roles.is_secretariat or roles.is_expert_panel:
        return nominations
    own = set(roles.operator_organisation_ids)
    if roles.reporter_unit_ids:
        from organisations.models import OrganisationUnit

        own |= set(
            OrganisationUnit.objects.filter(pk__in=roles.reporter_unit_ids).values_list(
                "organisation_id", flat=True
            )
        )
    return nominations.filter(nominated_by_id__in=own)


def get_nomination_for_user(user, pk: int) -> Nomination:
    return get_object_or_404(visible_nominations(user), pk=pk)


def may_nominate(user) -> bool:
    roles = roles_for(user)
    return roles.is_reporter or roles.is_operator or roles.is_secretariat


def get_member(pk: int) -> Member:
    """Members are public."""
    return get_object_or_404(
        Member.objects.select_related("period").prefetch_related("offers"), pk=pk
    )


# --- members, periods, exits (issue 14) ---


def notice_giver(user, member: Member):
    """Who gives notice of leaving for `member` as `user`: (True, operator) for an operator
    of one of its offers, (True, None) for the secretariat on behalf of DAS, (False, None)
    for everyone else."""
    roles = roles_for(user)
    orgs = roles.operator_organisation_ids
    if orgs:
        own = member.offers.filter(operator_id__in=orgs).values_list("operator", flat=True)
        if operator_id := own.first():
            from organisations.models import Organisation

            return True, Organisation.objects.get(pk=operator_id)
    return roles.is_secretariat, None


def get_exit_for_manager(user, pk: int):
    from .models import Exit

    require_manager(user)
    return get_object_or_404(Exit.objects.select_related("member__period", "given_by"), pk=pk)


# --- nominations and remarks (issue 14) ---


def nominator_organisations(user):
    """The organisations the user nominates for: the secretariat any; a reporter their
    units' organisations; an operator their own."""
    from organisations.models import Organisation

    roles = roles_for(user)
    if roles.is_secretariat:
        return Organisation.objects.order_by("name")
    return (
        Organisation.objects.filter(
            Q(pk__in=roles.operator_organisation_ids) | Q(units__pk__in=roles.reporter_unit_ids)
        )
        .distinct()
        .order_by("name")
    )


def require_nominator(user) -> None:
    if not may_nominate(user):
        raise Http404


def require_nomination_reader(user) -> None:
    """The list of nominations: those who nominate, and the expert panel."""
    if not (may_nominate(user) or is_panel(user)):
        raise Http404


def may_assess(user) -> bool:
    roles = roles_for(user)
    return roles.is_expert_panel or roles.is_secretariat


def submission_of(reporting_round, member: Member):
    """The operator's submission in the round that holds the member's report (or None)."""
    from submissions.models import Submission

    operators = member.offers.values("operator_id")
    return (
        Submission.objects.filter(round=reporting_round, unit__organisation_id__in=operators)
        .order_by("pk")
        .first()
    )


def get_report_subject(user, round_pk: int, member_pk: int):
    """(round, member, submission) of a member's annual report in the year's round, for the
    remarks page: the panel, the secretariat and whoever may read the report."""
    from submissions.models import ReportingRound, RoundKind

    reporting_round = get_object_or_404(ReportingRound, pk=round_pk, kind=RoundKind.ANNUAL_REPORT)
    member = get_object_or_404(Member.objects.in_year(reporting_round.year), pk=member_pk)
    submission = submission_of(reporting_round, member)
    if not (may_assess(user) or may_read_report(user, member, submission)):
        raise Http404
    return reporting_round, member, submission


def get_nomination_subject(user, round_pk: int, nomination_pk: int) -> Nomination:
    nomination = get_nomination_for_user(user, nomination_pk)
    if nomination.round_id != round_pk:
        raise Http404
    return nomination


# --- flags and early joint action (issue 14) ---------------------------------------------
# The flags overview: the secretariat and the expert panel. Early joint action: the
# secretariat opens, decides and closes; the operators of the member's offers read their own
# (list and detail, no forms); everyone else gets 404.


def may_see_flags(user) -> bool:
    roles = roles_for(user)
    return roles.is_secretariat or roles.is_expert_panel


def require_flag_reader(user) -> None:
    if not may_see_flags(user):
        raise Http404


def visible_joint_actions(user):
    from .models import JointAction

    roles = roles_for(user)
    actions = JointAction.objects.select_related("member__period")
    if roles.is_secretariat:
        return actions
    if roles.operator_organisation_ids:
        own = Member.objects.filter(offers__operator_id__in=roles.operator_organisation_ids)
        return actions.filter(member__in=own.values("pk"))
    return actions.none()


def require_joint_action_reader(user) -> None:
    roles = roles_for(user)
    if not (roles.is_secretariat or roles.is_operator):
        raise Http404


def get_joint_action_for_user(user, pk: int):
    return get_object_or_404(visible_joint_actions(user), pk=pk)


# --- the year's round and the annual reports (issue 14) ---


def get_report_submission(user, pk: int):
    """An operator's submission of a year's round, for its unit's operators and the
    secretariat (the round engine's rule); any other submission is a 404."""
    from submissions.access import get_submission_for_user
    from submissions.models import RoundKind

    submission = get_submission_for_user(user, pk)
    if submission.round.kind != RoundKind.ANNUAL_REPORT:
        raise Http404
    return submission


def get_submission_member(submission, member_pk: int) -> Member:
    """One of the members whose annual report the submission holds."""
    from .selectors import members_of_submission

    return get_object_or_404(members_of_submission(submission), pk=member_pk)


def get_readable_report(user, pk: int, member_pk: int):
    """(submission, member) of one annual report `user` may read (may_read_report)."""
    from submissions.models import RoundKind, Submission

    submission = get_object_or_404(
        Submission.objects.select_related("round", "unit__organisation"),
        pk=pk,
        round__kind=RoundKind.ANNUAL_REPORT,
    )
    member = get_submission_member(submission, member_pk)
    if not may_read_report(user, member, submission):
        raise Http404
    return submission, member


# --- integration: the hub and the links between the parts (issue 14) ---
# The members list is the hub of the enhanced cooperation: each user gets the links to the
# parts they may use. The links between the parts ask the helpers above.


def is_operator(user) -> bool:
    return roles_for(user).is_operator


def is_reporter(user) -> bool:
    return roles_for(user).is_reporter


def own_round_units(user, reporting_round):
    """The units of a round kind handed in by operators that the user writes for (the units
    of the user's operator organisations), by name."""
    orgs = roles_for(user).operator_organisation_ids
    return reporting_round.units.filter(organisation_id__in=orgs).order_by("name")


def is_reporting_member(member: Member, year: int) -> bool:
    """The member is asked for an annual report in `year` (so its report has a page)."""
    return Member.objects.reporting(year).filter(pk=member.pk).exists()
