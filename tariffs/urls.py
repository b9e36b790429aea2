from django.urls import path

from . import views, views_settlement

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
