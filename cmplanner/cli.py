"""The ``cmplanner`` command: run the app, write the demo workspace, export, check the data folder."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import orjson

from cmplanner import demo, exports
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
    exports.add_commands(sub)  # backup, restore, metrics
    args = parser.parse_args(argv)
    try:
        result: int = args.func(args)
    except (StoreError, OSError, ValueError) as exc:
        print(f"cmplanner: {exc}", file=sys.stderr)
        return 2
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
