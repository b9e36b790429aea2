from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnhancedCooperationConfig(AppConfig):
    name = "enhanced_cooperation"
    verbose_name = _("Enhanced cooperation")

    def ready(self):
        from submissions.kinds import register_hand_in_page
        from submissions.models import RoundKind

        from . import presenters
        from .selectors import missing_in_reassessment, missing_in_submission

        # The operator writes one annual report per member on this app's pages.
        register_hand_in_page(
            RoundKind.ANNUAL_REPORT,
            "enhanced_cooperation:reports",
            _("Write the annual reports"),
            per_submission=True,
            by_operator=True,
            missing=missing_in_submission,
            own_round_page=True,
            present=presenters.annual_reports,
        )
        # Before a new period the operator answers the re-assessment of each member.
        register_hand_in_page(
            RoundKind.REASSESSMENT,
            "enhanced_cooperation:reassessment",
            _("Answer the re-assessment"),
            per_submission=True,
            by_operator=True,
            missing=missing_in_reassessment,
            own_round_page=True,
            present=presenters.reassessments,
        )

        from . import catalogue

        catalogue.register()  # members, periods, exits, catalogue (issue 14)

        # Nominations and the expert panel's remarks: the panel's start-page work items.
        from . import worklist

        worklist.register_work_items()

        from . import worklist_joint_action

        worklist_joint_action.register()  # open early joint actions (issue 14)

        # The DAS item on a year's round and its attachment (issue 14).
        from . import agenda, item_report

        item_report.register_documents()
        agenda.register_agenda_source()

        from .worklist_reports import register_work_items as register_report_items

        register_report_items()  # the year's round and the annual reports (issue 14)
