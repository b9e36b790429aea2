"""/samarbejde/: the enhanced cooperation. Each part keeps its routes in its own list."""

from .urls_members import urlpatterns as members
from .urls_nominations import urlpatterns as nominations
from .urls_process import urlpatterns as process
from .urls_reassessment import urlpatterns as reassessment
from .urls_reports import urlpatterns as reports

app_name = "enhanced_cooperation"

urlpatterns = [*members, *reports, *nominations, *process, *reassessment]
