"""Routes of the enhanced cooperation: members, periods and exits."""

from django.urls import path

from . import views_members as views

urlpatterns: list = [
    path("", views.member_list, name="members"),
    path("medlemmer/ny/", views.member_create, name="member_create"),
    path("medlemmer/<int:pk>/", views.member_detail, name="member"),
    path("medlemmer/<int:pk>/ret/", views.member_edit, name="member_edit"),
    path("medlemmer/<int:pk>/udtraeden/", views.exit_notice, name="exit_notice"),
    path("udtraeden/<int:pk>/afgoerelse/", views.exit_decide, name="exit_decide"),
    path("udtraeden/<int:pk>/tilbagekald/", views.exit_withdraw, name="exit_withdraw"),
    path("perioder/ny/", views.period_create, name="period_create"),
    path("perioder/<int:pk>/ret/", views.period_edit, name="period_edit"),
]
