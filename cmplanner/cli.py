"""The ``cmplanner`` command: run the app, write the demo workspace, export, check the data folder, write a report."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import orjson

from cmplanner import demo, exports
from cmplanner.models import Platform, WeekMetrics
from cmplanner.problems import Problem
from cmplanner.store import Store, StoreError, default_root

ROOT = Path(__file__).resolve().parent.parent


def _store() -> Store:
    return Store(default_root())


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
    written = demo.write_demo(_store())
    for strategy in written:
        print(f"wrote {strategy.name} ({strategy.id})")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    document = _store().export()
    data = orjson.dumps(document, option=orjson.OPT_INDENT_2)
    out = Path(args.out)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(out)
    print(f"exported {len(document['strategies'])} strategies to {out}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    store = _store()
    damaged = store.check()
    strategies, _ = store.list()
    print(f"{len(strategies)} strategies in {store.root}")
    for item in damaged:
        print(f"DAMAGED {item.path}: {item.error}; newest backup: {item.backup or 'none'}")
    return 1 if damaged else 0


def cmd_report(args: argparse.Namespace) -> int:
    """Write a strategy's client report (PDF or one HTML file)."""
    from cmplanner import reports  # lazy: fpdf2 and vl-convert only load for this command

    out = Path(args.out)
    fmt = args.format or ("html" if out.suffix.lower() in (".html", ".htm") else "pdf")
    if fmt not in reports.FORMATS:
        raise reports.ReportError("report.error.format", value=fmt)
    if not out.parent.is_dir():
        raise FileNotFoundError(f"no folder {out.parent} to write {out.name} in")
    logo = None
    if args.logo:
        try:
            logo = Path(args.logo).read_bytes()
        except OSError:
            raise reports.ReportError("report.error.logo_file", path=args.logo) from None
    store = _store()
    strategy = reports.find_strategy(store, args.strategy)
    lang = args.lang or (strategy.profile.language if strategy.profile else "en")
    opts = reports.options(lang=lang, client=args.client, author=args.author, logo=logo, accent=args.accent)
    data, _ = reports.build(store, strategy.id, fmt, opts)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(out)
    print(f"wrote the {fmt.upper()} report of {strategy.name} to {out} ({len(data) // 1024} kB)")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Import platform exports into a strategy's weekly log: every file is read first, then all is written at once."""
    from cmplanner import i18n, import_mappings, importers

    store = _store()
    strategies, _ = store.list()
    found = [s for s in strategies if s.id == args.strategy] or [
        s for s in strategies if s.name == args.strategy
    ]
    if len(found) != 1:
        raise ValueError(
            f"{len(found)} strategies are named {args.strategy!r}: give its id"
            if found
            else f"no strategy has the id or name {args.strategy!r}"
        )
    strategy = found[0]
    stored = store.weeks(strategy.id)
    remembered = import_mappings.load(store, strategy.id)
    platform = Platform(args.platform) if args.platform else None
    rows: list[WeekMetrics] = []
    for path in map(Path, args.files):
        try:
            parsed, notes = import_mappings.read_unattended(
                path.name, path.read_bytes(), strategy, stored, remembered, platform
            )
        except importers.ImportProblem as problem:
            raise ValueError(str(problem)) from None
        print(f"{path.name}: {importers.describe(parsed.detected, 'en')}, {len(parsed.rows)} weeks")
        for note in [*notes, *(i18n.t(key) for key in parsed.problems)]:
            print(f"  note: {note}")
        rows += parsed.rows
    write = import_mappings.preview if args.dry_run else import_mappings.write
    outcome = write(store, strategy.id, rows)
    verb = "would write" if args.dry_run else "wrote"
    for name, counts in outcome.per_platform.items():
        print(
            f"{i18n.t('platform.' + name.value)}: {verb} {counts.written} weeks "
            f"({counts.new} new, {counts.changed} changed), {counts.unchanged} unchanged"
        )
    if not outcome.written:
        print("nothing changed: these weeks are already stored with the same figures")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cmplanner", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="start the app on localhost")
    run.add_argument("--port", type=int, default=8501)
    run.set_defaults(func=cmd_run)
    sub.add_parser("demo", help="write a sample workspace (a Dutch bakery and a B2B client)").set_defaults(
        func=cmd_demo
    )
    export = sub.add_parser("export", help="the whole workspace as one JSON document")
    export.add_argument("--out", required=True, help="file to write")
    export.set_defaults(func=cmd_export)
    sub.add_parser("check", help="check every strategy file in the data folder").set_defaults(func=cmd_check)
    report = sub.add_parser("report", help="a strategy's client report as PDF or one HTML file")
    report.add_argument("strategy", help="the strategy's id or exact name")
    report.add_argument("--format", help="pdf or html (default: from --out's extension, else pdf)")
    report.add_argument("--lang", help="en or nl (default: the language of the strategy's posts)")
    report.add_argument("--out", required=True, help="file to write")
    report.add_argument("--client", default="", help="client name on the cover (default: the business name)")
    report.add_argument("--author", default="", help="your name or agency on the cover")
    report.add_argument("--accent", default=None, help="accent colour, #RRGGBB")
    report.add_argument("--logo", default=None, help="logo file, PNG or JPEG")
    report.set_defaults(func=cmd_report)
    imp = sub.add_parser("import", help="import platform analytics exports into a strategy's weekly log")
    imp.add_argument("files", nargs="+", metavar="FILE", help="CSV, XLSX, XLS or ZIP exports")
    imp.add_argument("--strategy", required=True, help="the strategy's id or exact name")
    imp.add_argument(
        "--platform", choices=[p.value for p in Platform], help="the platform, for files that do not say"
    )
    imp.add_argument("--dry-run", action="store_true", help="show what would be written, write nothing")
    imp.set_defaults(func=cmd_import)
    exports.add_commands(sub)  # backup, restore, metrics
    args = parser.parse_args(argv)
    try:
        result: int = args.func(args)
    except (Problem, StoreError, OSError, ValueError) as exc:
        print(f"cmplanner: {exc}", file=sys.stderr)
        return 2
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
