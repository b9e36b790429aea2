from django.urls import path

from . import views, views_scenarios

app_name = "tariffs"
urlpatterns = [
    path("", views.index, name="index"),
    path("socialtilsyn-nord/<int:year>/", views.socialtilsyn_budget, name="socialtilsyn"),
    path("takstbilag/<int:year>/", views.tariff_appendix, name="appendix"),
    path("udvikling/<int:year>/", views.tariff_development, name="development"),
    path("udviklingsbidrag/<int:year>/", views.development_contribution, name="contribution"),
    path("blandet-finansiering/", views.mixed_financing, name="mixed"),
    path("fordeling/", views.split_tool, name="split_tool"),
    path("ordninger/", views.scheme_list, name="schemes"),
    path("ordninger/<int:pk>/", views.scheme_detail, name="scheme"),
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
    path("tilbud/<int:offer_pk>/<int:year>/", views.tariff_report, name="report"),
    path("takst/<int:pk>/godkend/", views.tariff_approve, name="approve"),
]
