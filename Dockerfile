# The production image: web (gunicorn), worker and beat all run it (see docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint's system libraries and the fonts the PDFs use; gettext compiles the translations.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, so code changes reuse this layer. The project itself installs no
# packages (`packages = []`): the code runs from /app.
COPY pyproject.toml ./
COPY requirements/ requirements/
RUN pip install --upgrade pip \
    && pip install --build-constraint requirements/build-constraints.txt .

COPY . .
RUN python manage.py compilemessages --ignore=.venv \
    && useradd --system --uid 1000 --home-dir /app app \
    && mkdir -p /app/media /app/staticfiles \
    && chown app:app /app/media /app/staticfiles

USER app
EXPOSE 8000
CMD ["gunicorn", "socialaftale.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
