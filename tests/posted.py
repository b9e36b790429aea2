"""What a browser posts for a form on a page, as the HTML specification says: a <select>
without a selected option posts its first option (the trap behind rows that "default to
Basistakst"), unchecked boxes post nothing, a textarea posts its text without the first
newline, and the pressed submit button adds its own name and value."""

from html.parser import HTMLParser


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._select = self._textarea = self._option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form":
            self.forms.append({"action": attrs.get("action", ""), "fields": []})
        elif not self.forms or "disabled" in attrs:
            return
        elif tag == "input" and name and attrs.get("type") not in ("submit", "button", "image"):
            toggle = attrs.get("type") in ("checkbox", "radio")
            if not toggle or "checked" in attrs:
                self.forms[-1]["fields"].append([name, attrs.get("value", "on" if toggle else "")])
        elif tag == "select" and name:
            self._select = {"name": name, "options": [], "multiple": "multiple" in attrs}
        elif tag == "option" and self._select is not None:
            self._option = [attrs.get("value"), "", "selected" in attrs]
            self._select["options"].append(self._option)
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
            self.forms[-1]["fields"].append(self._textarea)

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            self._close_select()
        elif tag == "textarea" and self._textarea is not None:
            self._textarea[1] = self._textarea[1].removeprefix("\n")
            self._textarea = None
        elif tag == "option":
            self._option = None

    def _close_select(self):
        options = [
            (text if value is None else value, chosen)
            for value, text, chosen in self._select["options"]
        ]
        chosen = [value for value, selected in options if selected]
        if not chosen and options and not self._select["multiple"]:
            chosen = [options[0][0]]  # no option selected: the browser posts the first
        for value in chosen:
            self.forms[-1]["fields"].append([self._select["name"], value])
        self._select = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        elif self._option is not None:
            self._option[1] += data.strip()


def posted(html: str, has_field: str) -> dict:
    """The fields the first form holding a field named (or ending in) `has_field` posts; a
    name posted twice gets a list, as Django's test client wants it."""
    parser = _Forms()
    parser.feed(html)
    for form in parser.forms:
        names = [name for name, _value in form["fields"]]
        if any(name == has_field or name.endswith(has_field) for name in names):
            data: dict = {}
            for name, value in form["fields"]:
                data.setdefault(name, []).append(value)
            return {
                name: values[0] if len(values) == 1 else values for name, values in data.items()
            }
    raise AssertionError(f"no form with a field {has_field!r} on the page")
