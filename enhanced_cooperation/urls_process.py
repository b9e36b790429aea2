"""Routes of the enhanced cooperation: process (the flags overview and early joint action)."""

from django.urls import path

from . import views_flags, views_joint_action

urlpatterns: list = [
    path("signaler/", views_flags.flags_overview, name="flags"),
    path("faelles-indsats/", views_joint_action.joint_actions, name="joint_actions"),
    path("faelles-indsats/ny/", views_joint_action.joint_action_create, name="joint_action_create"),
    path("faelles-indsats/<int:pk>/", views_joint_action.joint_action, name="joint_action"),
    path(
        "faelles-indsats/<int:pk>/luk/",
        views_joint_action.joint_action_close,
        name="joint_action_close",
    ),
]
