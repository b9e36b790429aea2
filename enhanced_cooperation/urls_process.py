"""Routes of the enhanced cooperation: process."""

urlpatterns: list = []
