from django.urls import path

from . import views, views_tariff_review, views_tariff_round

app_name = "submissions"
urlpatterns = [
    path("", views.round_list, name="rounds"),
    path("runder/ny/", views.round_create, name="round_create"),
    path("runder/<int:pk>/", views.round_detail, name="round"),
    path("runder/<int:pk>/opsummering/", views.round_summary, name="summary"),
    # The secretariat's review of a tariff round (issue 15), before the round's actions.
    path("runder/<int:pk>/takster/", views_tariff_review.review, name="tariff_review"),
    path(
        "runder/<int:pk>/takster/<int:offer_pk>/",
        views_tariff_review.review_offer,
        name="tariff_review_offer",
    ),
    path("runder/<int:pk>/<slug:action>/", views.round_action, name="round_action"),
    path("runder/<int:pk>/enhed/<str:unit_code>/", views.unit_submission, name="unit_submission"),
    path("<int:pk>/", views.submission_detail, name="submission"),
    path("<int:pk>/trin/<slug:step>/", views.submission_step, name="step"),
    path("<int:pk>/indsend/", views.submission_submit, name="submit"),
    path("<int:pk>/genaabn/", views.submission_reopen, name="reopen"),
    path("<int:pk>/godkend/", views.submission_accept, name="accept"),
    path("<int:pk>/version/<int:number>/", views.version_detail, name="version"),
    # The tariff round (issue 15): the operator's offers and forms, the secretariat's review.
    path("<int:pk>/takster/", views_tariff_round.offers, name="tariff_round"),
    path(
        "<int:pk>/takster/<int:offer_pk>/", views_tariff_round.offer_form, name="tariff_round_offer"
    ),
    path("forslag/", views.proposal_list, name="proposals"),
    path("forslag/<int:pk>/", views.proposal_decide, name="proposal_decide"),
]
