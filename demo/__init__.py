"""The demo data (`python manage.py load_demo_data`), one module per area. It stands above every
app: it may import any of them, and none imports it."""
