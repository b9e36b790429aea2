"""File names from Danish titles keep æ, ø and å as ae, oe and aa (slugify alone drops them)."""

from socialaftale.lib.danish import file_slug


def test_danish_letters_are_spelled_out():
    assert file_slug("Konsekvenser pr. kommune: Hjørring inde i området") == (
        "konsekvenser-pr-kommune-hjoerring-inde-i-omraadet"
    )
    assert file_slug("Det forstærkede samarbejde – Årsrapporter") == (
        "det-forstaerkede-samarbejde-aarsrapporter"
    )
    assert file_slug("") == ""
