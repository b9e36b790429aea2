"""Generated documents (a finished PDF by default)."""

import factory
from django.core.files.base import ContentFile

from documents.models import GeneratedDocument

A_PDF = b"%PDF-1.7\n% test\n"


class GeneratedDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GeneratedDocument

    kind = "tests.document"
    params = factory.Dict({})
    key = factory.Sequence(lambda n: f"tests.document:{n}")
    title = factory.Sequence(lambda n: f"Dokument {n}")
    version = 1
    status = "done"
    progress = 100
    file = factory.LazyFunction(lambda: ContentFile(A_PDF, name="dokument.pdf"))
