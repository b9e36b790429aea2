import pytest
from playwright.sync_api import sync_playwright

from .support import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(autouse=True)
def allow_orm_next_to_playwright(monkeypatch):
    # Playwright's sync API keeps an asyncio loop in this thread, so Django's async-safety
    # guard would refuse ORM calls made by the test (and its teardown) while a browser is open.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def browser_page():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="da-DK")
            page.set_default_timeout(15_000)
            yield page
        finally:
            browser.close()
