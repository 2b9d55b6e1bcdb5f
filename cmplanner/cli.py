"""The ``cmplanner`` command: run the app, the demo, check the data folder, import, reports, data out and back.

Every command exits 0 when it did what was asked, 1 when ``check`` found damaged files, and 2 with one clear line
(``cmplanner: …``) on bad input, leaving the data as it was. Commands that only read work on a read-only data folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from cmplanner import exports, i18n
from cmplanner.models import Platform
from cmplanner.problems import Problem
from cmplanner.store import MAX_BACKUP_BYTES, Store, StoreError, default_root, write_atomic
from cmplanner.store import backup as workspace_backup

ROOT = Path(__file__).resolve().parent.parent


def _store() -> Store:
    return Store(default_root())


def plural(n: int, one: str, other: str) -> str:
    return f"{n} {one if n == 1 else other}"


def write_out(out: str, payload: bytes) -> Path:
    """Write a command's output file whole (never half, no temp file left); StoreError naming the folder if not."""
    path = Path(out)
    if not path.parent.is_dir():
        raise StoreError("data.no_folder", path.parent)
    write_atomic(path, payload)
    return path


def cmd_run(args: argparse.Namespace) -> int:
    """Start the app on localhost (the embedded default: TinyDB files in data/)."""
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "app.py"),
        "--server.address",
        "localhost",
        "--server.port",
        str(args.port),
        "--browser.gatherUsageStats",
        "false",
        "--server.headless",
        "true",
    ]
    print(f"cmplanner: data in {default_root()} — open http://localhost:{args.port}", flush=True)
    os.chdir(ROOT)
    os.execv(sys.executable, command)
    return 0  # pragma: no cover


def cmd_demo(args: argparse.Namespace) -> int:
    from cmplanner import demo  # lazy: the other commands, import above all, need not load it

    for strategy in demo.write_demo(_store()):
        print(f"wrote {strategy.name} ({strategy.id})")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """``export`` and ``backup``: the same document, written the same way."""
    result = workspace_backup.export(_store())
    path = write_out(args.out, result.payload())
    verb = {"export": "exported", "backup": "backed up"}[args.command]
    print(f"{verb} {plural(result.count, 'strategy', 'strategies')} to {path}")
    for damaged in result.skipped:
        print(f"skipped {damaged.path}: damaged ({damaged.error}); newest backup: {damaged.backup or 'none'}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        size = path.stat().st_size
        if size > MAX_BACKUP_BYTES:
            raise StoreError("data.too_big", mb=round(size / 1e6), limit=MAX_BACKUP_BYTES // 1_000_000)
        data = path.read_bytes()
    except OSError as exc:
        raise StoreError("data.cannot_read", path, error=exc.strerror or str(exc)) from None
    result = workspace_backup.restore(_store(), data)
    print(
        f"restored {plural(len(result.names), 'strategy', 'strategies')} "
        f"({result.replaced} replaced, {result.added} added)"
        + (f"; copies of the replaced files are in {result.copies[0].parent.parent}" if result.copies else "")
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    store = _store()
    damaged = store.check()
    strategies, _ = store.list()
    print(f"{plural(len(strategies), 'strategy', 'strategies')} in {store.root}")
    for item in damaged:
        name = f" ({item.name})" if item.name else ""
        print(f"DAMAGED {item.path}{name}: {item.error}; newest backup: {item.backup or 'none'}")
    return 1 if damaged else 0


def cmd_metrics(args: argparse.Namespace) -> int:
    store = _store()
    strategy = store.find(args.strategy)
    rows = store.weeks(strategy.id)
    payload = (
        exports.metrics_csv(strategy, rows) if args.format == "csv" else exports.metrics_xlsx(strategy, rows)
    )
    path = write_out(args.out, payload)
    print(f"wrote {plural(len(rows), 'week', 'weeks')} of {strategy.name} to {path}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Write a strategy's client report (PDF or one HTML file)."""
    from cmplanner import branding, reports  # lazy: fpdf2 and vl-convert only load for this command

    out = Path(args.out)
    fmt = args.format or ("html" if out.suffix.lower() in (".html", ".htm") else "pdf")
    if fmt not in reports.FORMATS:
        raise reports.ReportError("report.error.format", value=fmt)
    logo = None
    if args.logo:
        try:
            logo = Path(args.logo).read_bytes()
        except OSError:
            raise reports.ReportError("report.error.logo_file", path=args.logo) from None
    store = _store()
    strategy = store.find(args.strategy)
    lang = strategy.profile.language if strategy.profile else "en"
    opts = branding.report_options(  # the strategy's saved branding, each flag given overriding it
        strategy.branding,
        lang,
        client=args.client,
        author=args.author,
        accent=args.accent,
        logo=logo,
        report_lang=args.lang,
    )
    data, _ = reports.build(store, strategy.id, fmt, opts)
    write_out(args.out, data)
    print(f"wrote the {fmt.upper()} report of {strategy.name} to {out} ({len(data) // 1024} kB)")
    return 0


def _followers_at(values: Sequence[str] | None) -> dict[Platform | None, tuple[str, int]]:
    """``--followers-at [PLATFORM:]WEEK=N`` values as ``{platform or None: (week, followers)}``."""
    from cmplanner import periods

    found: dict[Platform | None, tuple[str, int]] = {}
    for value in values or ():
        where, _, count = value.partition("=")
        platform_name, _, week = where.rpartition(":")
        try:
            platform = Platform(platform_name) if platform_name else None
            followers = int(count)
            periods.parse_week(week)
        except ValueError:
            raise ValueError(
                f"--followers-at {value}: write it as WEEK=N, e.g. 2026-W05=1250 (or x:2026-W05=1250 for one platform)"
            ) from None
        if followers < 0:
            raise ValueError(f"--followers-at {value}: the number of followers cannot be below 0")
        found[platform] = (week, followers)
    return found


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise ValueError(f"--exported-on {value}: that is not a date, write it as YYYY-MM-DD") from None


def _print_skipped(parsed: Any, shown: int = 10) -> None:
    for item in parsed.skipped[:shown]:
        where = f"line {item.line}" + (f", column {item.column!r}" if item.column else "")
        print(f"  skipped {where}: {item.value!r} {i18n.t(item.key, 'en', **item.params)}")
    if len(parsed.skipped) > shown:
        print(f"  skipped {len(parsed.skipped) - shown} more lines")


def cmd_import(args: argparse.Namespace) -> int:
    """Import platform exports into a strategy's weekly log (and their posts): every file is read first, then all
    is written at once, the weeks by the week rule (``importers.plan``)."""
    from cmplanner import import_mappings, importers, periods
    from cmplanner.store import IMPORT_MEMORY, METRICS, POSTS

    store = _store()
    strategy = store.find(args.strategy)
    snapshot = store.read(strategy.id)
    stored = sorted(snapshot.rows(METRICS), key=lambda m: (m.week, m.platform.value))
    remembered = import_mappings.remembered(snapshot.rows(IMPORT_MEMORY))
    platform = Platform(args.platform) if args.platform else None
    followers_at = _followers_at(args.followers_at)
    exported_on = _day(args.exported_on)
    files = []
    for path in map(Path, args.files):
        try:
            data = path.read_bytes()
            # the export date: as given, else the file's time (unless a year is given for the dates without one)
            exported = exported_on or (None if args.year else date.fromtimestamp(path.stat().st_mtime))
        except OSError as exc:
            raise StoreError("data.cannot_read", path, error=exc.strerror or str(exc)) from None
        try:
            parsed, notes = import_mappings.read_unattended(
                path.name, data, strategy, stored, remembered, platform,
                exported_on=exported, year=args.year, followers_at=followers_at,
            )  # fmt: skip
        except importers.ImportProblem as problem:
            hint = " Give --year or --exported-on." if problem.key == "import.need_year" else ""
            raise ValueError(f"{problem}{hint}") from None
        listed = f", {plural(len(parsed.posts), 'post', 'posts')}" if len(parsed.posts) else ""
        print(
            f"{path.name}: {importers.describe(parsed.detected, 'en')}, "
            f"{plural(len(parsed.rows), 'week', 'weeks')}{listed}"
        )
        for note in [*notes, *(i18n.t(key) for key in parsed.problems)]:
            print(f"  note: {note}")
        _print_skipped(parsed)
        files.append(parsed)
    odd = [
        row for parsed in files for row in parsed.rows if not periods.plausible_week(row.week, date.today())
    ]
    if odd:
        named = ", ".join(f"{i18n.t('platform.' + r.platform.value)} {r.week}" for r in odd[:5])
        more = f" and {len(odd) - 5} more" if len(odd) > 5 else ""
        raise ValueError(
            f"refused: {plural(len(odd), 'week is', 'weeks are')} before 2004 or more than a year ahead "
            f"({named}{more}); check the file's dates. Nothing was written."
        )
    if args.dry_run:
        outcome = import_mappings.planned(stored, files, snapshot.rows(POSTS))
    else:
        outcome = store.update(strategy.id, lambda edit: import_mappings.write_files(edit, files)).result
    verb = "would write" if args.dry_run else "wrote"
    for name, counts in outcome.per_platform.items():
        print(
            f"{i18n.t('platform.' + name.value)}: {verb} {plural(counts.written, 'week', 'weeks')} "
            f"({counts.new} new, {counts.changed} changed), {counts.unchanged} unchanged"
        )
    for name, status in (outcome.posts.counts() if outcome.posts else {}).items():
        print(
            f"{i18n.t('platform.' + name.value)} posts: {status['new']} new, {status['changed']} changed, "
            f"{status['unchanged']} unchanged"
        )
    if outcome.linked:
        print(
            f"linked {plural(outcome.linked, 'planned post', 'planned posts')} of the calendar to the published post"
        )
    if not outcome.written:
        print("nothing changed: these weeks are already stored with the same figures")
    return 0


CALENDAR_FORMATS = ("pdf", "html", "ics", "csv", "meta", "hootsuite")
NO_META = (
    "there is no Meta Business Suite file: Meta publishes no description of its bulk-upload format; "
    "write --format csv and copy its columns into the template Meta Business Suite gives you"
)


def cmd_calendar(args: argparse.Namespace) -> int:
    """Write a strategy's planned month: the plan for approval (PDF, HTML), .ics, CSV or Hootsuite's bulk CSV."""
    from cmplanner import periods
    from cmplanner.calendar import files
    from cmplanner.calendar.mix import month_posts
    from cmplanner.store import PLANNED_POSTS

    if args.format == "meta":
        raise ValueError(NO_META)
    periods.parse_month(args.month)
    store = _store()
    strategy = store.find(args.strategy)
    posts = store.rows(strategy.id, PLANNED_POSTS)
    found = files.month_files(
        strategy,
        posts,
        args.month,
        args.format,
        lang=args.lang,
        client=args.client,
        author=args.author,
        accent=args.accent,
    )
    notes = [problem.text("en") for problem in found.problems]
    if not found.files:
        raise ValueError(f"nothing written: {' '.join(notes)}")
    out = Path(args.out)
    for note in notes:
        print(f"note: {note}")
    for item in found.files:
        target = out.with_name(f"{out.stem}-{item.part}{out.suffix}") if item.part else out
        write_out(str(target), item.data)
        print(f"wrote {target}")
    planned = len(
        month_posts(posts, args.month)
    )  # the count the plan for approval and the calendar page show
    skipped = len(files.in_month(posts, args.month)) - planned
    extra = f" (and {skipped} skipped)" if skipped else ""
    print(f"{plural(planned, 'post', 'posts')} in {args.month} for {strategy.name}{extra}")
    return 0


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cmplanner", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="start the app on localhost")
    run.add_argument("--port", type=int, default=8501)
    run.set_defaults(func=cmd_run)
    sub.add_parser("demo", help="write a sample workspace (a Dutch bakery and a B2B client)").set_defaults(
        func=cmd_demo
    )
    for name, text in (
        ("export", "the whole workspace as one JSON document (the same as backup)"),
        ("backup", "the whole workspace as one JSON backup file (restore brings it back)"),
    ):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--out", required=True, help="file to write")
        cmd.set_defaults(func=cmd_backup)
    restore = sub.add_parser(
        "restore", help="bring back the strategies of a backup (validated first, all or none)"
    )
    restore.add_argument("file", help="a backup written by `cmplanner backup`")
    restore.set_defaults(func=cmd_restore)
    sub.add_parser("check", help="check every strategy file in the data folder").set_defaults(func=cmd_check)
    metrics = sub.add_parser("metrics", help="a strategy's weekly metrics as CSV or XLSX")
    metrics.add_argument("strategy", help="strategy id or exact name")
    metrics.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    metrics.add_argument("--out", required=True, help="file to write")
    metrics.set_defaults(func=cmd_metrics)
    report = sub.add_parser("report", help="a strategy's client report as PDF or one HTML file")
    report.add_argument("strategy", help="the strategy's id or exact name")
    report.add_argument("--format", help="pdf or html (default: from --out's extension, else pdf)")
    report.add_argument(
        "--lang",
        help="en or nl (default: the saved report language, else the language of the strategy's posts)",
    )
    report.add_argument("--out", required=True, help="file to write")
    report.add_argument(
        "--client",
        default=None,
        help="client name on the cover (default: the saved one, else the business name)",
    )
    report.add_argument(
        "--author", default=None, help="your name or agency on the cover (default: the saved one)"
    )
    report.add_argument("--accent", default=None, help="accent colour, #RRGGBB (default: the saved one)")
    report.add_argument("--logo", default=None, help="logo file, PNG or JPEG (default: the saved one)")
    report.set_defaults(func=cmd_report)
    imp = sub.add_parser("import", help="import platform analytics exports into a strategy's weekly log")
    imp.add_argument("files", nargs="+", metavar="FILE", help="CSV, XLSX, XLS or ZIP exports")
    imp.add_argument("--strategy", required=True, help="the strategy's id or exact name")
    imp.add_argument(
        "--platform", choices=[p.value for p in Platform], help="the platform, for files that do not say"
    )
    imp.add_argument("--dry-run", action="store_true", help="show what would be written, write nothing")
    imp.add_argument(
        "--followers-at",
        action="append",
        metavar="[PLATFORM:]WEEK=N",
        help="followers at the end of an ISO week (e.g. 2026-W05=1250), for files with only daily follower changes",
    )
    imp.add_argument(
        "--year", type=int, help="for dates without a year: the year the file's last day falls in"
    )
    imp.add_argument("--exported-on", metavar="YYYY-MM-DD", help="the export date (default: the file's time)")
    imp.set_defaults(func=cmd_import)
    cal = sub.add_parser(
        "calendar", help="a strategy's planned month as a file (plan for approval, .ics, CSV, ...)"
    )
    cal.add_argument("strategy", help="the strategy's id or exact name")
    cal.add_argument("--month", required=True, help="the month, YYYY-MM")
    cal.add_argument("--format", required=True, choices=CALENDAR_FORMATS)
    cal.add_argument(
        "--out", required=True, help="file to write (Hootsuite: one per platform, named after it)"
    )
    cal.add_argument("--lang", choices=("en", "nl"), help="default: the strategy's language")
    cal.add_argument("--client", default="", help="client name on the plan for approval")
    cal.add_argument("--author", default="", help="your name or agency on the plan for approval")
    cal.add_argument("--accent", default=None, help="accent colour of the plan for approval, #RRGGBB")
    cal.set_defaults(func=cmd_calendar)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        result: int = args.func(args)
    except (Problem, StoreError, OSError, ValueError) as exc:
        print(f"cmplanner: {exc}", file=sys.stderr)
        return 2
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
