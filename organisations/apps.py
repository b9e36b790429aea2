from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from socialaftale.lib import staff

        from .access import roles_for

        staff.register(lambda user: roles_for(user).is_secretariat)
        register_audit_scopes()


def register_audit_scopes():
    """A membership concerns its unit (and the unit's organisation) or its organisation."""
    from audit import scopes

    from .models import Membership, Organisation, OrganisationUnit

    def membership(m):
        if m.unit_id:
            return (m.unit.organisation_id, m.unit_id)
        return (m.organisation_id, None)

    scopes.register(Membership, membership)
    scopes.register(Organisation, lambda organisation: (organisation.pk, None))
    scopes.register(OrganisationUnit, lambda unit: (unit.organisation_id, unit.pk))
