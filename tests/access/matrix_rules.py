"""The rule for every URL pattern of the URLconf: who may GET it and who may POST to it, with
which objects. A case fills the pattern's parameters with objects of one unit, operator or
body and names the personas allowed. A pattern without a rule fails test_access_matrix.py.

Kinds: public (everyone, anonymous too), login (any logged-in user, their own data only),
secretariat, scoped (who depends on the object), excluded (with the reason).
"""

from dataclasses import dataclass

ANON, SEC = "anonymous", "sekretariat"
FB, AEH, HJ = "aalborg-fb", "aalborg-aeh", "hjorring"
REGION_OP, AALBORG_OP = "region-drift", "aalborg-drift"
DAS, KKR, PANEL, OUT = "das-medlem", "kkr-medlem", "ekspertpanel", "udenfor"
PERSONAS = (ANON, SEC, FB, AEH, HJ, REGION_OP, AALBORG_OP, DAS, KKR, PANEL, OUT)
EVERYONE = frozenset(PERSONAS)
LOGGED_IN = EVERYONE - {ANON}
S = frozenset({SEC})
REPORTERS = frozenset({SEC, FB, AEH, HJ})


@dataclass(frozen=True)
class Case:
    kwargs: dict
    get: frozenset  # who gets 200/302 on GET (405 everywhere if post_only)
    post: frozenset | None = None  # who may POST; None: the view takes no POST


@dataclass(frozen=True)
class Rule:
    kind: str
    cases: object = None  # callable(data) -> list[Case]
    post_only: bool = False
    reason: str = ""


def fixed(kind, get, post=None, post_only=False, **kwargs):
    post = None if post is None else frozenset(post)
    return Rule(kind, lambda d: [Case(kwargs, frozenset(get), post)], post_only)


def public(**kwargs):
    return fixed("public", EVERYONE, **kwargs)


def secretariat(post=True, post_only=False, objects=None):
    """Secretariat only; objects(data) -> the kwargs of each case (other units' too)."""

    def cases(d):
        return [Case(kw, S, S if post else None) for kw in (objects(d) if objects else [{}])]

    return Rule("secretariat", cases, post_only)


def scoped(cases, post_only=False):
    return Rule("scoped", cases, post_only)


def by_operator(d, key="pk", **extra):
    """The region's offer and Aalborg's: each for the secretariat and its own operator."""
    return [
        Case({key: offer.pk, **extra}, frozenset({SEC, operator}), frozenset({SEC, operator}))
        for offer, operator in ((d.region_offer, REGION_OP), (d.aalborg_offer, AALBORG_OP))
    ]


def by_unit(d, key, post=True, **extra):
    """Aalborg FB's and Hjørring's submission: each for the secretariat and its own reporter."""
    return [
        Case(
            {key: d.fb_submission.pk, **extra},
            frozenset({SEC, FB}),
            frozenset({SEC, FB}) if post else None,
        ),
        Case(
            {key: d.hj_submission.pk, **extra},
            frozenset({SEC, HJ}),
            frozenset({SEC, HJ}) if post else None,
        ),
    ]


def meeting_page(d, post=None, **extra):
    """The published DAS meeting (DAS members), the expert panel's (its members) and the
    planned KKR meeting (nobody yet)."""
    return [
        Case({"reference": d.das.reference, **extra}, frozenset({SEC, DAS}), post),
        Case({"reference": d.panel.reference, **extra}, frozenset({SEC, PANEL}), post),
        Case({"reference": d.kkr.reference, **extra}, S, post),
    ]


def meeting_setup(d, item=False, attachment=False):
    out = []
    for meeting in (d.das, d.kkr):
        kwargs = {"reference": meeting.reference}
        if item:
            kwargs["pk"] = meeting.items.order_by("pk").last().pk
        if attachment:
            kwargs["pk"] = d.attachments[meeting.reference].pk
        out.append(kwargs)
    return out


# Change notices: the other parties (reporters, DAS and KKR members) read them all, an
# operator those of its own offers and records them; the secretariat edits every one.
OPERATORS = frozenset({SEC, REGION_OP, AALBORG_OP})
NOTICE_READERS = REPORTERS | OPERATORS | {DAS, KKR}


def notice_cases(d):
    readers = REPORTERS | {DAS, KKR}
    return [
        Case({"pk": d.notices["region"].pk}, frozenset(readers | {REGION_OP}), S),
        Case({"pk": d.notices["aalborg"].pk}, frozenset(readers | {AALBORG_OP}), S),
    ]


def statement_kwargs(d) -> dict:
    statement = d.true_up
    return {"pk": statement.scheme_id, "year": statement.year, "version": statement.version}


def true_up_party_cases(d):
    rows = {row.organisation.code: row for row in d.true_up.rows.select_related("organisation")}
    silkeborg = next(r for r in rows.values() if r.organisation.short_name == "Silkeborg")
    return [
        Case(
            {**statement_kwargs(d), "org_pk": rows["851"].organisation_id},
            frozenset({SEC, FB, AEH}),
        ),
        Case({**statement_kwargs(d), "org_pk": silkeborg.organisation_id}, S),
    ]


def documents(d):
    """The DAS minutes and pack (DAS members: minutes approved), the Socialtilsyn budget
    (public table, generated for everyone logged in?) and an analysis report (secretariat)."""
    return [Case({"pk": doc.pk}, frozenset(who)) for doc, who in d.document_access]


def _all_scenarios(d):
    """A scheme's, a mixed financing's and a tariff's scenario."""
    kinds = d.kind_scenarios
    return [{"pk": d.scenario.pk}, {"pk": kinds.mixed.pk}, {"pk": kinds.tariff.pk}]


def _mixed_record(d):
    return [{"pk": d.kind_scenarios.mixed.mixed_financing_id}]


def _scenario_tariff(d):
    return [{"pk": d.kind_scenarios.tariff.tariff_id}]


RULES = {
    "home": public(),
    "audit_log": fixed("scoped", {SEC, FB, AEH, HJ, REGION_OP, AALBORG_OP}),
    "offers:catalogue": public(),
    "offers:create": secretariat(),
    "offers:import": secretariat(),
    "offers:usage_import": secretariat(),
    "offers:places_summary": public(year=2019),
    "offers:detail": scoped(lambda d: [Case({"pk": o.pk}, EVERYONE) for o in d.offers]),
    "offers:edit": secretariat(objects=lambda d: [{"pk": o.pk} for o in d.offers]),
    "offers:capacity": scoped(by_operator),
    "offers:usage": scoped(by_operator),
    "offers:exemption_create": secretariat(objects=lambda d: [{"pk": d.aalborg_offer.pk}]),
    "offers:exemptions": secretariat(post=False),
    "offers:exemption_edit": secretariat(objects=lambda d: [{"pk": d.exemption.pk}]),
    "offers:exemption_document": scoped(
        lambda d: [Case({"pk": d.exemption.pk}, frozenset({SEC, AALBORG_OP, HJ}))]
    ),
    "offers:confirm": scoped(by_operator, post_only=True),
    "meetings:bodies": secretariat(post=False),
    "meetings:body": secretariat(objects=lambda d: [{"code": "das"}, {"code": "kkr"}]),
    "meetings:body_member": secretariat(objects=lambda d: [{"pk": d.body_member.pk}]),
    "meetings:body_member_end": secretariat(
        post_only=True, objects=lambda d: [{"pk": d.body_member.pk}]
    ),
    "people:list": secretariat(post=False),
    "people:invite": secretariat(),
    "people:detail": secretariat(objects=lambda d: [{"pk": d.person.pk}]),
    "people:role_add": secretariat(post_only=True, objects=lambda d: [{"pk": d.person.pk}]),
    "people:role_withdraw": secretariat(
        post_only=True,
        objects=lambda d: [{"pk": d.person.pk, "membership": d.person_membership.pk}],
    ),
    "people:active": secretariat(post_only=True, objects=lambda d: [{"pk": d.person.pk}]),
    "people:invitation": secretariat(post_only=True, objects=lambda d: [{"pk": d.person.pk}]),
    "notices:list": fixed("scoped", NOTICE_READERS),
    "notices:create": fixed("scoped", OPERATORS, post=OPERATORS),
    "notices:detail": scoped(notice_cases),
    "notices:unnoticed": secretariat(post=False),
    "notices:plans": fixed("scoped", NOTICE_READERS, post=OPERATORS),
    "annual_cycle:year_current": fixed("login", LOGGED_IN),
    "annual_cycle:year": fixed("login", LOGGED_IN, year=2026),
    "annual_cycle:generate": secretariat(post_only=True, objects=lambda d: [{"year": 2031}]),
    "annual_cycle:due": fixed("login", LOGGED_IN),
    "annual_cycle:definitions": secretariat(post=False),
    "annual_cycle:definition_edit": secretariat(
        objects=lambda d: [{"pk": d.cycle_event.definition_id}]
    ),
    "annual_cycle:event_edit": secretariat(objects=lambda d: [{"pk": d.cycle_event.pk}]),
    "organisations:municipality_list": public(),
    "organisations:population_upload": secretariat(),
    "organisations:areas": secretariat(post=False),
    "organisations:area_new": secretariat(),
    "organisations:area": secretariat(objects=lambda d: [{"pk": d.area.pk}]),
    "organisations:municipality_detail": scoped(
        lambda d: [Case({"code": c}, EVERYONE) for c in ("851", "860", "1081")]
    ),
    "documents:request": fixed("login", (), post=LOGGED_IN, post_only=True),
    "documents:status": scoped(documents),
    "documents:progress": scoped(documents),
    "documents:download": scoped(documents),
    # Only a failed version can be queued again; these are all finished, so nobody may.
    "documents:retry": scoped(
        lambda d: [Case({"pk": doc.pk}, frozenset(), frozenset()) for doc, _ in d.document_access],
        post_only=True,
    ),
    "tariffs:index": public(),
    "tariffs:socialtilsyn": public(year=2019),
    "tariffs:appendix": public(year=2019),
    # Every stored version is published: everyone reads it (a number not published is 404 for
    # everyone, anonymous too: tests/tariffs/test_appendix_publish.py).
    "tariffs:appendix_version": scoped(
        lambda d: [Case({"year": 2020, "version": d.appendix_version.version}, EVERYONE)]
    ),
    "tariffs:appendix_publish": secretariat(post_only=True, objects=lambda d: [{"year": 2020}]),
    "tariffs:development": public(year=2019),
    "tariffs:contribution": public(year=2019),
    "tariffs:mixed": public(),
    "tariffs:split_tool": secretariat(),
    "tariffs:schemes": secretariat(),
    "tariffs:scheme": secretariat(objects=lambda d: [{"pk": s.pk} for s in d.schemes]),
    # Defining, changing and copying a scheme: the secretariat's, as the scheme is.
    "tariffs:scheme_new": secretariat(),
    "tariffs:scheme_edit": secretariat(objects=lambda d: [{"pk": s.pk} for s in d.schemes]),
    "tariffs:scheme_copy": secretariat(
        post_only=True, objects=lambda d: [{"pk": s.pk} for s in d.schemes]
    ),
    "tariffs:budget_runs": secretariat(),
    "tariffs:budget_run": secretariat(post=False, objects=lambda d: [{"pk": d.budget_run.pk}]),
    "tariffs:budget_run_progress": secretariat(
        post=False, objects=lambda d: [{"pk": d.budget_run.pk}]
    ),
    "tariffs:budget_run_again": secretariat(
        post_only=True, objects=lambda d: [{"pk": d.budget_run.pk}]
    ),
    "tariffs:scenarios": secretariat(post=False, objects=lambda d: [{"pk": d.scenario.scheme_id}]),
    "tariffs:scenario_create": secretariat(objects=lambda d: [{"pk": d.scenario.scheme_id}]),
    "tariffs:scenario_compare": secretariat(
        post=False, objects=lambda d: [{"pk": d.scenario.scheme_id}]
    ),
    "tariffs:scenario": secretariat(objects=_all_scenarios),
    "tariffs:scenario_edit": secretariat(objects=_all_scenarios),
    "tariffs:scenario_adopt": secretariat(objects=lambda d: [{"pk": d.scenario.pk}]),
    "tariffs:mixed_scenarios": secretariat(post=False, objects=_mixed_record),
    "tariffs:mixed_scenario_create": secretariat(objects=_mixed_record),
    "tariffs:tariff_scenarios": secretariat(post=False, objects=_scenario_tariff),
    "tariffs:tariff_scenario_create": secretariat(objects=_scenario_tariff),
    "tariffs:report": scoped(lambda d: by_operator(d, key="offer_pk", year=2020)),
    # The financing year: the secretariat's; a municipality's reporters read their own
    # municipality's true-up statement (Aalborg FB and ÆH Aalborg's, Silkeborg's nobody's).
    "tariffs:settlement": secretariat(
        objects=lambda d: [{"pk": s.pk, "year": s.year} for s in d.schemes]
    ),
    "tariffs:true_up": secretariat(post=False, objects=lambda d: [statement_kwargs(d)]),
    "tariffs:true_up_party": scoped(true_up_party_cases),
    "tariffs:approve": secretariat(
        post_only=True, objects=lambda d: [{"pk": t.pk} for t in d.provisional]
    ),
    # --- the tariff round (issue 15): each operator's submission and its covered offer for
    # the operator and the secretariat; another operator's offer in a submission is a 404 for
    # everyone; the review is the secretariat's.
    "submissions:tariff_round": scoped(
        lambda d: [
            Case({"pk": sub.pk}, frozenset({SEC, op}))
            for sub, op in (
                (d.tariff_round.region_submission, REGION_OP),
                (d.tariff_round.aalborg_submission, AALBORG_OP),
            )
        ]
    ),
    "submissions:tariff_round_offer": scoped(
        lambda d: [
            Case({"pk": sub.pk, "offer_pk": offer.pk}, who, who)
            for sub, offer, who in (
                (d.tariff_round.region_submission, d.region_offer, frozenset({SEC, REGION_OP})),
                (
                    d.tariff_round.aalborg_submission,
                    d.tariff_round.aalborg_offer,
                    frozenset({SEC, AALBORG_OP}),
                ),
                (d.tariff_round.region_submission, d.tariff_round.aalborg_offer, frozenset()),
            )
        ]
    ),
    "submissions:tariff_review": secretariat(objects=lambda d: [{"pk": d.tariff_round.round.pk}]),
    "submissions:tariff_review_offer": secretariat(
        objects=lambda d: [
            {"pk": d.tariff_round.round.pk, "offer_pk": offer.pk}
            for offer in (d.region_offer, d.tariff_round.aalborg_offer)
        ]
    ),
    "submissions:rounds": fixed("login", LOGGED_IN),
    "submissions:round_create": secretariat(),
    "submissions:round": scoped(
        lambda d: [
            Case({"pk": d.open_round.pk}, REPORTERS),
            Case({"pk": d.old_round.pk}, REPORTERS),
        ]
    ),
    "submissions:summary": secretariat(objects=lambda d: [{"pk": d.open_round.pk}]),
    "submissions:round_action": secretariat(
        post_only=True,
        objects=lambda d: [
            {"pk": d.open_round.pk, "action": a} for a in ("close", "remind", "open")
        ],
    ),
    "submissions:unit_submission": scoped(
        lambda d: [
            Case({"pk": d.open_round.pk, "unit_code": "851-FB"}, frozenset({SEC, FB})),
            Case({"pk": d.open_round.pk, "unit_code": "860"}, frozenset({SEC, HJ})),
        ]
    ),
    "submissions:submission": scoped(lambda d: by_unit(d, "pk")),
    "submissions:step": scoped(lambda d: by_unit(d, "pk", step=d.first_step)),
    "submissions:submit": scoped(lambda d: by_unit(d, "pk"), post_only=True),
    "submissions:reopen": secretariat(post_only=True, objects=lambda d: [{"pk": d.old_fb.pk}]),
    "submissions:accept": secretariat(post_only=True, objects=lambda d: [{"pk": d.old_fb.pk}]),
    "submissions:version": scoped(
        lambda d: [
            Case({"pk": d.old_fb.pk, "number": 1}, frozenset({SEC, FB})),
            Case({"pk": d.old_hj.pk, "number": 1}, frozenset({SEC, HJ})),
        ]
    ),
    "submissions:proposals": secretariat(),
    "submissions:proposal_decide": secretariat(
        post_only=True, objects=lambda d: [{"pk": d.proposal.pk}]
    ),
    "monitoring:index": fixed("scoped", REPORTERS),
    "monitoring:uploads": fixed("scoped", REPORTERS),
    "monitoring:upload": fixed("scoped", REPORTERS, post=REPORTERS),
    "monitoring:run_create": secretariat(post_only=True),
    "monitoring:run": secretariat(objects=lambda d: [{"pk": d.run.pk}]),
    "monitoring:run_progress": secretariat(post=False, objects=lambda d: [{"pk": d.run.pk}]),
    "monitoring:run_finalise": secretariat(post_only=True, objects=lambda d: [{"pk": d.run.pk}]),
    "monitoring:run_rerun": secretariat(post_only=True, objects=lambda d: [{"pk": d.run.pk}]),
    "monitoring:run_retry": secretariat(post_only=True, objects=lambda d: [{"pk": d.run.pk}]),
    "monitoring:run_chart": secretariat(post=False, objects=lambda d: [{"pk": d.run.pk}]),
    "monitoring:own_view": scoped(lambda d: [Case({"pk": d.run.pk}, REPORTERS)]),
    "monitoring:trend_chart": secretariat(post=False),
    "meetings:meetings": fixed("login", LOGGED_IN),
    "meetings:meeting_new": secretariat(),
    "meetings:meeting_edit": secretariat(objects=meeting_setup),
    "meetings:attendance": secretariat(objects=meeting_setup),
    "meetings:meeting": scoped(meeting_page),
    "meetings:item_new": secretariat(post_only=True, objects=meeting_setup),
    "meetings:item": secretariat(objects=lambda d: meeting_setup(d, item=True)),
    "meetings:item_move": secretariat(
        post_only=True, objects=lambda d: meeting_setup(d, item=True)
    ),
    "meetings:item_delete": secretariat(objects=lambda d: meeting_setup(d, item=True)),
    "meetings:attachment": scoped(
        lambda d: [
            Case(
                {"reference": d.das.reference, "pk": d.attachments[d.das.reference].pk},
                frozenset({SEC, DAS}),
            ),
            Case({"reference": d.kkr.reference, "pk": d.attachments[d.kkr.reference].pk}, S),
        ]
    ),
    "meetings:status": secretariat(post_only=True, objects=meeting_setup),
    "meetings:minutes": secretariat(objects=meeting_setup),
    "meetings:preview": secretariat(post=False, objects=meeting_setup),
    "meetings:item_generate": secretariat(post_only=True, objects=meeting_setup),
    "meetings:attachment_upload": secretariat(
        post_only=True, objects=lambda d: meeting_setup(d, item=True)
    ),
    "meetings:item_forward": secretariat(
        post_only=True, objects=lambda d: meeting_setup(d, item=True)
    ),
    "meetings:attachment_delete": secretariat(
        post_only=True, objects=lambda d: meeting_setup(d, attachment=True)
    ),
    "meetings:attachment_regenerate": secretariat(
        post_only=True, objects=lambda d: meeting_setup(d, attachment=True)
    ),
    "meetings:information": secretariat(objects=meeting_setup),
    # --- enhanced cooperation: the re-assessment (issue 14) ---
    # The matrix world has no re-assessment round: an annual-report submission is 404 here.
    "enhanced_cooperation:reassessment_open": secretariat(),
    "enhanced_cooperation:reassessment": scoped(
        lambda d: [Case({"pk": d.ec.region_submission.pk}, frozenset())]
    ),
    "enhanced_cooperation:reassessment_member": scoped(
        lambda d: [
            Case(
                {"pk": d.ec.region_submission.pk, "member_pk": d.ec.region_member.pk},
                frozenset(),
                frozenset(),
            )
        ]
    ),
    # --- enhanced cooperation: members, periods, exits, catalogue (issue 14) ---
    # Members are public; the secretariat keeps them; an operator gives notice of leaving for
    # its own members only, the secretariat for DAS.
    "enhanced_cooperation:members": public(),
    "enhanced_cooperation:member": Rule(
        "public",
        lambda d: [
            Case({"pk": m.pk}, EVERYONE)
            for m in (d.ec.region_member, d.ec.aalborg_member, d.ec.leaving_member)
        ],
    ),
    "enhanced_cooperation:member_create": secretariat(),
    "enhanced_cooperation:member_edit": secretariat(
        objects=lambda d: [{"pk": d.ec.region_member.pk}, {"pk": d.ec.aalborg_member.pk}]
    ),
    "enhanced_cooperation:exit_notice": scoped(
        lambda d: [
            Case({"pk": member.pk}, frozenset({SEC, op}), frozenset({SEC, op}))
            for member, op in ((d.ec.region_member, REGION_OP), (d.ec.aalborg_member, AALBORG_OP))
        ]
    ),
    "enhanced_cooperation:exit_decide": secretariat(objects=lambda d: [{"pk": d.ec.exit.pk}]),
    "enhanced_cooperation:exit_withdraw": secretariat(
        post_only=True, objects=lambda d: [{"pk": d.ec.exit.pk}]
    ),
    "enhanced_cooperation:period_create": secretariat(),
    "enhanced_cooperation:period_edit": secretariat(objects=lambda d: [{"pk": d.ec.period.pk}]),
    # --- enhanced cooperation: the year's round and the annual reports (issue 14) ---
    # Each operator's submission: its own operator and the secretariat (the matrix world's
    # submissions are drafts, so the panel and the reporters read no report yet); another
    # operator's member in a submission is a 404 for everyone.
    "enhanced_cooperation:year_round_open": secretariat(),
    "enhanced_cooperation:report_list": fixed("login", LOGGED_IN),
    "enhanced_cooperation:reports": scoped(
        lambda d: [
            Case({"pk": sub.pk}, frozenset({SEC, op}))
            for sub, op in (
                (d.ec.region_submission, REGION_OP),
                (d.ec.aalborg_submission, AALBORG_OP),
            )
        ]
    ),
    "enhanced_cooperation:report_edit": scoped(
        lambda d: [
            Case({"pk": sub.pk, "member_pk": m.pk}, who, who)
            for sub, m, who in (
                (d.ec.region_submission, d.ec.region_member, frozenset({SEC, REGION_OP})),
                (d.ec.aalborg_submission, d.ec.aalborg_member, frozenset({SEC, AALBORG_OP})),
                (d.ec.region_submission, d.ec.aalborg_member, frozenset()),
            )
        ]
    ),
    "enhanced_cooperation:report": scoped(
        lambda d: [
            Case({"pk": sub.pk, "member_pk": m.pk}, who)
            for sub, m, who in (
                (d.ec.region_submission, d.ec.region_member, frozenset({SEC, REGION_OP})),
                (d.ec.aalborg_submission, d.ec.aalborg_member, frozenset({SEC, AALBORG_OP})),
                (d.ec.region_submission, d.ec.aalborg_member, frozenset()),
            )
        ]
    ),
    # --- enhanced cooperation: nominations and remarks (issue 14) ---
    # Nominating: reporters, operators, the secretariat (the 2019 round is open); the
    # nomination by Hjørring: Hjørring, the panel, the secretariat; remarks: the panel writes,
    # the secretariat (and the chair) marks final, the report's readers see the final ones.
    "enhanced_cooperation:nominations": fixed("scoped", REPORTERS | OPERATORS | {PANEL}),
    "enhanced_cooperation:nomination_create": fixed(
        "scoped", REPORTERS | OPERATORS, post=REPORTERS | OPERATORS
    ),
    "enhanced_cooperation:nomination": scoped(
        lambda d: [Case({"pk": d.ec.nomination.pk}, frozenset({SEC, PANEL, HJ}))]
    ),
    "enhanced_cooperation:nomination_receipt": scoped(
        lambda d: [Case({"pk": d.ec.nomination.pk}, frozenset({SEC, PANEL, HJ}))]
    ),
    "enhanced_cooperation:nomination_assess": scoped(
        lambda d: [
            Case({"pk": d.ec.nomination.pk}, frozenset({SEC, PANEL}), frozenset({SEC, PANEL}))
        ]
    ),
    "enhanced_cooperation:nomination_decide": secretariat(
        objects=lambda d: [{"pk": d.ec.nomination.pk}]
    ),
    "enhanced_cooperation:remarks": fixed("scoped", {SEC, PANEL}),
    "enhanced_cooperation:remarks_member": scoped(
        lambda d: [
            Case(
                {"round_pk": d.ec.round.pk, "member_pk": member.pk},
                frozenset({SEC, PANEL, operator}),
                frozenset({SEC, PANEL}),
            )
            for member, operator in (
                (d.ec.region_member, REGION_OP),
                (d.ec.aalborg_member, AALBORG_OP),
            )
        ]
    ),
    "enhanced_cooperation:remarks_nomination": scoped(
        lambda d: [
            Case(
                {"round_pk": d.ec.round.pk, "nomination_pk": d.ec.nomination.pk},
                frozenset({SEC, PANEL, HJ}),
                frozenset({SEC, PANEL}),
            )
        ]
    ),
    # --- enhanced cooperation: flags, early joint action, the DAS item (issue 14) ---
    "enhanced_cooperation:flags": fixed("scoped", {SEC, PANEL}),
    "enhanced_cooperation:joint_actions": fixed("scoped", OPERATORS),
    "enhanced_cooperation:joint_action_create": secretariat(),
    "enhanced_cooperation:joint_action": scoped(
        lambda d: [Case({"pk": d.ec.joint_action.pk}, frozenset({SEC, AALBORG_OP}), S)]
    ),
    "enhanced_cooperation:joint_action_close": scoped(
        lambda d: [Case({"pk": d.ec.joint_action.pk}, frozenset({SEC, AALBORG_OP}), S)],
        post_only=True,
    ),
    # (joint action and flags above; the DAS item below)
    "login": public(post=EVERYONE),
    "password_reset": public(post=EVERYONE),
    "password_reset_done": public(),
    "password_reset_confirm": public(uidb64="MQ", token="ugyldig"),  # "invalid link" page
    "password_reset_complete": public(),
    "password_change": fixed("login", LOGGED_IN, post=LOGGED_IN),
    "password_change_done": fixed("login", LOGGED_IN),
    "logout": Rule("excluded", reason="POST ends the session of whoever sends it; GET is 405"),
}
ADMIN_REASON = (
    "Django's admin is for superusers only; every admin URL is requested as every "
    "persona (the secretariat too: staff, not superuser) and must send it to the admin login"
)
