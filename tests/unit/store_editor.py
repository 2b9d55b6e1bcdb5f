"""A separate process that edits one strategy the way a page does, for test_store_edits.py.

Usage: ``python store_editor.py ROOT STRATEGY_ID FIELD COUNT TAG``. Prints ``ready``, waits for a line on stdin, then
COUNT times: reads the strategy (get), adds one own checklist task labelled ``TAG-<n>`` (FIELD ``checklist``) or one
persona named ``TAG-<n>`` (FIELD ``personas``), and saves it based on the version it read. Prints ``stored TAG-<n>``
or ``refused TAG-<n>`` for each edit.
"""

from __future__ import annotations

import sys

from cmplanner.models import CustomTask, Persona
from cmplanner.store import Conflict, Store


def main() -> None:
    root, strategy_id, field, count, tag = (
        sys.argv[1],
        sys.argv[2],
        sys.argv[3],
        int(sys.argv[4]),
        sys.argv[5],
    )
    store = Store(root)
    print("ready", flush=True)
    sys.stdin.readline()
    for n in range(count):
        label = f"{tag}-{n}"
        strategy = store.get(strategy_id)
        if field == "checklist":
            task = CustomTask(label=label)
            strategy.checklist = strategy.checklist.model_copy(
                update={"custom": [*strategy.checklist.custom, task]}
            )
        else:
            strategy.personas = [*strategy.personas, Persona(name=label, age_bands=["30-49"])]
        try:
            store.save(strategy)
        except Conflict:
            print(f"refused {label}", flush=True)
        else:
            print(f"stored {label}", flush=True)


if __name__ == "__main__":
    main()
