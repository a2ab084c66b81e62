"""Per-message latency through /api/chat with the real action server, Rasa and web app.

Starts the three processes on free loopback ports (as `make run` does), then sends a bounded
number of messages, one conversation at a time and then several at once, and prints p50/p95.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import sys
import time
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx

from bot.paths import REPO_ROOT
from bot.runner import Ports, Supervisor, environment, latest_model, processes

QUESTIONS = [
    "hello",
    "what is portage?",
    "do we need a diagnosis",
    "where do the sessions happen",
    "how do i get a referral",
    "is there a waiting list",
    "czy to jest płatne?",
    "thanks, bye",
]
SERVICES = ["buckinghamshire", "coventry", "dcts", "eyss", "hampshire"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def conversation(client: httpx.AsyncClient, number: int, timings: list[float]) -> None:
    service = SERVICES[number % len(SERVICES)]
    for question in QUESTIONS:
        started = time.perf_counter()
        response = await client.post(
            "/api/chat",
            json={"sender": f"bench-{number:06d}-x", "message": question, "service": service},
        )
        response.raise_for_status()
        timings.append((time.perf_counter() - started) * 1000)


async def measure(base_url: str, conversations: int, concurrency: int) -> list[float]:
    timings: list[float] = []
    limit = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:

        async def limited(number: int) -> None:
            async with limit:
                await conversation(client, number, timings)

        await asyncio.gather(*(limited(n) for n in range(conversations)))
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=10)
    args = parser.parse_args()
    ports = Ports(web=free_port(), rasa=free_port(), action=free_port())
    with TemporaryDirectory() as tmp:
        os.environ["PORTAGE_TRACKER_URL"] = f"sqlite:///{Path(tmp) / 'rasa.db'}"
        env = environment("hampshire", ports, Path(tmp))
        procs = processes(ports, env, latest_model(REPO_ROOT / "models"), Path(tmp) / "log")
        supervisor = Supervisor(procs, env)
        started = time.monotonic()
        supervisor.start()
        try:
            supervisor.wait_until_ready(300)
            print(f"cold start of all three processes: {time.monotonic() - started:.1f} s")
            base = f"http://127.0.0.1:{ports.web}"
            for label, concurrency in (("sequential", 1), ("concurrent", args.concurrency)):
                timings = asyncio.run(measure(base, args.conversations, concurrency))
                print(
                    f"{label} ({concurrency} at once, {len(timings)} messages): "
                    f"p50 {statistics.median(timings):.0f} ms, "
                    f"p95 {percentile(timings, 0.95):.0f} ms, max {max(timings):.0f} ms"
                )
        finally:
            supervisor.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
