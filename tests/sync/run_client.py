"""Child process for kill tests: one sync of the store at argv[1] (page size argv[2])."""

from __future__ import annotations

import os
import sys

from casa_desk.errors import CasaError
from casa_desk.security.access import unlock
from casa_desk.sync.client import SyncClient

if __name__ == "__main__":
    page = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    try:
        session = unlock(
            sys.argv[1], os.environ["CASA_DESK_USER"], os.environ["CASA_DESK_PASSWORD"]
        )
        with session.store as store, SyncClient(store, page=page) as client:
            report = client.sync()
    except CasaError as exc:
        print(exc.message, file=sys.stderr)
        raise SystemExit(1) from None
    print(report.pushed, report.pulled)
