from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TariffsConfig(AppConfig):
    name = "tariffs"
    verbose_name = _("Tariffs and financing")

    def ready(self):
        from .agenda import register_agenda_source
        from .pdf import register_documents

        register_documents()
        register_agenda_source()

        # The start page's work list (issue 13).
        from .worklist import register_work_items

        register_work_items()
        register_budget_runs()


def register_budget_runs():
    """The budget run is a job (swept with the others); new population figures request the
    runs whose population key reads them (organisations.population_hooks)."""
    from organisations import population_hooks
    from socialaftale.lib import jobs

    from .models import BudgetRun
    from .services_runs import population_imported
    from .tasks import compute_budget_run

    jobs.register(BudgetRun, task=compute_budget_run)
    population_hooks.register("tariffs.budget_runs", population_imported)
