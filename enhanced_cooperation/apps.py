from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnhancedCooperationConfig(AppConfig):
    name = "enhanced_cooperation"
    verbose_name = _("Enhanced cooperation")
