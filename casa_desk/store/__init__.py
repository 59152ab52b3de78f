"""The local SQLite store (DESIGN.md §4). Headless: used by the app, the CLI and tests."""
