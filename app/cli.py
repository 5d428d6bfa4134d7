"""The `coach` command: serve, score, scenarios check, eval buyer, users."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

USAGE_ERROR = 2
MIN_OBJECTION_WAYS = 4


def _fail(message: str) -> int:
    print(f"coach: {message}", file=sys.stderr)
    return USAGE_ERROR


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn
    from pydantic import ValidationError

    from app.config import Settings
    from app.llm.factory import llm_settings_problem
    from app.main import create_app

    overrides: dict[str, Any] = {}
    if args.demo:
        overrides["demo"] = True
        if "COACH_DEMO_HISTORY" not in os.environ:  # COACH_DEMO_HISTORY=false: users only
            overrides["demo_history"] = True
    if args.port is not None:
        overrides["port"] = args.port
    if args.host is not None:
        overrides["host"] = args.host
    if args.workers is not None:
        overrides["workers"] = args.workers
    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        err = exc.errors()[0]
        return _fail(f"bad setting {'.'.join(str(p) for p in err['loc'])}: {err['msg']}")
    problem = llm_settings_problem(settings) or serving_problem(settings)
    if problem is not None:
        return _fail(problem)
    if settings.workers > 1 and args.demo:
        os.environ["COACH_DEMO"] = "true"  # each worker reads its settings afresh
        os.environ["COACH_DEMO_HISTORY"] = str(settings.demo_history).lower()
    url = f"http://{settings.host}:{settings.port}"
    print(f"Consultative-selling coach: open {url}/ (API docs at {url}/docs)", flush=True)
    if settings.demo:
        pw = settings.demo_password.get_secret_value()
        shown = (
            pw if "COACH_DEMO_PASSWORD" not in os.environ else "(the one in COACH_DEMO_PASSWORD)"
        )
        print(
            f"Demo mode: log in as trainee1, trainee2, coach1 or manager1 with password {shown}",
            flush=True,
        )
    print(
        f"Database: {settings.database_url} | buyer: {settings.buyer_engine} | judge: {settings.judge_engine}",
        flush=True,
    )
    from app.observability.logs import logging_config

    level = "WARNING" if args.quiet else settings.log_level
    if settings.workers > 1:
        from app.observability.metrics import share_across_processes

        share_across_processes()  # /metrics from any worker answers for all of them
    uvicorn.run(
        # Several workers each build the app from the environment (serving_app).
        create_app(settings, freeze_gc=True) if settings.workers == 1 else "app.cli:serving_app",
        factory=settings.workers > 1,
        workers=settings.workers,
        host=settings.host,
        port=settings.port,
        log_config=logging_config(settings.log_format, level),  # COACH_LOG_FORMAT, _LEVEL
        log_level=level.lower(),
        access_log=False,  # the app logs each request itself (app.access), with its id
    )
    return 0


def serving_problem(settings: Any) -> str | None:
    """Why these settings can't serve: several processes on SQLite, or a SQLite file
    another process serves already (the service would refuse it at start-up too)."""
    from app.db.serving import DatabaseInUse, ServingLock, sqlite_file

    path = sqlite_file(settings.database_url)
    if path is None:
        return None
    if settings.workers > 1:
        return (
            f"--workers {settings.workers} needs PostgreSQL: SQLite is served by one process. "
            "Set COACH_DATABASE_URL=postgresql://user@host/db (README, 'Deploying for a team')."
        )
    lock = ServingLock(path)
    try:
        lock.acquire()
    except DatabaseInUse as exc:
        return str(exc)
    lock.release()  # the service takes it itself as it starts
    return None


def serving_app() -> Any:
    """The app one of several `coach serve --workers N` processes serves (uvicorn's factory)."""
    from app.main import create_app

    return create_app(freeze_gc=True)


def cmd_score(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from app.config import Settings
    from app.scoring.importing import TranscriptError, parse_transcript
    from app.scoring.scorer import OfflineScorer

    settings = Settings()
    path = Path(args.file)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return _fail(f"cannot read {args.file}: {exc.strerror or exc}")
    if path.is_dir():
        return _fail(f"{args.file} is a directory, not a transcript file")
    if size > settings.max_transcript_bytes:
        return _fail(f"{args.file} is {size} bytes; the limit is {settings.max_transcript_bytes}")
    try:
        transcript = parse_transcript(path.read_bytes())
    except TranscriptError as exc:
        return _fail(f"{args.file}: {exc}")
    except ValidationError as exc:  # pragma: no cover - parse_transcript wraps these
        return _fail(f"{args.file}: {exc.errors()[0]['msg']}")
    except OSError as exc:
        return _fail(f"cannot read {args.file}: {exc.strerror or exc}")
    card = asyncio.run(
        OfflineScorer().score_transcript(transcript.pairs(), language=transcript.language)
    )
    print(json.dumps(card.model_dump(mode="json"), ensure_ascii=False, indent=2))
    return 0


def cmd_scenarios_check(args: argparse.Namespace) -> int:
    from app.scenarios.catalog import builtin_dir, check_directory

    directory = Path(args.dir) if args.dir else builtin_dir()
    if not directory.is_dir():
        return _fail(f"{directory} is not a directory")
    scenarios, problems = check_directory(directory)
    for p in problems:
        print(str(p), file=sys.stderr)
    print(f"{len(scenarios)} valid, {len(problems)} problem(s) in {directory}")
    if scenarios:
        from app.simulation.reach import format_reach, reachability

        print(format_reach([reachability(s) for s in scenarios], verbose=args.verbose))
        for s in scenarios:
            for o in s.objections:
                ways = len(o.phrasings) + len(o.again)
                if ways < MIN_OBJECTION_WAYS:
                    print(
                        f"{s.id}: ? objection {o.id} has {ways} ways to say it; "
                        f"{MIN_OBJECTION_WAYS} or more (phrasings + again) keep the buyer "
                        "from repeating itself"
                    )
    if args.simulate and scenarios:
        from app.simulation.realism import format_report, simulate_all
        from app.simulation.responsiveness import own_responsiveness

        reports = simulate_all(scenarios)
        print(format_report(reports))
        for s in scenarios:
            rate = own_responsiveness(s).rate()
            shown = f"{rate:.0%}" if rate is not None else "- (no example questions)"
            print(f"{s.id}: example questions answered from their item, asked live: {shown}")
        unrealistic = [r.scenario for r in reports if not r.realistic]
        if unrealistic:
            print(f"unrealistic: {', '.join(unrealistic)}", file=sys.stderr)
            return 1
    return 1 if problems else 0


def cmd_eval_buyer(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from app.buyer.engine import BuyerEngine
    from app.buyer.llm import LLMBuyer
    from app.buyer.offline import OfflineBuyer
    from app.config import Settings
    from app.llm.client import LLMClient
    from app.llm.factory import llm_settings_problem
    from app.prompting.library import load_library
    from app.scenarios.catalog import load_builtin
    from app.simulation.eval_buyer import format_eval, run

    try:
        settings = Settings()
    except ValidationError as exc:
        return _fail(f"bad settings: {exc.errors()[0]['msg']}")
    problem = llm_settings_problem(settings)
    if problem is not None:
        return _fail(problem)
    library = load_builtin()
    if args.scenario is not None and args.scenario not in library:
        return _fail(f"no scenario {args.scenario!r}; built-in: {', '.join(sorted(library))}")
    scenarios = [library[args.scenario]] if args.scenario else list(library.values())

    async def go() -> str:
        offline = OfflineBuyer()
        if settings.buyer_engine != "llm":
            report = await run(offline, scenarios)
        else:
            client = LLMClient.from_settings(settings)
            try:
                engine: BuyerEngine = LLMBuyer(client, load_library(), offline)
                report = await run(engine, scenarios)
            finally:
                await client.aclose()
        if args.json:
            return json.dumps(report.as_json(), ensure_ascii=False, indent=2)
        return format_eval(report)

    print(asyncio.run(go()))
    return 0


def cmd_users_create(args: argparse.Namespace) -> int:
    from app.accounts.models import Role
    from app.accounts.repository import AccountsRepository
    from app.accounts.security import new_password
    from app.accounts.service import AccountsService
    from app.config import Settings
    from app.db.engine import make_engine, make_sessionmaker
    from app.db.migrate import upgrade_to_head
    from app.errors import CoachError

    try:
        role = Role(args.role)
    except ValueError:
        return _fail(f"role must be one of: {', '.join(r.value for r in Role)}")
    if not re.fullmatch(r"[A-Za-z0-9_.-]{2,64}", args.username):
        return _fail("a username is 2 to 64 letters, digits, '_', '.' or '-'")
    password = args.password or new_password()  # the password policy applies to either

    async def run() -> None:
        engine = make_engine(Settings().database_url)
        try:
            await upgrade_to_head(engine)
            async with make_sessionmaker(engine)() as db, db.begin():
                accounts = AccountsService(AccountsRepository(db))
                org = await accounts.ensure_organization("Organisation")
                team_ids = []
                if args.team:
                    team = await accounts.repo.team_by_name(org.id, args.team)
                    team = team or await accounts.create_team(org.id, args.team)
                    team_ids.append(team.id)
                await accounts.create_user(
                    org.id,
                    args.username,
                    args.display_name or args.username,
                    role,
                    password,
                    team_ids,
                )
        finally:
            await engine.dispose()

    try:
        asyncio.run(run())
    except CoachError as exc:
        return _fail(exc.detail)
    print(
        f"created {role.value} {args.username!r}"
        + ("" if args.password else f" with password {password}")
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coach", description="Consultative-selling coach")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="start the web service")
    serve.add_argument(
        "--demo",
        action="store_true",
        help="create the demo users (password 'demo') and, once, a history of demo sessions",
    )
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument(
        "--workers",
        type=int,
        default=None,
        help="serving processes (default 1, or COACH_WORKERS); more than one needs PostgreSQL",
    )
    serve.add_argument("--quiet", action="store_true", help="no access log (benchmarks)")
    serve.set_defaults(func=cmd_serve)

    score = sub.add_parser("score", help="score a transcript file; prints the scorecard JSON")
    score.add_argument("file")
    score.set_defaults(func=cmd_score)

    scenarios = sub.add_parser("scenarios", help="scenario library tools")
    ssub = scenarios.add_subparsers(dest="scenarios_command", required=True)
    check = ssub.add_parser("check", help="validate scenario files")
    check.add_argument(
        "--dir", default=None, help="a directory of scenario files (default: built-in)"
    )
    check.add_argument(
        "--simulate",
        action="store_true",
        help="also play scripted trainees (consultant, pitcher, folder, arguer, discounter) and"
        " the scenario's own example questions against the offline buyer",
    )
    check.add_argument(
        "--verbose", action="store_true", help="list every example question that misses its item"
    )
    check.set_defaults(func=cmd_scenarios_check)

    evaluate = sub.add_parser("eval", help="evaluate an engine before trainees meet it")
    esub = evaluate.add_subparsers(dest="eval_command", required=True)
    buyer = esub.add_parser(
        "buyer",
        help="play the configured buyer (offline, or the model behind OPENAI_BASE_URL) and report",
    )
    buyer.add_argument("--scenario", default=None, help="one built-in scenario id (default: all)")
    buyer.add_argument("--json", action="store_true", help="print the report as JSON")
    buyer.set_defaults(func=cmd_eval_buyer)

    users = sub.add_parser("users", help="user administration")
    usub = users.add_subparsers(dest="users_command", required=True)
    create = usub.add_parser("create", help="create a user")
    create.add_argument("username")
    create.add_argument("--role", default="manager")
    create.add_argument("--display-name", default=None)
    create.add_argument("--team", default=None, help="team name (created when missing)")
    create.add_argument("--password", default=None, help="default: a random one, printed once")
    create.set_defaults(func=cmd_users_create)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors already
        return int(exc.code or 0)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
