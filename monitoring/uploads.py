"""Citizen lists may hold CPR numbers: the upload is kept in memory and never written to a
temporary file on disk (Django writes uploads over 2.5 MB to /tmp by default). A request body
larger than the citizen-list size limit (IMPORT_LIMITS["citizen_list"]["max_bytes"]) plus room
for the form's other fields is not received at all."""

from django.core.files.uploadhandler import MemoryFileUploadHandler

from socialaftale.lib.imports import MB, limits_for

FORM_ROOM = MB  # the multipart framing and the form's other fields


def max_upload_bytes() -> int:
    return limits_for("citizen_list").max_bytes + FORM_ROOM


def upload_fits(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length <= max_upload_bytes()


class InMemoryOnlyUploadHandler(MemoryFileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        # Activated for any size up to the limit; a larger file is not received at all.
        self.activated = content_length <= max_upload_bytes()
