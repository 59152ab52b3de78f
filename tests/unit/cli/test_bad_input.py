"""Every subcommand with every kind of bad file it can be given: one line, no traceback,
nothing changed (issue 8, "Commands never destroy what they were given").

The cases run in-process through :func:`casa_desk.cli.main` (fast); ``test_real_full_disk.py``
repeats the full-disk ones on a real small file system in a subprocess where it can make one.
A full disk is simulated here at the boundary of the operating system and of SQLite:
``os.fsync`` fails with ``ENOSPC`` (every output goes through it before its rename) and every
SQLite connection fails with ``SQLITE_FULL`` when it commits a transaction that changed rows —
what SQLite itself reports when a write meets a full disk.
"""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from corpus import Case, Template, Workspace, build_template, busy_port, dead_port, fingerprint

from casa_desk.cli import main
from casa_desk.store.connection import binding

W = Workspace
Argv = Callable[[W], list[str]]

# -- how each argument can be wrong --------------------------------------------------------
#: An office store that must exist.
STORE: dict[str, Callable[[W], str]] = {
    "missing": lambda w: w.new("assente.sqlite"),
    "symlink-loop": lambda w: _loop(w, "giro.sqlite"),
    "directory": lambda w: w.folder(),
    "unreadable": lambda w: w.under_a_file(),
    "not-a-store": lambda w: w.file("text.txt"),
    "empty": lambda w: w.empty(),
    "pipe": lambda w: w.pipe("tubo.sqlite"),
    "damaged": lambda w: w.file("damaged.sqlite"),
    "future": lambda w: w.file("future.sqlite"),
    "wrong-kind": lambda w: w.file("hub.sqlite"),
}
#: The hub's database, which must exist.
HUB: dict[str, Callable[[W], str]] = {
    "missing": lambda w: w.new("assente-hub.sqlite"),
    "directory": lambda w: w.folder(),
    "unreadable": lambda w: w.under_a_file("hub.sqlite"),
    "not-a-store": lambda w: w.file("text.txt"),
    "damaged": lambda w: w.file("damaged-hub.sqlite"),
    "pipe": lambda w: w.pipe("tubo-hub.sqlite"),
    "wrong-kind": lambda w: w.file("office.sqlite"),
    "unsupported-url": lambda _w: "mysql://sede@localhost/hub",
}
#: The hub's database where a new one may be created.
NEW_HUB: dict[str, Callable[[W], str]] = {
    **{k: v for k, v in HUB.items() if k != "missing"},
    "missing-folder": lambda w: w.new("manca/hub.sqlite"),
}
#: A file a command writes (the placeholder is the valid path it replaces).
OUT: dict[str, Callable[[W, str], str]] = {
    "missing-folder": lambda w, _ok: w.new("manca/uscita"),
    "directory": lambda w, _ok: w.folder(),
    "unwritable": lambda w, _ok: w.under_a_file("uscita"),
    "the-store": lambda w, _ok: w.file("office.sqlite"),
    "symlink-to-store": lambda w, _ok: w.link(w.file("office.sqlite"), "symlink"),
    "hardlink-to-store": lambda w, _ok: w.link(w.file("office.sqlite"), "hardlink"),
    "dotdot-to-store": lambda w, _ok: w.dotdot(w.file("office.sqlite")),
    "store-wal": lambda w, _ok: w.file("office.sqlite") + "-wal",
    "open-store": lambda w, _ok: w.open_store(),
    "device": lambda _w, _ok: "/dev/null",
    # links that lead nowhere: once a traceback (a ring), once "permesso negato" (no folder)
    "symlink-loop": lambda w, _ok: _loop(w, "giro"),
    "symlink-to-missing-folder": lambda w, _ok: w.link(w.new("manca/uscita"), "symlink"),
    "symlink-to-store-keys": lambda w, _ok: w.link(w.file("office.sqlite") + ".keys", "symlink"),
    "store-keys": lambda w, _ok: w.file("office.sqlite") + ".keys",
    "store-keys-lock": lambda w, _ok: w.file("office.sqlite") + ".keys.lock",
    "pipe": lambda w, _ok: w.pipe("tubo-uscita"),
    # How Windows names the store's own files too (case ignored, a trailing dot dropped):
    # here copies, there the files themselves; a key file is known by what it holds.
    "store-keys-in-capitals": lambda w, _ok: _alias(w, "office.sqlite.keys", "OFFICE.SQLITE.KEYS"),
    "store-keys-with-a-dot": lambda w, _ok: _alias(w, "office.sqlite.keys", "office.sqlite.keys."),
    "store-wal-in-capitals": lambda w, _ok: w.file("office.sqlite") + "-WAL",
    # a name ending in "/" names a folder: Path dropped the "/" and wrote (over) the file
    "file-with-a-slash": lambda w, _ok: w.file("text.txt") + "/",
    "missing-with-a-slash": lambda w, _ok: w.new("cartella") + "/",
    # longer than the system allows: a traceback (OSError from stat) in every command
    "name-too-long": lambda w, _ok: w.new("x" * 300),
    # allowed, but not its temporary file's name: refused only when written, after the
    # work (a letter on record, a device's code replaced)
    "name-without-room-for-its-temporary-file": lambda w, _ok: w.new("x" * 245),
    # a new file named like a key file (``X.keys``): taken for the key file of a store or
    # backup ``X`` by the next backup, a restore, a decrypted copy refused beside it
    "new-key-file-name": lambda w, _ok: w.new("uscita.keys"),
    "new-key-file-name-in-capitals": lambda w, _ok: w.new("USCITA.KEYS"),
    # characters Windows and USB sticks do not allow in a name: written here, refused there
    # (or, for ":", written into a hidden stream of "uscita"); a control character, said
    # as it is, broke the one line in two
    "name-with-a-colon": lambda w, _ok: w.new("uscita:ottobre"),
    "name-with-a-question-mark": lambda w, _ok: w.new("uscita?"),
    "name-with-a-control-character": lambda w, _ok: w.new("uscita\nottobre"),
}
#: A file a command writes that is not a backup of a store, which alone writes its copy
#: beside the key file it writes itself.
NOT_A_BACKUP: dict[str, Callable[[W, str], str]] = {
    **OUT,
    # beside a key file alone (a backup's, its copy taken to a stick): a pair opening nothing
    "beside-a-lone-key-file": lambda w, _ok: _beside_keys(w, "uscita"),
}
#: Room for a database's working files too: its temporary file's ``-journal`` did not fit
#: (a backup failed at the copy, after the login, with a vague line).
ROOM_FOR_A_JOURNAL: dict[str, Callable[[W, str], str]] = {
    "name-without-room-for-its-journal": lambda w, _ok: w.new("x" * 236),
}
#: The registry CSV of import-people.
CSV: dict[str, Callable[[W], str]] = {
    "missing": lambda w: w.new("assente.csv"),
    "directory": lambda w: w.folder(),
    "unreadable": lambda w: w.under_a_file("anagrafe.csv"),
    "binary": lambda w: w.file("office.sqlite"),
    "endless": lambda _w: "/dev/zero",
    "pipe": lambda w: w.pipe("tubo.csv"),
    "empty": lambda w: w.empty("vuoto.csv"),
    "long-line": lambda w: _write(w, "lunga.csv", "cognome;nome\n" + "x" * 20_000 + "\n"),
    "not-a-registry": lambda w: w.file("text.txt"),
}
#: A bundle file read by a command.
BUNDLE: dict[str, Callable[[W], str]] = {
    "missing": lambda w: w.new("assente.casa"),
    "directory": lambda w: w.folder(),
    "unreadable": lambda w: w.under_a_file("pacchetto.casa"),
    "not-a-bundle": lambda w: w.file("text.txt"),
    "pipe": lambda w: w.pipe("tubo.casa"),
    "truncated": lambda w: w.truncated("push.casa"),
    "foreign-zip": lambda w: w.zip_with("altro.casa", {"a.txt": b"ciao"}),
    "non-ascii-signature": lambda w: w.bad_signature(),
    "nested-manifest": lambda w: w.nested_manifest(),
}


def _loop(w: W, name: str) -> str:
    """A symbolic link to itself."""
    path = w.root / name
    path.symlink_to(path)
    return str(path)


def _alias(w: W, name: str, alias: str) -> str:
    """A copy of the workspace's ``name`` (made on first use) under ``alias``."""
    w.file(name.removesuffix(".keys"))
    shutil.copyfile(w.root / name, w.root / alias)
    return str(w.root / alias)


def _beside_keys(w: W, name: str) -> str:
    """A new file ``name`` with a copy of the office's key file beside it (``name.keys``)."""
    _alias(w, "office.sqlite.keys", f"{name}.keys")
    return w.new(name)


def _write(w: W, name: str, text: str) -> str:
    path = w.root / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# -- the commands, each with its valid invocation and what can go wrong --------------------
def _cases() -> list[Case]:  # noqa: PLR0915 - one block per subcommand, read top to bottom
    cases: list[Case] = []

    def add(
        command: str, slot: str, variants: dict[str, Callable[..., str]], build: Callable
    ) -> None:
        for name, make in variants.items():
            cases.append(
                Case(command, f"{slot}={name}", lambda w, make=make, build=build: build(w, make))
            )

    def values(command: str, argvs: dict[str, Argv]) -> None:
        for name, argv in argvs.items():
            cases.append(Case(command, name, argv))

    def full(command: str, argv: Argv) -> None:
        cases.append(Case(command, "full-disk", argv, full_disk=True))

    # backup
    def backup(w: W, db: str | None = None, out: str | None = None) -> list[str]:
        return [
            "backup",
            "--db",
            db or w.file("office.sqlite"),
            "--out",
            out or w.new("copia.sqlite"),
        ]

    add("backup", "--db", STORE, lambda w, m: backup(w, db=m(w)))
    add("backup", "--out", {**OUT, **ROOM_FOR_A_JOURNAL}, lambda w, m: backup(w, out=m(w, "")))
    full("backup", backup)

    # demo
    def demo(w: W, db: str | None = None, until: str = "2026-10-01") -> list[str]:
        return [
            "demo",
            "--db",
            db or w.new("demo.sqlite"),
            "--people",
            "5",
            "--contacts",
            "30",
            "--until",
            until,
        ]

    add(
        "demo",
        "--db",
        {
            **NOT_A_BACKUP,
            **ROOM_FOR_A_JOURNAL,
            "existing": lambda w, _ok: w.file("text.txt"),
            # the store would go to the link's target, its key file beside the link
            "dangling-symlink": lambda w, _ok: w.link(w.new("altrove.sqlite"), "symlink"),
        },
        lambda w, m: demo(w, m(w, "")),
    )
    values(
        "demo",
        {
            "until-9999-12-31": lambda w: demo(w, until="9999-12-31"),
            "until-0001-01-01": lambda w: demo(w, until="0001-01-01"),
            "unknown-office": lambda w: [*demo(w), "--presidio", "ATLANTIDE"],
            "negative-people": lambda w: [*demo(w), "--people", "-3"],
        },
    )
    full("demo", demo)

    # import-people (and its dry run)
    for dry in ([], ["--dry-run"]):
        name = "import-people" + (" --dry-run" if dry else "")

        def importing(
            w: W, file: str | None = None, db: str | None = None, dry: list[str] = dry
        ) -> list[str]:
            return [
                "import-people",
                file or w.file("registry.csv"),
                "--db",
                db or w.file("office.sqlite"),
                *dry,
            ]

        add(name, "--db", STORE, lambda w, m, f=importing: f(w, db=m(w)))
        add(name, "FILE", CSV, lambda w, m, f=importing: f(w, file=m(w)))
    full(
        "import-people",
        lambda w: ["import-people", w.file("registry.csv"), "--db", w.file("office.sqlite")],
    )

    # report
    def report(
        w: W,
        db: str | None = None,
        out: str | None = None,
        csv: str | None = None,
        month: str = "2026-09",
    ) -> list[str]:
        return [
            "report",
            "--db",
            db or w.file("office.sqlite"),
            "--month",
            month,
            "--all",
            "--out",
            out or w.new("rapporto.pdf"),
            "--csv",
            csv or w.new("rapporto.csv"),
        ]

    add("report", "--db", STORE, lambda w, m: report(w, db=m(w)))
    add("report", "--out", NOT_A_BACKUP, lambda w, m: report(w, out=m(w, "")))
    add("report", "--csv", NOT_A_BACKUP, lambda w, m: report(w, csv=m(w, "")))
    values(
        "report",
        {
            "csv-is-pdf": lambda w: report(w, out=w.new("r.pdf"), csv=w.new("r.pdf")),
            "month-9999-12": lambda w: report(w, month="9999-12"),
            "month-2026-13": lambda w: report(w, month="2026-13"),
            "unknown-office": lambda w: [*report(w)[:5], "--presidio", "ATLANTIDE", *report(w)[6:]],
        },
    )
    full("report", report)

    # letter
    def letter(w: W, db: str | None = None, out: str | None = None, ref: str = "") -> list[str]:
        return [
            "letter",
            "--db",
            db or w.file("office.sqlite"),
            "--referral",
            ref or w.template.referral,
            "--out",
            out or w.new("lettera.pdf"),
            "--break-glass",  # the template's referral may be of a riservato person
            "richiesta del servizio n. 1",
        ]

    add("letter", "--db", STORE, lambda w, m: letter(w, db=m(w)))
    add("letter", "--out", NOT_A_BACKUP, lambda w, m: letter(w, out=m(w, "")))
    values("letter", {"unknown-referral": lambda w: letter(w, ref="nessuna")})
    full("letter", letter)

    # person export / erase, retention (issue 11)
    def person_export(
        w: W, db: str | None = None, out: str | None = None, who: str = ""
    ) -> list[str]:
        return [
            "person",
            "export",
            "--db",
            db or w.file("office.sqlite"),
            "--id",
            who or w.template.person,
            "--out",
            out or w.new("dati.pdf"),
            "--break-glass",
            "richiesta di accesso di prova",
        ]

    add("person export", "--db", STORE, lambda w, m: person_export(w, db=m(w)))
    add("person export", "--out", NOT_A_BACKUP, lambda w, m: person_export(w, out=m(w, "")))
    values("person export", {"unknown-person": lambda w: person_export(w, who="nessuno")})
    full("person export", person_export)

    def person_erase(w: W, db: str | None = None, who: str = "", reason: str = "") -> list[str]:
        return [
            "person",
            "erase",
            "--db",
            db or w.file("office.sqlite"),
            "--id",
            who or w.template.person,
            "--reason",
            reason or "richiesta scritta di prova",
            "--yes",
        ]

    add("person erase", "--db", STORE, lambda w, m: person_erase(w, db=m(w)))
    values(
        "person erase",
        {
            "unknown-person": lambda w: person_erase(w, who="nessuno"),
            "short-reason": lambda w: person_erase(w, reason="breve"),
            # irreversible: with no terminal to ask on, only --yes confirms it
            "without-yes": lambda w: person_erase(w)[:-1],
        },
    )

    def retention_argv(w: W, db: str | None = None, as_of: str = "2026-10-01") -> list[str]:
        return ["retention", "--db", db or w.file("office.sqlite"), "--as-of", as_of]

    add("retention", "--db", STORE, lambda w, m: retention_argv(w, db=m(w)))
    values(
        "retention",
        {
            "as-of-2026-13-01": lambda w: retention_argv(w, as_of="2026-13-01"),
            "as-of-0001-01-01": lambda w: retention_argv(w, as_of="0001-01-01"),
            "as-of-0001-01-01-dry-run": lambda w: [
                *retention_argv(w, as_of="0001-01-01"),
                "--dry-run",
            ],
            "as-of-future": lambda w: retention_argv(w, as_of="2099-01-01"),
        },
    )

    # hub serve (no valid run: it would serve for ever)
    def serve(w: W, db: str | None = None, port: str = "") -> list[str]:
        return ["hub", "serve", "--db", db or w.file("hub.sqlite"), "--port", port or "1"]

    # serve makes its database's folder (owner-only): a missing one is not a bad input there
    serving = {k: v for k, v in NEW_HUB.items() if k != "missing-folder"}
    add("hub serve", "--db", serving, lambda w, m: serve(w, db=m(w), port=str(dead_port())))
    values(
        "hub serve",
        {
            "port-99999": lambda w: serve(w, port="99999"),
            "port-0": lambda w: serve(w, port="0"),
            "port-text": lambda w: serve(w, port="ottanta"),
            "port-busy": lambda w: serve(w, port=str(w.busy_port)),
            "host-unknown": lambda w: [
                *serve(w, port=str(dead_port())),
                "--host",
                "nessuno.invalid",
            ],
        },
    )

    # hub device-add
    def device_add(w: W, db: str | None = None, out: str | None = None) -> list[str]:
        return [
            "hub",
            "device-add",
            "--db",
            db or w.file("hub.sqlite"),
            "--presidio",
            "SAN-SIRO",
            "--out",
            out or w.new("abbinamento.json"),
        ]

    add("hub device-add", "--db", NEW_HUB, lambda w, m: device_add(w, db=m(w)))
    add(
        "hub device-add",
        "--out",
        {**NOT_A_BACKUP, "the-hub": lambda w, _ok: w.file("hub.sqlite")},
        lambda w, m: device_add(w, out=m(w, "")),
    )
    values(
        "hub device-add",
        {
            "unknown-office": lambda w: [*device_add(w)[:5], "ATLANTIDE", *device_add(w)[6:]],
            "bad-hub-url": lambda w: [*device_add(w), "--hub-url", "::::"],
        },
    )
    full("hub device-add", device_add)

    # hub device-code (a fresh code, and with --out a new enrolment file, for a device)
    def device_code(
        w: W, db: str | None = None, out: str | None = None, device: str = ""
    ) -> list[str]:
        return [
            "hub",
            "device-code",
            "--db",
            db or w.file("hub.sqlite"),
            device or w.template.device,
            "--out",
            out or w.new("abbinamento.json"),
        ]

    add("hub device-code", "--db", HUB, lambda w, m: device_code(w, db=m(w)))
    add(
        "hub device-code",
        "--out",
        {**NOT_A_BACKUP, "the-hub": lambda w, _ok: w.file("hub.sqlite")},
        lambda w, m: device_code(w, out=m(w, "")),
    )
    values(
        "hub device-code",
        {
            "unknown-device": lambda w: device_code(w, device="nessuno"),
            "bad-hub-url": lambda w: [*device_code(w), "--hub-url", "::::"],
        },
    )
    full("hub device-code", device_code)

    # hub backup (a SQLite hub; PostgreSQL is pg_dump's)
    def hub_backup(w: W, db: str | None = None, out: str | None = None) -> list[str]:
        return [
            "hub",
            "backup",
            "--db",
            db or w.file("hub.sqlite"),
            "--out",
            out or w.new("copia-sede.sqlite"),
        ]

    add("hub backup", "--db", HUB, lambda w, m: hub_backup(w, db=m(w)))
    add(
        "hub backup",
        "--out",
        {**NOT_A_BACKUP, **ROOM_FOR_A_JOURNAL, "the-hub": lambda w, _ok: w.file("hub.sqlite")},
        lambda w, m: hub_backup(w, out=m(w, "")),
    )
    values(
        "hub backup",
        {"postgresql": lambda w: hub_backup(w, db="postgresql://sede@127.0.0.1:1/hub")},
    )
    full("hub backup", hub_backup)

    # hub esf-duplicates (reads only: no full-disk case)
    def duplicates(w: W, db: str | None = None) -> list[str]:
        return ["hub", "esf-duplicates", "--db", db or w.file("hub.sqlite")]

    add("hub esf-duplicates", "--db", HUB, lambda w, m: duplicates(w, db=m(w)))

    # hub device-list (reads only)
    add(
        "hub device-list",
        "--db",
        HUB,
        lambda w, m: ["hub", "device-list", "--db", m(w) or w.file("hub.sqlite")],
    )

    # settings set (head office's store only)
    def setting(
        w: W, db: str | None = None, key: str = "esf.cup", value: str = "E41B21000000006"
    ) -> list[str]:
        return ["settings", "--db", db or w.file("sede.sqlite"), "set", key, value]

    add("settings set", "--db", STORE, lambda w, m: setting(w, db=m(w)))
    values(
        "settings set",
        {
            "office-store": lambda w: setting(w, db=w.file("office.sqlite")),
            "unknown-key": lambda w: setting(w, key="esf.colore"),
            "bad-cup": lambda w: setting(w, value="E41"),
            "unknown-office": lambda w: [*setting(w), "--presidio", "ATLANTIDE"],
        },
    )
    full("settings set", setting)

    # hub device-revoke, new-epoch
    def revoke(w: W, db: str | None = None, device: str = "") -> list[str]:
        return [
            "hub",
            "device-revoke",
            "--db",
            db or w.file("hub.sqlite"),
            device or w.template.device,
        ]

    add("hub device-revoke", "--db", HUB, lambda w, m: revoke(w, db=m(w)))
    values("hub device-revoke", {"unknown-device": lambda w: revoke(w, device="nessuno")})
    full("hub device-revoke", revoke)

    def epoch(w: W, db: str | None = None) -> list[str]:
        return ["hub", "new-epoch", "--db", db or w.file("hub.sqlite")]

    add("hub new-epoch", "--db", HUB, lambda w, m: epoch(w, db=m(w)))
    full("hub new-epoch", epoch)

    # hub import-bundle
    def hub_import(
        w: W, file: str | None = None, db: str | None = None, reply: str | None = None
    ) -> list[str]:
        return [
            "hub",
            "import-bundle",
            file or w.file("push.casa"),
            "--db",
            db or w.file("hub.sqlite"),
            "--reply",
            reply or w.new("risposta.casa"),
        ]

    add("hub import-bundle", "--db", HUB, lambda w, m: hub_import(w, db=m(w)))
    add(
        "hub import-bundle",
        "FILE",
        {
            **BUNDLE,
            "a-reply": lambda w: w.file("reply.casa"),
            # read as a ZIP file after the hub was opened: "Pacchetto illeggibile"
            "the-hub": lambda w: w.file("hub.sqlite"),
        },
        lambda w, m: hub_import(w, file=m(w)),
    )
    add(
        "hub import-bundle",
        "--reply",
        {
            **NOT_A_BACKUP,
            "the-bundle": lambda w, _ok: w.file("push.casa"),
            "the-hub": lambda w, _ok: w.file("hub.sqlite"),
        },
        lambda w, m: hub_import(w, reply=m(w, "")),
    )
    full("hub import-bundle", hub_import)

    # encrypt (a store made before encryption)
    def encrypt(w: W, db: str | None = None) -> list[str]:
        return ["encrypt", "--db", db or w.file("plain.sqlite")]

    add("encrypt", "--db", STORE, lambda w, m: encrypt(w, db=m(w)))
    values(
        "encrypt",
        {
            "already-encrypted": lambda w: encrypt(w, db=w.file("office.sqlite")),
            # the copy would replace the link, the plain store left in clear at its target
            "symlink-to-plain": lambda w: encrypt(w, db=w.link(w.file("plain.sqlite"), "symlink")),
        },
    )
    full("encrypt", encrypt)

    # user … (administrators; a new password on standard input)
    def user(w: W, action: str, *rest: str, db: str | None = None, secret: str = "") -> list[str]:
        w.stdin = secret or "una frase nuova e lunga\n"
        return ["user", action, *rest, "--db", db or w.file("office.sqlite")]

    def user_add(w: W, db: str | None = None, name: str = "nuovo", secret: str = "") -> list[str]:
        return [
            *user(w, "add", name, db=db, secret=secret),
            "--name",
            "Nuovo Utente",
            "--role",
            "operatore",
            "--password-stdin",
        ]

    add("user add", "--db", STORE, lambda w, m: user_add(w, db=m(w)))
    values(
        "user add",
        {
            "weak-password": lambda w: user_add(w, secret="corta\n"),
            "no-password": lambda w: [*user_add(w, secret="\n")],
            "taken": lambda w: user_add(w, name="prova.admin"),
            "bad-username": lambda w: user_add(w, name="con spazi"),
            "unknown-role": lambda w: [*user_add(w)[:-3], "capo", "--password-stdin"],
        },
    )
    full("user add", user_add)
    add("user list", "--db", STORE, lambda w, m: user(w, "list", db=m(w)))

    def passwd(w: W, db: str | None = None, name: str = "prova.admin") -> list[str]:
        return [*user(w, "passwd", name, db=db), "--password-stdin"]

    add("user passwd", "--db", STORE, lambda w, m: passwd(w, db=m(w)))
    values("user passwd", {"unknown-user": lambda w: passwd(w, name="nessuno")})
    full("user passwd", passwd)
    add("user disable", "--db", STORE, lambda w, m: user(w, "disable", "nessuno", db=m(w)))
    values(
        "user disable",
        {
            "unknown-user": lambda w: user(w, "disable", "nessuno"),
            "oneself": lambda w: user(w, "disable", "prova.admin"),
        },
    )

    def recovery_code(w: W, db: str | None = None) -> list[str]:
        return user(w, "recovery-code", db=db)

    add("user recovery-code", "--db", STORE, lambda w, m: recovery_code(w, db=m(w)))
    full("user recovery-code", recovery_code)

    def recover(w: W, db: str | None = None, code: str = "") -> list[str]:
        os.environ["CASA_DESK_RECOVERY_CODE"] = code or w.template.recovery
        return [*user(w, "recover", "prova.admin", db=db), "--password-stdin"]

    add("user recover", "--db", STORE, lambda w, m: recover(w, db=m(w)))
    values(
        "user recover",
        {
            "wrong-code": lambda w: recover(w, code="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GG"),
            "no-code-made": lambda w: recover(w, db=w.file("unenrolled.sqlite")),
        },
    )
    full("user recover", recover)

    # enrol (a new store from the enrolment file; or online)
    def enrol(w: W, db: str | None = None, file: str | None = None) -> list[str]:
        return [
            "enrol",
            "--db",
            db or w.new("nuovo.sqlite"),
            "--file",
            file or w.file("enrol.json"),
        ]

    # A missing or empty --db is where enrol makes the new store: not a bad input.
    add(
        "enrol",
        "--db",
        {k: v for k, v in STORE.items() if k not in ("missing", "empty")},
        lambda w, m: enrol(w, db=m(w)),
    )
    add(
        "enrol",
        "--file",
        {
            "missing": lambda w: w.new("assente.json"),
            "directory": lambda w: w.folder(),
            "unreadable": lambda w: w.under_a_file("abbinamento.json"),
            "not-json": lambda w: w.file("text.txt"),
            "pipe": lambda w: w.pipe("tubo.json"),
            "a-bundle": lambda w: w.file("push.casa"),
            "nested": lambda w: _write(w, "annidato.json", "[" * 20_000 + "]" * 20_000),
            "another-format": lambda w: w.enrolment_with("formato.json", format="altro/1"),
            "token-a-number": lambda w: w.enrolment_with("numero.json", token=12345),
            "bundle-key-not-a-key": lambda w: w.enrolment_with("chiave.json", bundle_key="zz"),
            "office-an-object": lambda w: w.enrolment_with("oggetto.json", presidio={"a": 1}),
            "head-office-as-text": lambda w: w.enrolment_with("testo.json", head_office="no"),
            "hub-url-a-number": lambda w: w.enrolment_with("url.json", hub_url=8765),
            "padded-past-64k": lambda w: _write(
                w, "lungo.json", Path(w.file("enrol.json")).read_text() + " " * 70_000
            ),
        },
        lambda w, m: enrol(w, file=m(w)),
    )
    values(
        "enrol",
        {
            "missing-folder": lambda w: enrol(w, db=w.new("manca/nuovo.sqlite")),
            # a new store named like a key file, or beside a key file alone: the key file
            # of a backup taken to a stick was replaced with the new store's
            "db-named-like-a-key-file": lambda w: enrol(w, db=w.new("nuovo.keys")),
            "db-beside-a-lone-key-file": lambda w: enrol(w, db=_beside_keys(w, "nuovo.sqlite")),
            # a new store through a link: its key file would go beside the link, split
            "dangling-symlink-db": lambda w: enrol(
                w, db=w.link(w.new("altrove.sqlite"), "symlink")
            ),
            "hub-unreachable": lambda w: [
                "enrol",
                "--db",
                w.new("nuovo.sqlite"),
                "--hub",
                f"http://127.0.0.1:{dead_port()}",
                "--code",
                "ABCD-EFGH",
            ],
            "bad-hub-url": lambda w: [
                "enrol",
                "--db",
                w.new("nuovo.sqlite"),
                "--hub",
                "::::",
                "--code",
                "X",
            ],
        },
    )
    full("enrol", enrol)

    # sync (the hub is never up here: that is one of the bad inputs)
    def sync(w: W, db: str | None = None, hub: str = "") -> list[str]:
        return [
            "sync",
            "--db",
            db or w.file("office.sqlite"),
            "--hub",
            hub or f"http://127.0.0.1:{dead_port()}",
        ]

    add("sync", "--db", STORE, lambda w, m: sync(w, db=m(w)))
    values(
        "sync",
        {
            "hub-unreachable": sync,
            "hub-url-colons": lambda w: sync(w, hub="::::"),
            "hub-url-ftp": lambda w: sync(w, hub="ftp://sede"),
            "hub-url-port": lambda w: sync(w, hub="http://sede:99999"),
            "not-enrolled": lambda w: sync(w, db=w.file("unenrolled.sqlite")),
        },
    )

    # bundle export / import
    def export(w: W, db: str | None = None, out: str | None = None) -> list[str]:
        return [
            "bundle",
            "export",
            "--db",
            db or w.file("office.sqlite"),
            "--out",
            out or w.new("invio.casa"),
        ]

    add("bundle export", "--db", STORE, lambda w, m: export(w, db=m(w)))
    add("bundle export", "--out", NOT_A_BACKUP, lambda w, m: export(w, out=m(w, "")))
    full("bundle export", export)

    def bundle_import(w: W, db: str | None = None, file: str | None = None) -> list[str]:
        return [
            "bundle",
            "import",
            "--db",
            db or w.file("office.sqlite"),
            file or w.file("reply.casa"),
        ]

    add("bundle import", "--db", STORE, lambda w, m: bundle_import(w, db=m(w)))
    add(
        "bundle import",
        "FILE",
        {
            **BUNDLE,
            "a-push": lambda w: w.file("push.casa"),
            "the-store": lambda w: w.file("office.sqlite"),
            "the-key-file": lambda w: w.file("office.sqlite") + ".keys",
            "hardlink-to-store": lambda w: w.link(w.file("office.sqlite"), "hardlink"),
        },
        lambda w, m: bundle_import(w, file=m(w)),
    )
    full("bundle import", bundle_import)
    return cases


CASES = _cases()


# -- running them ----------------------------------------------------------------------------
class FullDiskConnection(sqlite3.Connection):
    """A connection whose commits fail as on a full disk once it has changed rows."""

    _mark = 0

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        head = sql.lstrip()[:6].upper()
        if head.startswith("BEGIN"):
            self._mark = self.total_changes
        elif head.startswith(("COMMIT", "END")) and self.total_changes > self._mark:
            raise _full()
        return super().execute(sql, *args)  # type: ignore[arg-type]

    def commit(self) -> None:
        if self.in_transaction and self.total_changes > self._mark:
            raise _full()
        super().commit()


class FullDiskCipherConnection(binding.Connection):  # type: ignore[misc]
    """The same for the stores' binding (SQLCipher's)."""

    _mark = 0

    def execute(self, sql: str, *args: object) -> object:
        head = sql.lstrip()[:6].upper()
        if head.startswith("BEGIN"):
            self._mark = self.total_changes
        elif head.startswith(("COMMIT", "END")) and self.total_changes > self._mark:
            raise _full(binding)
        return super().execute(sql, *args)

    def commit(self) -> None:
        if self.in_transaction and self.total_changes > self._mark:
            raise _full(binding)
        super().commit()


def _full(module: object = sqlite3) -> sqlite3.OperationalError:
    error = module.OperationalError("database or disk is full")  # type: ignore[attr-defined]
    error.sqlite_errorcode = module.SQLITE_FULL  # type: ignore[attr-defined]
    return error  # type: ignore[no-any-return]


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """ENOSPC at the operating system's door and SQLITE_FULL at SQLite's (see the docstring),
    for the hub's binding (the standard library's) and the stores' (SQLCipher's)."""
    real_connect = sqlite3.connect
    real_cipher_connect = binding.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        kwargs.setdefault("factory", FullDiskConnection)
        return real_connect(*args, **kwargs)  # type: ignore[arg-type]

    def cipher_connect(*args: object, **kwargs: object) -> object:
        kwargs.setdefault("factory", FullDiskCipherConnection)
        return real_cipher_connect(*args, **kwargs)

    def fsync(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", connect)
    monkeypatch.setattr(binding, "connect", cipher_connect)
    monkeypatch.setattr(os, "fsync", fsync)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return build_template(tmp_path_factory.mktemp("corpus") / "template")


@pytest.fixture(scope="module")
def busy() -> Iterator[int]:
    sock, port = busy_port()
    yield port
    sock.close()


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse
        status = exc.code if isinstance(exc.code, int) else 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip() and not _progress(line)]
    return status, lines


_PROGRESS = re.compile(r"^[^:]+: [\d.]+/[\d.]+ \(\d+%\)( in [\d.]+,\d s)?$")


def _progress(line: str) -> bool:
    """The demo's progress lines ("Persone: 5/5 (100%) in 0,0 s"): not the error."""
    return bool(_PROGRESS.match(line.strip()))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_one_line_nothing_changed(
    case: Case,
    template: Template,
    busy: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    w = Workspace(template, tmp_path / "case", busy_port=busy)
    w.root.mkdir()
    monkeypatch.delenv("CASA_DESK_RECOVERY_CODE", raising=False)
    try:
        argv = case.argv(w)
        monkeypatch.setattr(sys, "stdin", io.StringIO(w.stdin))
        before = fingerprint(w.root, w.keep_open)
        if case.full_disk:
            request.getfixturevalue("full_disk")
        status, lines = run(argv, capsys)
        after = fingerprint(w.root, w.keep_open)
    finally:
        w.close()
    assert status != 0, (argv, lines)
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0] and lines[0].startswith("casa-desk"), lines
    assert after == before, lines
    shutil.rmtree(w.root, ignore_errors=True)  # a few MB per case: do not keep them all


def test_corpus_covers_every_subcommand() -> None:
    """Every subcommand of the parser has cases (a new one must join the corpus)."""
    from casa_desk.cli import build_parser

    parser = build_parser()
    names: set[str] = set()
    for action in parser._subparsers._group_actions:  # noqa: SLF001 - argparse has no API
        for name, sub in action.choices.items():
            nested = [a for a in sub._actions if a.__class__.__name__ == "_SubParsersAction"]
            names |= {f"{name} {n}" for a in nested for n in a.choices} if nested else {name}
    covered = {c.command.split(" --")[0] for c in CASES}
    assert names <= covered, names - covered


FULL_DISK = [c for c in CASES if c.full_disk]


@pytest.mark.parametrize("case", FULL_DISK, ids=[c.command for c in FULL_DISK])
def test_the_valid_invocation_works(
    case: Case,
    template: Template,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each command's full-disk case is its valid invocation: on a healthy disk it succeeds,
    so every failure above comes from the one thing each case gets wrong."""
    w = Workspace(template, tmp_path / "case")
    w.root.mkdir()
    monkeypatch.delenv("CASA_DESK_RECOVERY_CODE", raising=False)
    try:
        argv = case.argv(w)
        monkeypatch.setattr(sys, "stdin", io.StringIO(w.stdin))
        status, lines = run(argv, capsys)
    finally:
        w.close()
    assert status == 0, lines
    assert not list(w.root.glob("*.tmp")) and not list(w.root.glob(".*.tmp"))
    shutil.rmtree(w.root, ignore_errors=True)


PIPED = {
    "report --db": lambda w: [
        *["report", "--db", w.pipe("tubo.sqlite"), "--month", "2026-09", "--all"],
        *["--out", w.new("rapporto.pdf")],
    ],
    "bundle import": lambda w: ["bundle", "import", "--db", w.file("office.sqlite"), w.pipe()],
    "hub import-bundle": lambda w: [
        *["hub", "import-bundle", w.pipe(), "--db", w.file("hub.sqlite")],
        *["--reply", w.new("risposta.casa")],
    ],
    "enrol --file": lambda w: ["enrol", "--db", w.new("nuovo.sqlite"), "--file", w.pipe()],
    "hub device-add --db": lambda w: [
        *["hub", "device-add", "--db", w.pipe("tubo-hub.sqlite"), "--presidio", "SAN-SIRO"]
    ],
}


@pytest.mark.parametrize("argv", PIPED.values(), ids=PIPED.keys())
def test_a_pipe_is_called_what_it_is(
    argv: Argv, template: Template, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A named pipe given for a file is "not a regular file", not "not found" (it is there)
    nor a database error."""
    w = Workspace(template, tmp_path)
    status, lines = run(argv(w), capsys)
    assert status == 1 and len(lines) == 1 and "non è un file normale" in lines[0], lines
