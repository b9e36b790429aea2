from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("inviter/", views.person_invite, name="invite"),
    path("<int:pk>/", views.person_detail, name="detail"),
    path("<int:pk>/roller/", views.role_add, name="role_add"),
    path(
        "<int:pk>/roller/<int:membership>/tilbagekald/", views.role_withdraw, name="role_withdraw"
    ),
    path("<int:pk>/aktiv/", views.person_active, name="active"),
    path("<int:pk>/invitation/", views.invitation_resend, name="invitation"),
]
