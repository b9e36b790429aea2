from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from socialaftale.lib import jobs

        from .mailing import retry_pending
        from .pdf import register_documents
        from .services_members import sync_due_access

        register_documents()
        jobs.register_sweeper("meeting-mails", retry_pending)
        jobs.register_sweeper("body-member-access", sync_due_access)

        # The start page's work list (issue 13).
        from .worklist import register_work_items

        register_work_items()

        # The expert panel's chair marks the panel's remarks final (issue 14).
        from enhanced_cooperation.chair import set_chair_rule

        from .chair import chairs_expert_panel

        set_chair_rule(chairs_expert_panel)
