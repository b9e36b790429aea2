"""PostgreSQL restart under load: a throw-away PostgreSQL cluster of its own (initdb in a temp
folder, a free port on 127.0.0.1), the portal in production mode (DEBUG=0) under gunicorn,
4 clients on the catalogue for 24 s; the cluster is restarted fast at 5 s, stopped at 12 s and
started again at 17 s. Prints the answers and the longest wait per phase.

    python -m bench.db_restart

Needs PostgreSQL's server binaries (/usr/lib/postgresql/<version>/bin); run as root it runs
them as the postgres user. Never in CI; it binds only 127.0.0.1.
"""

import collections
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.load import free_port

ROOT = Path(__file__).resolve().parent.parent
CLIENTS, SECONDS = 4, 24


def pg_bin() -> Path:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    if not versions:
        sys.exit("PostgreSQL's server binaries are not installed")
    return versions[-1]


def as_postgres(*command: str) -> None:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, *command], check=True, stdout=subprocess.DEVNULL)  # noqa: S603


class Cluster:
    def __init__(self, folder: Path, port: int):
        self.data, self.port, self.bin = folder / "data", port, pg_bin()
        self.options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
        self.log = str(folder / "log")

    def ctl(self, *args: str) -> None:
        as_postgres(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", self.log, *args)

    def create(self) -> None:
        as_postgres(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres")
        self.ctl("-o", self.options, "-w", "start")
        as_postgres(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "bench")


def portal_env(port: int) -> dict:
    return {
        **os.environ,
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "SECRET_KEY": secrets.token_hex(32),
        "CITIZEN_KEY_SECRET": secrets.token_hex(32),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{port}/bench",
        "DJANGO_SETTINGS_MODULE": "socialaftale.settings",
    }


def manage(env: dict, *args: str) -> None:
    command = [sys.executable, "manage.py", *args]
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def drive(url: str, cluster: Cluster) -> tuple[list, float, float]:
    results, start = [], time.monotonic()
    stop = start + SECONDS

    def client():
        while time.monotonic() < stop:
            began = time.monotonic()
            try:
                code = urllib.request.urlopen(url, timeout=40).status  # noqa: S310 - 127.0.0.1
            except urllib.error.HTTPError as error:
                code = error.code
            except OSError as error:
                code = type(error).__name__
            results.append((began - start, code, time.monotonic() - began))

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    time.sleep(5)
    cluster.ctl("-o", cluster.options, "-m", "fast", "-w", "restart")
    time.sleep(max(0, 12 - (time.monotonic() - start)))
    cluster.ctl("-m", "fast", "-w", "stop")
    down = time.monotonic() - start
    time.sleep(5)
    cluster.ctl("-o", cluster.options, "-w", "start")
    up = time.monotonic() - start
    for thread in threads:
        thread.join()
    return results, down, up


def report(results: list, down: float, up: float) -> None:
    def line(label, rows):
        counts = dict(collections.Counter(code for _start, code, _took in rows))
        worst = max((took for _start, _code, took in rows), default=0)
        print(f"  {label:<28} {len(rows):>5} requests {counts}  longest {worst:.2f} s")

    print(f"PostgreSQL restart under load ({CLIENTS} clients, {SECONDS} s, gunicorn, DEBUG=0)")
    line("all", results)
    line("before the restart (0-5 s)", [r for r in results if r[0] < 5])
    line(f"restart (5-{down:.0f} s)", [r for r in results if 5 <= r[0] < down])
    line(f"down ({down:.0f}-{up:.0f} s)", [r for r in results if down <= r[0] < up])
    line(f"after ({up:.0f} s-)", [r for r in results if r[0] >= up])


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="socialaftale-pg-") as folder:
        os.chmod(folder, 0o777)  # noqa: S103 - the postgres user writes its cluster here
        cluster = Cluster(Path(folder), free_port())
        cluster.create()
        env, web = portal_env(cluster.port), free_port()
        gunicorn = None
        try:
            manage(env, "migrate", "--no-input")
            manage(env, "load_demo_data", "--reference-only")
            manage(env, "collectstatic", "--no-input")
            gunicorn = subprocess.Popen(  # noqa: S603
                [
                    str(Path(sys.executable).with_name("gunicorn")),
                    "socialaftale.wsgi",
                    "-b",
                    f"127.0.0.1:{web}",
                    "-w",
                    "2",
                    "--timeout",
                    "30",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(3)
            report(*drive(f"http://127.0.0.1:{web}/tilbud/", cluster))
        finally:
            if gunicorn:
                gunicorn.terminate()
                gunicorn.wait()
            cluster.ctl("-m", "immediate", "stop")
    return 0


if __name__ == "__main__":
    sys.exit(main())
