"""Citizen lists may hold CPR numbers: the upload is kept in memory and never written to a
temporary file on disk (Django writes uploads over 2.5 MB to /tmp by default)."""

from django.core.files.uploadhandler import MemoryFileUploadHandler

MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class InMemoryOnlyUploadHandler(MemoryFileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        # Activated for any size up to the limit; a larger file is not received at all.
        self.activated = content_length <= MAX_UPLOAD_BYTES
