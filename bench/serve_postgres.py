"""A throw-away PostgreSQL server for the serve benchmark, from Debian's binaries, kept under /tmp.

As tests/store/test_postgres.py starts one: initdb and pg_ctl of /usr/lib/postgresql/*/bin, a Unix
socket only, run as the "postgres" system user when the benchmark runs as root. The data folder
stays under /tmp so that a database of a million articles is filled once and served again.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

import sqlalchemy

PORT = 55433


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name) or ""]
    if not found[-1]:
        raise SystemExit(f"PostgreSQL's {name} is not installed (apt-get install postgresql)")
    return found[-1]


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class Postgres:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        self.socket = root / "socket"
        self.url = f"postgresql+psycopg://postgres@/vigie?host={self.socket}&port={PORT}"

    @classmethod
    def kept(cls, name: str, rebuild: bool = False) -> Postgres:
        """Start the server kept under /tmp/`name`, creating it (empty) the first time."""
        server = cls(Path("/tmp") / name)
        if rebuild:
            shutil.rmtree(server.root, ignore_errors=True)
        fresh = not server.data.exists()
        if fresh:
            server.root.mkdir(parents=True)
            server.socket.mkdir()
            for folder in (server.root, server.socket):
                folder.chmod(0o777)
                if os.geteuid() == 0:
                    shutil.chown(folder, "postgres")
            subprocess.run(_as_postgres([_bin("initdb"), "-D", str(server.data), "-U", "postgres", "-A", "trust"]),
                           check=True, capture_output=True)  # fmt: skip
        # the memory of a small server: 256 MB of shared buffers, 64 MB to sort or hash
        options = (f"-k {server.socket} -p {PORT} -c listen_addresses='' -c shared_buffers=256MB "
                   "-c work_mem=64MB -c max_wal_size=4GB -c synchronous_commit=off")  # fmt: skip
        subprocess.run(_as_postgres([_bin("pg_ctl"), "-D", str(server.data), "-o", options, "-l",
                                     str(server.root / "log"), "-w", "start"]), check=True, capture_output=True)  # fmt: skip
        if fresh:
            subprocess.run(_as_postgres(["createdb", "-h", str(server.socket), "-p", str(PORT), "-U", "postgres",
                                         "vigie"]), check=True, capture_output=True)  # fmt: skip
        return server

    def analyze(self) -> None:
        engine = sqlalchemy.create_engine(self.url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
        engine.dispose()

    def size_mb(self) -> float:
        engine = sqlalchemy.create_engine(self.url)
        with engine.connect() as connection:
            size = connection.scalar(sqlalchemy.text("SELECT pg_database_size('vigie')"))
        engine.dispose()
        return round(int(size or 0) / 1e6, 1)

    def stop(self) -> None:
        subprocess.run(
            _as_postgres([_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"]), capture_output=True
        )
