"""Offline-first sync: clock, merge, client, hub and bundles (SYNC.md)."""
