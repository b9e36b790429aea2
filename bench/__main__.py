import os
import sys
import tempfile

import django


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialaftale.settings_test")
    # Files the benchmarks write (meeting attachments) go to a throw-away folder.
    os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="socialaftale-bench-"))
    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    from bench import catalogue, meetings, monitoring, startpage

    setup_test_environment(debug=False)  # a full query log would hide the counts
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        chosen = sys.argv[1:] or [
            "catalogue",
            "meetings",
            "monitoring",
            "startpage",
        ]  # python -m bench meetings
        for benchmark in (catalogue, meetings, monitoring, startpage):
            if benchmark.__name__.rsplit(".", 1)[-1] in chosen:
                benchmark.run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
