"""Starts the action server, the Rasa server and the web app on loopback, and stops all three.

`make run` calls `portage run`. Each process writes its log to var/log/; the family's messages are
never logged. Ctrl-C (or SIGTERM) stops every process; if one of them dies, the others are stopped.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bot.paths import REPO_ROOT

LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class Ports:
    web: int = 8000
    rasa: int = 5005
    action: int = 5055


@dataclass
class Process:
    name: str
    command: list[str]
    ready: Callable[[httpx.Client], bool]
    log_path: Path
    popen: subprocess.Popen | None = field(default=None, repr=False)


def _bin(name: str) -> str:
    """An executable of this virtualenv, so the runner works without an activated venv."""
    return str(Path(sys.executable).with_name(name))


def environment(service: str, ports: Ports, var_dir: Path) -> dict[str, str]:
    token = secrets.token_urlsafe(24)
    tracker_url = os.environ.get("PORTAGE_TRACKER_URL") or f"sqlite:///{var_dir / 'rasa.db'}"
    return {
        **os.environ,
        "PORTAGE_SERVICE": service,
        "PORTAGE_ACTION_PORT": str(ports.action),
        "PORTAGE_ACTION_URL": f"http://{LOOPBACK}:{ports.action}",
        "PORTAGE_RASA_URL": f"http://{LOOPBACK}:{ports.rasa}",
        "PORTAGE_RASA_TOKEN": token,
        "PORTAGE_TRACKER_DIALECT": tracker_url.split(":", 1)[0].split("+", 1)[0],
        "PORTAGE_TRACKER_URL": tracker_url,
        "PORTAGE_HANDOFF_SECRET": os.environ.get("PORTAGE_HANDOFF_SECRET")
        or handoff_secret(var_dir / "handoff.secret"),
        "SANIC_HOST": LOOPBACK,
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
    }


def handoff_secret(path: Path) -> str:
    """The key that hashes handoff codes, made once and kept (owner-only) so codes given to
    families still open after a restart; the action server and the web app share it."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(32))
    return path.read_text().strip()


def processes(ports: Ports, env: dict[str, str], model: Path, log_dir: Path) -> list[Process]:
    token = env["PORTAGE_RASA_TOKEN"]

    def answers(
        url: str, check: Callable[[httpx.Response], bool]
    ) -> Callable[[httpx.Client], bool]:
        def probe(client: httpx.Client) -> bool:
            try:
                response = client.get(url, timeout=2)
            except httpx.HTTPError:
                return False
            return check(response)

        return probe

    return [
        Process(
            "actions",
            [_bin("rasa"), "run", "actions", "--actions", "actions", "--port", str(ports.action)],
            answers(f"http://{LOOPBACK}:{ports.action}/health", lambda r: r.status_code == 200),
            log_dir / "actions.log",
        ),
        Process(
            "rasa",
            [
                _bin("rasa"),
                "run",
                "--interface",
                LOOPBACK,
                "--port",
                str(ports.rasa),
                "--enable-api",
                "--auth-token",
                token,
                "--model",
                str(model),
                "--endpoints",
                "bot/endpoints.yml",
                "--credentials",
                "bot/credentials.yml",
            ],
            answers(
                f"http://{LOOPBACK}:{ports.rasa}/status?token={token}",
                lambda r: r.status_code == 200 and bool(r.json().get("model_id")),
            ),
            log_dir / "rasa.log",
        ),
        Process(
            "web",
            [
                sys.executable,
                "-m",
                "uvicorn",
                "web_widget.app:create_app",
                "--factory",
                "--host",
                LOOPBACK,
                "--port",
                str(ports.web),
                "--no-server-header",
                # Paths carry conversation ids (the key to a family's summary): no access log.
                "--no-access-log",
                # No websockets: the web app speaks plain HTTP, and Rasa pins an old websockets.
                "--ws",
                "none",
            ],
            answers(f"http://{LOOPBACK}:{ports.web}/healthz", lambda r: r.status_code == 200),
            log_dir / "web.log",
        ),
    ]


class Supervisor:
    def __init__(self, procs: list[Process], env: dict[str, str]) -> None:
        self.procs = procs
        self.env = env

    def start(self) -> None:
        for proc in self.procs:
            proc.log_path.parent.mkdir(parents=True, exist_ok=True)
            log = proc.log_path.open("ab")
            proc.popen = subprocess.Popen(  # noqa: S603 - fixed commands, no shell
                proc.command,
                cwd=REPO_ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            log.close()

    def wait_until_ready(self, timeout_seconds: float) -> None:
        deadline = time.monotonic() + timeout_seconds
        pending = list(self.procs)
        with httpx.Client() as client:
            while pending:
                self.raise_if_exited()
                pending = [proc for proc in pending if not proc.ready(client)]
                if not pending:
                    return
                if time.monotonic() > deadline:
                    names = ", ".join(proc.name for proc in pending)
                    raise TimeoutError(f"not ready after {timeout_seconds:.0f} s: {names}")
                time.sleep(1)

    def raise_if_exited(self) -> None:
        for proc in self.procs:
            if proc.popen is not None and proc.popen.poll() is not None:
                raise RuntimeError(
                    f"{proc.name} stopped with exit code {proc.popen.returncode}; "
                    f"see {proc.log_path}"
                )

    def stop(self, grace_seconds: float = 10) -> None:
        running = [p.popen for p in self.procs if p.popen is not None and p.popen.poll() is None]
        for popen in running:
            _signal_group(popen, signal.SIGTERM)
        deadline = time.monotonic() + grace_seconds
        for popen in running:
            try:
                popen.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(popen, signal.SIGKILL)
                popen.wait()


def _signal_group(popen: subprocess.Popen, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(popen.pid, sig)


def latest_model(models_dir: Path) -> Path:
    models = sorted(models_dir.glob("*.tar.gz"), key=lambda path: path.stat().st_mtime)
    if not models:
        raise FileNotFoundError(f"no trained model in {models_dir}: run 'make model'")
    return models[-1]


PURGE_EVERY_HOURS = float(os.environ.get("PORTAGE_PURGE_EVERY_HOURS", "1"))


def _purge_quietly(tracker_url: str) -> None:
    """`portage purge` on a schedule; a failure is reported, and never stops the assistant."""
    import datetime as dt

    from bot.retention import database_url, purge

    try:
        purged = purge(database_url(), tracker_url, dt.datetime.now(dt.timezone.utc))
        print(
            f"purge: {purged.handoffs} handoffs, {purged.conversations} conversations, "
            f"{purged.screenings} screening links",
            flush=True,
        )
    except Exception as error:  # any database problem: the next run tries again
        print(f"purge failed: {type(error).__name__}", file=sys.stderr, flush=True)


def run(service: str, ports: Ports, ready_timeout: float = 240) -> int:
    """Runs until Ctrl-C or SIGTERM; returns the exit code."""
    var_dir = REPO_ROOT / "var"
    log_dir = Path(os.environ.get("PORTAGE_LOG_DIR") or var_dir / "log")
    env = environment(service, ports, var_dir)
    supervisor = Supervisor(processes(ports, env, latest_model(REPO_ROOT / "models"), log_dir), env)
    stopping = False

    def request_stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    print(f"Starting the action server, Rasa and the web app (logs in {log_dir}) ...")
    supervisor.start()
    try:
        supervisor.wait_until_ready(ready_timeout)
        print(f"\nPortage assistant ready: http://{LOOPBACK}:{ports.web}/?service={service}")
        print("Press Ctrl-C to stop.\n", flush=True)
        next_purge = time.monotonic()
        while not stopping:
            supervisor.raise_if_exited()
            if time.monotonic() >= next_purge:
                _purge_quietly(env["PORTAGE_TRACKER_URL"])
                next_purge = time.monotonic() + PURGE_EVERY_HOURS * 3600
            time.sleep(0.5)
        return 0
    except (RuntimeError, TimeoutError) as error:
        print(f"portage run: {error}", file=sys.stderr)
        return 1
    finally:
        print("Stopping ...", flush=True)
        supervisor.stop()
