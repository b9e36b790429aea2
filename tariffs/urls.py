from django.urls import path

from . import (
    views,
    views_appendix,
    views_runs,
    views_scenario_kinds,
    views_scenarios,
    views_schemes,
    views_settlement,
)

app_name = "tariffs"
urlpatterns = [
    path("", views.index, name="index"),
    path("socialtilsyn-nord/<int:year>/", views.socialtilsyn_budget, name="socialtilsyn"),
    path("takstbilag/<int:year>/", views_appendix.appendix, name="appendix"),
    path(
        "takstbilag/<int:year>/version/<int:version>/",
        views_appendix.appendix_version,
        name="appendix_version",
    ),
    path(
        "takstbilag/<int:year>/offentliggoer/",
        views_appendix.appendix_publish,
        name="appendix_publish",
    ),
    path("udvikling/<int:year>/", views.tariff_development, name="development"),
    path("udviklingsbidrag/<int:year>/", views.development_contribution, name="contribution"),
    path("blandet-finansiering/", views.mixed_financing, name="mixed"),
    path("fordeling/", views.split_tool, name="split_tool"),
    path("ordninger/", views.scheme_list, name="schemes"),
    path("ordninger/ny/", views_schemes.scheme_new, name="scheme_new"),
    path("ordninger/<int:pk>/", views.scheme_detail, name="scheme"),
    path("ordninger/<int:pk>/ret/", views_schemes.scheme_edit, name="scheme_edit"),
    path("ordninger/<int:pk>/kopier/", views_schemes.scheme_copy, name="scheme_copy"),
    path("budgetkoersel/", views_runs.budget_runs, name="budget_runs"),
    path("budgetkoersel/<int:pk>/", views_runs.budget_run_detail, name="budget_run"),
    path(
        "budgetkoersel/<int:pk>/status/",
        views_runs.budget_run_progress,
        name="budget_run_progress",
    ),
    path("budgetkoersel/<int:pk>/koer-igen/", views_runs.budget_run_again, name="budget_run_again"),
    path("ordninger/<int:pk>/scenarier/", views_scenarios.scenario_list, name="scenarios"),
    path(
        "ordninger/<int:pk>/scenarier/nyt/",
        views_scenarios.scenario_create,
        name="scenario_create",
    ),
    path(
        "ordninger/<int:pk>/scenarier/sammenlign/",
        views_scenarios.scenario_compare,
        name="scenario_compare",
    ),
    path("scenarier/<int:pk>/", views_scenarios.scenario_detail, name="scenario"),
    path("scenarier/<int:pk>/ret/", views_scenarios.scenario_edit, name="scenario_edit"),
    path("scenarier/<int:pk>/vedtag/", views_scenarios.scenario_adopt, name="scenario_adopt"),
    # Scenarios of a mixed financing and of a tariff (issue 15).
    path(
        "blandet-finansiering/<int:pk>/scenarier/",
        views_scenario_kinds.mixed_scenarios,
        name="mixed_scenarios",
    ),
    path(
        "blandet-finansiering/<int:pk>/scenarier/nyt/",
        views_scenario_kinds.mixed_scenario_create,
        name="mixed_scenario_create",
    ),
    path(
        "takst/<int:pk>/scenarier/",
        views_scenario_kinds.tariff_scenarios,
        name="tariff_scenarios",
    ),
    path(
        "takst/<int:pk>/scenarier/nyt/",
        views_scenario_kinds.tariff_scenario_create,
        name="tariff_scenario_create",
    ),
    path("tilbud/<int:offer_pk>/<int:year>/", views.tariff_report, name="report"),
    path("takst/<int:pk>/godkend/", views.tariff_approve, name="approve"),
    # The financing year (SPEC §3.4a): on account, the actual expenditure, the true-up.
    path(
        "ordninger/<int:pk>/<int:year>/afregning/",
        views_settlement.settlement,
        name="settlement",
    ),
    path(
        "ordninger/<int:pk>/<int:year>/efterregulering/<int:version>/",
        views_settlement.true_up_statement,
        name="true_up",
    ),
    path(
        "ordninger/<int:pk>/<int:year>/efterregulering/<int:version>/kommune/<int:org_pk>/",
        views_settlement.party_statement,
        name="true_up_party",
    ),
]
