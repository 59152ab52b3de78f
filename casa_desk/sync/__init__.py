"""Offline-first sync (SYNC.md): clock, merge, client, hub and bundles.

- :mod:`.hlc` hybrid logical clock; :mod:`.merge` the merge rules (pure, shared by hub and
  devices); :mod:`.protocol` message shapes and refusal codes;
- :mod:`.client` enrolment and hello → push → pull → digest; :mod:`.apply` writing received
  changes through ``sync_applied`` so they are never captured again;
- :mod:`.hub` FastAPI app, SQLAlchemy Core storage (SQLite or PostgreSQL), scopes, devices;
- :mod:`.bundle` the same messages in encrypted, signed files;
- :mod:`.status` what the Sync page shows, and reinstating a losing value;
- :mod:`.faults` named fault points for the fault-scenario tests;
- :mod:`.sensitive` the seam for end-to-end encryption of sensitive fields (not built yet).
"""
