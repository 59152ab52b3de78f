"""Child process for kill tests: one sync of the store at argv[1] (page size argv[2])."""

from __future__ import annotations

import sys

from casa_desk.errors import CasaError
from casa_desk.store.db import Store
from casa_desk.sync.client import SyncClient

if __name__ == "__main__":
    page = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    try:
        with Store.open(sys.argv[1]) as store, SyncClient(store, page=page) as client:
            report = client.sync()
    except CasaError as exc:
        print(exc.message, file=sys.stderr)
        raise SystemExit(1) from None
    print(report.pushed, report.pulled)
