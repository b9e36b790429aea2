from django.urls import path

from . import views, views_exemptions, views_usage

app_name = "offers"
urlpatterns = [
    path("", views.CatalogueView.as_view(), name="catalogue"),
    path("ny/", views.OfferCreateView.as_view(), name="create"),
    path("import/", views.offer_import, name="import"),
    path("forbrug/indlaes/", views_usage.usage_import_page, name="usage_import"),
    path("pladser/<int:year>/", views.places_summary, name="places_summary"),
    path("<int:pk>/", views.offer_detail, name="detail"),
    path("<int:pk>/rediger/", views.OfferUpdateView.as_view(), name="edit"),
    path("<int:pk>/pladser/", views.capacity_edit, name="capacity"),
    path("<int:pk>/forbrug/", views_usage.offer_usage_edit, name="usage"),
    path("<int:pk>/undtagelse/", views_exemptions.exemption_create, name="exemption_create"),
    path("undtagelser/", views_exemptions.exemption_list, name="exemptions"),
    path("undtagelser/<int:pk>/", views_exemptions.exemption_edit, name="exemption_edit"),
    path(
        "undtagelser/<int:pk>/dokument/",
        views_exemptions.exemption_document,
        name="exemption_document",
    ),
    path("<int:pk>/bekraeft/", views.offer_confirm, name="confirm"),
]
