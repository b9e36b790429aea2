from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Offers")

    def ready(self):
        from . import municipality

        municipality.register()
        register_audit_scopes()

        # The start page's work list (issue 13).
        from .worklist import register_work_items

        register_work_items()


def register_audit_scopes():
    """An offer's changes concern its operator; a usage row the municipality that bought."""
    from audit import scopes

    from .models import Capacity, Offer, Usage

    scopes.register(Offer, lambda offer: (offer.operator_id, None))
    scopes.register(Capacity, lambda capacity: (capacity.offer.operator_id, None))
    scopes.register(Usage, lambda usage: (usage.acting_municipality_id, None))
