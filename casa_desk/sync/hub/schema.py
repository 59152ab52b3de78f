"""The hub's tables, built from the store's table specs (SQLAlchemy Core).

The mirror tables carry the store's names and columns (``people``, ``contacts``…) so an
analyst can query the hub directly. Beside them: ``devices`` (enrolled PCs, tokens hashed),
``change_log`` (every accepted change once, ``seq`` in commit order), ``rejections`` (and
``late_rejections``, those told at a later hello), ``parked_changes``, ``sync_conflicts``,
``device_volume`` (what each device had accepted, by the hour) and ``hub_meta`` (epoch).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
)

from casa_desk.store.tables import SYNCED_TABLES

metadata = MetaData()

_BIGINT = BigInteger().with_variant(Integer, "sqlite")  # SQLite: INTEGER PRIMARY KEY = rowid


def _column(name: str, kind: type) -> Column:  # type: ignore[type-arg]
    if name == "id":
        return Column("id", Text, primary_key=True)
    return Column(name, BigInteger if kind is int else Text)


MIRRORS: dict[str, Table] = {
    spec.name: Table(spec.name, metadata, *(_column(n, k) for n, k in spec.all_columns.items()))
    for spec in SYNCED_TABLES
}

#: A contact's corrections by the row they correct: the push refuses a second correction
#: of one contact (hub/rules.py :class:`Links`), one indexed look-up per batch.
Index("contacts_amends", MIRRORS["contacts"].c.amends_id)

devices = Table(
    "devices",
    metadata,
    Column("id", Text, primary_key=True),
    Column("presidio", Text, nullable=False),
    Column("head_office", Integer, nullable=False, default=0),
    Column("label", Text),
    Column("node_id", Text),  # the store's own device id, bound at first contact
    Column("code_hash", Text),  # one-time enrolment code; NULL once used
    Column("token_hash", Text, unique=True),
    Column("bundle_key", Text),  # shared with the device for bundle encryption/signature
    Column("acked_seq", BigInteger, nullable=False, default=0),
    # The change id the device sent at acked_seq: a store restored from an old backup that
    # numbered new changes up to it is told apart (casa_desk.sync.restored).
    Column("acked_change_id", Text),
    # The line of the store in use under this pairing: a copy left on an older line is
    # refused (hub/lineage.py); and when a copy of the store was last caught (device-list).
    Column("lineage", Text),
    Column("clone_seen_at", Text),
    Column("created_at", Text, nullable=False),
    Column("enrolled_at", Text),
    Column("revoked_at", Text),
)

change_log = Table(
    "change_log",
    metadata,
    Column("seq", _BIGINT, primary_key=True, autoincrement=True),
    Column("change_id", Text, nullable=False, unique=True),
    Column("device_id", Text, nullable=False),  # hub device that delivered it
    Column("node_id", Text, nullable=False),  # store that made it (change["device"])
    Column("device_seq", BigInteger),
    Column("table_name", Text, nullable=False),
    Column("row_id", Text, nullable=False),
    Column("op", Text, nullable=False),
    Column("hlc", BigInteger, nullable=False),
    Column("presidio", Text),
    Column("scope", Text),
    Column("data", Text, nullable=False),  # as received: unknown columns are kept here
    Column("base", Text),
    Column("received_at", Text, nullable=False),
    Column("operator", Text),  # the desk's operator who sent it (attribution; may be NULL)
)
Index("change_log_scope", change_log.c.scope, change_log.c.seq)

rejections = Table(
    "rejections",
    metadata,
    Column("change_id", Text, primary_key=True),
    Column("device_id", Text, nullable=False),
    Column("table_name", Text),
    Column("row_id", Text),
    Column("reason", Text, nullable=False),
    Column("at", Text, nullable=False),
    # The refused change's operation: only a refused ``insert`` says that its row will never
    # come (hub/push.py ``_refused_inserts``). NULL where not known: refusals kept by a hub
    # before it was, and parked edits dropped after their days (edits, never inserts).
    Column("op", Text),
)
Index("rejections_device", rejections.c.device_id, rejections.c.at)  # the bound per device

#: Edits of a row the hub does not hold yet, kept until its insert arrives. Only a hub
#: restored from a backup meets them: an office re-sends its edit of a row that another
#: office made after the backup, before that office re-sends the row itself. Refused, the
#: edit was lost for good (and the office never matched the hub again); kept here, it is
#: checked and merged the moment the row arrives (hub/push.py).
parked = Table(
    "parked_changes",
    metadata,
    Column("change_id", Text, primary_key=True),
    Column("device_id", Text, nullable=False),  # the hub device that delivered it
    Column("table_name", Text, nullable=False),
    Column("row_id", Text, nullable=False),
    Column("hlc", BigInteger, nullable=False),
    Column("change", Text, nullable=False),  # the change as received, seq included
    Column("at", Text, nullable=False),
    # ``change``'s length in bytes, for the bound per device (hub/push.py); rows parked
    # before it was kept get their text's length at the hub's start
    Column("size", BigInteger),
)
Index("parked_row", parked.c.row_id)
Index("parked_device", parked.c.device_id, parked.c.size)

#: Refusals an office was not told in its push's answer: a parked edit refused when its row
#: came (in another device's push, or a later one of its own), by then answered accepted.
#: Numbered per hub; ``hello`` tells each device its refusals after the number it has seen
#: (``refused_after`` → ``refused_later``), so its next sync restores the hub's version.
late_rejections = Table(
    "late_rejections",
    metadata,
    Column("seq", _BIGINT, primary_key=True, autoincrement=True),
    Column("change_id", Text, nullable=False),  # in ``rejections``
    Column("device_id", Text, nullable=False),  # the hub device that delivered the edit
    sqlite_autoincrement=True,  # numbers never reused: a device's "seen" stays true
)
Index("late_rejections_device", late_rejections.c.device_id, late_rejections.c.seq)

conflicts = Table(
    "sync_conflicts",
    metadata,
    Column("id", Text, primary_key=True),
    Column("table_name", Text, nullable=False),
    Column("row_id", Text, nullable=False),
    Column("field", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("winner_value", Text),
    Column("winner_hlc", BigInteger),
    Column("winner_device", Text),
    Column("loser_value", Text),
    Column("loser_hlc", BigInteger),
    Column("loser_device", Text),
    Column("detected_at", Text, nullable=False),
    Column("resolved_at", Text),
    # The hub device whose change found it, for the bound per device (hub/quota.py); NULL
    # for conflicts kept before it was
    Column("device_id", Text),
)
Index("conflicts_device", conflicts.c.device_id, conflicts.c.detected_at)

#: Changes (and their bytes) each device had accepted, by the hour: the last 24 hours of
#: each device, for its bound per day (hub/quota.py).
device_volume = Table(
    "device_volume",
    metadata,
    Column("device_id", Text, primary_key=True),
    Column("hour", BigInteger, primary_key=True),  # hours since 1970-01-01 UTC
    Column("changes", BigInteger, nullable=False),
    Column("bytes", BigInteger, nullable=False),
)

hub_meta = Table(
    "hub_meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text),
)
