"""The `portage` command: list and check service profiles, run the assistant, and manage the
professional view's accounts and audit log."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from bot.paths import SERVICES_DIR
from bot.profiles import DEFAULT_SERVICE_ENV, ProfileError, get_profile, load_profiles
from bot.retention import DEFAULT_CONVERSATION_DAYS
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
        f"purged {purged.handoffs} expired handoffs, {purged.screenings} professionals' "
        f"screening links and {purged.conversations} conversations "
        f"idle for more than {args.conversation_days} days"
    )
    return 0


def _professional_stores():
    from bot.accounts.stores import open_stores
    from bot.retention import database_url

    return open_stores(database_url())


def _read_password(args: argparse.Namespace) -> str | None:
    """From stdin (one line) with --password-stdin, else asked twice without echo."""
    import getpass

    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password (at least 12 characters): ")
    if getpass.getpass("The same password again: ") != first:
        print("portage account add: the passwords differ", file=sys.stderr)
        return None
    return first


def _account_add(args: argparse.Namespace) -> int:
    import datetime as dt

    from bot.accounts.accounts import AccountError

    if args.service:
        try:
            args.service = get_profile(args.service).id
        except LookupError as error:
            print(f"portage account add: {error}", file=sys.stderr)
            return 2
    password = _read_password(args)
    if password is None:
        return 2
    try:
        account = _professional_stores().accounts.create_account(
            args.email,
            args.name,
            args.role,
            password,
            dt.datetime.now(dt.timezone.utc),
            service=args.service,
        )
    except AccountError as error:
        print(f"portage account add: {error}", file=sys.stderr)
        return 2
    where = f" for {account.service}" if account.service else ""
    print(f"created {account.role_name.lower()} account {account.email}{where}")
    return 0


def _account_list(args: argparse.Namespace) -> int:
    import datetime as dt

    now = dt.datetime.now(dt.timezone.utc)
    accounts = _professional_stores().accounts.all()
    for account in accounts:
        locked = account.locked_until is not None and account.locked_until > now
        print(
            f"{account.email:<40} {account.name:<24} {account.role:<15} "
            f"{account.service or '-':<16} {'locked' if locked else 'active'}"
        )
    print(f"{len(accounts)} accounts")
    return 0


def _account_unlock(args: argparse.Namespace) -> int:
    if not _professional_stores().accounts.unlock(args.email):
        print(f"portage account unlock: no account for {args.email}", file=sys.stderr)
        return 1
    print(f"unlocked {args.email.strip().lower()}")
    return 0


def _audit(args: argparse.Namespace) -> int:
    import datetime as dt

    since = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=args.days)
    entries = _professional_stores().audit.entries(since)
    for entry in entries:
        print(
            f"{entry.at.isoformat(timespec='seconds')}  {entry.email or '-':<40} "
            f"{entry.action:<18} {entry.handoff_id or '-'}"
        )
    print(f"{len(entries)} entries in the last {args.days} days")
    return 0


def _add_professional_commands(commands: argparse._SubParsersAction) -> None:
    from bot.accounts.accounts import ROLES

    account = commands.add_parser("account", help="accounts of the professional view")
    actions = account.add_subparsers(dest="account_command", required=True)
    add = actions.add_parser("add", help="create an account (the password is asked for)")
    add.add_argument("--email", required=True)
    add.add_argument("--name", required=True, help="the name shown to colleagues")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--service", help="service staff: the service whose drafts they see")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    add.set_defaults(handler=_account_add)
    listing = actions.add_parser("list", help="list the accounts")
    listing.set_defaults(handler=_account_list)
    unlock = actions.add_parser("unlock", help="lift a lock after too many failed sign-ins")
    unlock.add_argument("--email", required=True)
    unlock.set_defaults(handler=_account_unlock)

    audit = commands.add_parser("audit", help="print who opened, exported and sent which draft")
    audit.add_argument("--days", type=int, default=30, help="how far back (default 30 days)")
    audit.set_defaults(handler=_audit)


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
        default=int(os.environ.get("PORTAGE_CONVERSATION_DAYS", str(DEFAULT_CONVERSATION_DAYS))),
        help="delete conversations idle for longer than this many days "
        f"(default {DEFAULT_CONVERSATION_DAYS})",
    )
    purge.set_defaults(handler=_purge)

    run = commands.add_parser("run", help="start the action server, Rasa and the web app")
    run.add_argument("--service", help=f"default service id (else ${DEFAULT_SERVICE_ENV})")
    run.add_argument("--web-port", type=int, default=8000)
    run.add_argument("--rasa-port", type=int, default=5005)
    run.add_argument("--action-port", type=int, default=5055)
    run.set_defaults(handler=_run)

    _add_professional_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
