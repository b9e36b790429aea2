from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from socialaftale.lib import staff

        from .access import roles_for

        staff.register(lambda user: roles_for(user).is_secretariat)
