"""The `portage` command: list and check service profiles, and run the assistant."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from bot.paths import SERVICES_DIR
from bot.profiles import DEFAULT_SERVICE_ENV, ProfileError, get_profile, load_profiles
from bot.topics import FAQ_TOPICS


def _services(args: argparse.Namespace) -> int:
    try:
        profiles = load_profiles(args.directory)
    except ProfileError as error:
        print(f"invalid profile: {error}", file=sys.stderr)
        return 1
    for profile in profiles.values():
        ages = profile.eligibility.age_months
        upper = f"{ages.max}" if ages.max is not None else "no upper limit"
        covered = sum(topic in profile.faq for topic in FAQ_TOPICS)
        contact = profile.contact.phone or profile.contact.email or "no phone or email on the page"
        print(
            f"{profile.id:<16} {profile.name}\n"
            f"{'':<16} ages {ages.min}-{upper} months; contact: {contact}; "
            f"{covered} topics with page facts beyond the structured ones"
        )
    print(f"\n{len(profiles)} profiles valid in {args.directory}")
    return 0


def _run(args: argparse.Namespace) -> int:
    from bot.runner import Ports, run

    service = args.service or os.environ.get(DEFAULT_SERVICE_ENV, "")
    try:
        service = get_profile(service).id
    except LookupError as error:
        print(f"portage run: {error} (set {DEFAULT_SERVICE_ENV} or --service)", file=sys.stderr)
        return 2
    return run(service, Ports(web=args.web_port, rasa=args.rasa_port, action=args.action_port))


def _screen(args: argparse.Namespace) -> int:
    from bot.screening.io import InvalidAnswers, screen_json

    try:
        text = sys.stdin.read() if args.answers == "-" else Path(args.answers).read_text("utf-8")
    except OSError as error:
        print(f"portage screen: cannot read {args.answers}: {error.strerror}", file=sys.stderr)
        return 2
    try:
        result = screen_json(text, service=args.service, language=args.language)
    except InvalidAnswers as error:
        print(json.dumps({"error": "invalid_answers", "fields": error.problems}, indent=2))
        return 2
    print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    return 0


def _purge(args: argparse.Namespace) -> int:
    import datetime as dt

    from bot.retention import database_url, purge, tracker_url

    purged = purge(
        database_url(), tracker_url(), dt.datetime.now(dt.timezone.utc), args.conversation_days
    )
    print(
        f"purged {purged.handoffs} expired handoffs and {purged.conversations} conversations "
        f"idle for more than {args.conversation_days} days"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="portage", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    services = commands.add_parser("services", help="list the service profiles and validate them")
    services.add_argument(
        "--directory", type=Path, default=SERVICES_DIR, help="folder of profile YAML files"
    )
    services.set_defaults(handler=_services)

    screen = commands.add_parser(
        "screen", help="evaluate screening answers (JSON) against a service's criteria"
    )
    screen.add_argument("--answers", required=True, help="a JSON file of answers, or - for stdin")
    screen.add_argument("--service", help="screen against this service instead of the file's")
    screen.add_argument("--language", default="en", help="language of reasons and next steps")
    screen.set_defaults(handler=_screen)

    purge = commands.add_parser(
        "purge", help="delete expired handoffs and idle conversations (run it on a schedule)"
    )
    purge.add_argument(
        "--conversation-days",
        type=int,
        default=int(os.environ.get("PORTAGE_CONVERSATION_DAYS", "14")),
        help="delete conversations idle for longer than this (default 14)",
    )
    purge.set_defaults(handler=_purge)

    run = commands.add_parser("run", help="start the action server, Rasa and the web app")
    run.add_argument("--service", help=f"default service id (else ${DEFAULT_SERVICE_ENV})")
    run.add_argument("--web-port", type=int, default=8000)
    run.add_argument("--rasa-port", type=int, default=5005)
    run.add_argument("--action-port", type=int, default=5055)
    run.set_defaults(handler=_run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
