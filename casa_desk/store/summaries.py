"""The monthly report's summaries of contacts, kept by triggers (m017).

The report's contact figures once read every current contact of the month into Python
(91,000 rows at a busy office, then 44,500 people's gender and age, then the previous
month's contacts again): ~0.6 s of its 1.06 s of CPU on the encrypted 1,000,000-contact
store (benchmarks/bench_report.py). Two derived, local tables (never synced, like
``contacts_first_seen``) hold the same counts, kept by triggers as contacts are written:

* ``contacts_month_people`` (presidio, month, person_id, n): the current contacts of each
  person at each office in each calendar month in Europe/Rome (``''``: anonymous);
* ``contacts_hour_counts`` (presidio, hour, category, channel, n): the current contacts by
  topic and channel in each UTC hour (``YYYY-MM-DDTHH``). Rome's offsets are whole hours, so
  every Rome day, week and month starts on a UTC hour: the report sums a range of hours,
  and no Rome time is computed here.

A contact counts when it is *current* (:mod:`casa_desk.store.current`: not deleted, no row
amends it) and dated. The triggers add +1 for a row that becomes current and −1 for one that
stops: a new row (unless a correction of it came first, as sync may bring them), the row a
correction amends, a row updated (sync brings newer versions), a row deleted (an erasure's
scrub) and the row it had amended, which counts again. A delta costs two index upserts per
contact; recomputing a group at every write would cost a scan of it. Zero counts are
deleted, so the tables equal :func:`rebuild_summaries` exactly (tests compare them).
"""

from __future__ import annotations

from sqlite_utils import Database

from casa_desk.store.current import current

#: The Europe/Rome calendar month (``YYYY-MM``) of a UTC text ``{x}``. Only the last hours of
#: a month can fall in the next one, and on a month's last day the offset is +2 h (CEST)
#: from the end of March to the end of September and +1 h (CET) at the end of every other
#: month (EU rule: CEST runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
#: last Sunday of October, both on or before the 31st). Tested hour by hour against
#: ``models.timeutil.rome_month_bounds``. A text SQLite cannot read keeps its own first
#: seven characters (never NULL: a malformed synced row must not fail its write). Before
#: 22:00 UTC on the 28th no offset can reach the next month: the text's own month, no
#: date arithmetic (most contacts; a trigger computes this for every row a pull applies).
ROME_MONTH = (
    "CASE WHEN substr({x}, 9, 5) < '28T22' THEN substr({x}, 1, 7) ELSE "
    "coalesce(strftime('%Y-%m', {x}, CASE WHEN substr({x}, 6, 2) BETWEEN '03' AND '09' "
    "THEN '+2 hours' ELSE '+1 hours' END), substr({x}, 1, 7)) END"
)

#: What of a birth date ``{x}`` the age at a month's end depends on (``models.esf.year_month``:
#: year and month, a full date only if it is a real one): ``YYYY-MM`` of a real
#: ``YYYY-MM-DD…`` date, the text itself otherwise (the report's Python reads both alike).
BIRTH_KEY = (
    "CASE WHEN length({x}) >= 10 AND date(substr({x}, 1, 10)) IS substr({x}, 1, 10) "
    "THEN substr({x}, 1, 7) ELSE coalesce({x}, '') END"
)

#: The UTC hour of a UTC text, as the key of ``contacts_hour_counts``.
UTC_HOUR = "substr({x}, 1, 13)"

_TABLES = """
CREATE TABLE IF NOT EXISTS contacts_month_people (
    presidio TEXT NOT NULL,
    month TEXT NOT NULL,
    person_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (presidio, month, person_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS contacts_month_demo (
    presidio TEXT NOT NULL,
    month TEXT NOT NULL,
    gender TEXT NOT NULL,
    birth TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (presidio, month, gender, birth)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS contacts_hour_counts (
    presidio TEXT NOT NULL,
    hour TEXT NOT NULL,
    category TEXT NOT NULL,
    channel TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (presidio, hour, category, channel)
) WITHOUT ROWID
"""


def _keys(row: str) -> tuple[str, str, str]:
    """SQL of the key columns of the contacts row ``row`` in contacts_month_people,
    contacts_hour_counts and contacts_month_demo (whose person is ``p``, joined by
    :func:`_with_person`)."""
    month = ROME_MONTH.format(x=f"{row}.occurred_at")
    return (
        f"{row}.presidio, {month}, coalesce({row}.person_id, '')",
        f"{row}.presidio, {UTC_HOUR.format(x=f'{row}.occurred_at')}, "
        f"coalesce({row}.category, ''), coalesce({row}.channel, '')",
        f"{row}.presidio, {month}, coalesce(p.gender, ''), {BIRTH_KEY.format(x='p.birth_date')}",
    )


def _with_person(row: str, source: str) -> str:
    """``source`` (a FROM clause, or none for NEW/OLD) with the row's person as ``p``."""
    return f"{source or 'FROM (SELECT 1)'} LEFT JOIN people p ON p.id = {row}.person_id"


#: Gender and birth are counted for contacts of a known person; anonymous ones apart.
def _named(row: str) -> str:
    return f"coalesce({row}.person_id, '') != ''"


def _counted(row: str, besides: str = "") -> str:
    """SQL: ``row`` is a current (:func:`~casa_desk.store.current.current`), dated contact
    (``besides``: a row not to count as amending it)."""
    return f"{current(row, besides=besides)} AND {row}.occurred_at IS NOT NULL"


def _was_counted(row: str) -> str:
    """SQL: ``OLD`` (``row``), the version an update or a delete has just replaced, was
    counted before it. The table now holds the new version (or nothing) under its rowid, so
    that row is not asked as amending it, and a row naming itself in ``amends_id`` (sync may
    bring anything) was amended, so never counted: the EXISTS can no longer find it."""
    return f"{_counted(row, f'{row}.rowid')} AND {row}.amends_id IS NOT {row}.id"


def _add(sign: int, row: str, where: str, source: str = "") -> str:
    """Statements adding ``sign`` to both summaries for the row ``row`` when ``where`` holds
    (``source``: its FROM clause, none for NEW/OLD); a −1 deletes the counts it empties."""
    people, hours, demo = _keys(row)
    with_person = _with_person(row, source)
    named = f"{where} AND {_named(row)}"
    sql = f"""INSERT INTO contacts_month_people (presidio, month, person_id, n)
    SELECT {people}, {sign} {source} WHERE {where}
    ON CONFLICT (presidio, month, person_id) DO UPDATE SET n = n + excluded.n;
    INSERT INTO contacts_hour_counts (presidio, hour, category, channel, n)
    SELECT {hours}, {sign} {source} WHERE {where}
    ON CONFLICT (presidio, hour, category, channel) DO UPDATE SET n = n + excluded.n;
    INSERT INTO contacts_month_demo (presidio, month, gender, birth, n)
    SELECT {demo}, {sign} {with_person} WHERE {named}
    ON CONFLICT (presidio, month, gender, birth) DO UPDATE SET n = n + excluded.n;
    """
    if sign < 0:
        sql += f"""DELETE FROM contacts_month_people WHERE n = 0
    AND (presidio, month, person_id) IN (SELECT {people} {source} WHERE {where});
    DELETE FROM contacts_hour_counts WHERE n = 0
    AND (presidio, hour, category, channel) IN (SELECT {hours} {source} WHERE {where});
    DELETE FROM contacts_month_demo WHERE n = 0
    AND (presidio, month, gender, birth) IN (SELECT {demo} {with_person} WHERE {named});
    """
    return sql


def _move_person(old: str, new: str) -> str:
    """Statements moving a person's counted contacts from the gender and birth of ``old``
    (a people row, or NULL values) to those of ``new``: a person edited, erased (birth
    cut to its month) or arriving by sync after their contacts."""
    month = ROME_MONTH.format(x="c.occurred_at")
    mine = f"FROM contacts c WHERE c.person_id = {new}.id AND {_counted('c')}"

    def key(person: str) -> str:
        if person == "NULL":
            return f"c.presidio, {month}, '', ''"
        birth = BIRTH_KEY.format(x=f"{person}.birth_date")
        return f"c.presidio, {month}, coalesce({person}.gender, ''), {birth}"

    upsert = """INSERT INTO contacts_month_demo (presidio, month, gender, birth, n)
    SELECT {key}, {sign}count(*) {mine} GROUP BY 1, 2
    ON CONFLICT (presidio, month, gender, birth) DO UPDATE SET n = n + excluded.n;"""
    return f"""{upsert.format(key=key(old), sign="-", mine=mine)}
    {upsert.format(key=key(new), sign="", mine=mine)}
    DELETE FROM contacts_month_demo WHERE n = 0
    AND (presidio, month, gender, birth) IN (SELECT {key(old)} {mine});
    """


_TARGET = "FROM contacts t"
_CHANGED = " OR ".join(
    f"OLD.{c} IS NOT NEW.{c}"
    for c in ("person_id", "presidio", "occurred_at", "deleted", "amends_id", "category", "channel")
)

# Kept as contacts are written, locally or by sync (both write the table, triggers on).
SUMMARY_TRIGGERS = f"""
CREATE TRIGGER casa_summary_insert AFTER INSERT ON contacts
WHEN {_counted("NEW")} BEGIN
    {_add(1, "NEW", "true")}
END;
CREATE TRIGGER casa_summary_amend AFTER INSERT ON contacts
WHEN NEW.amends_id IS NOT NULL BEGIN
    {
    _add(
        -1,
        "t",
        f"t.id = NEW.amends_id AND t.rowid != NEW.rowid AND {_counted('t', 'NEW.rowid')}",
        _TARGET,
    )
}
END;
CREATE TRIGGER casa_summary_update
AFTER UPDATE OF person_id, presidio, occurred_at, deleted, amends_id, category, channel
ON contacts WHEN {_CHANGED} BEGIN
    {_add(-1, "OLD", _was_counted("OLD"))}
    {_add(1, "NEW", _counted("NEW"))}
    {
    _add(
        1,
        "t",
        "OLD.amends_id IS NOT NEW.amends_id AND t.id = OLD.amends_id "
        f"AND t.rowid != NEW.rowid AND {_counted('t')}",
        _TARGET,
    )
}
    {
    _add(
        -1,
        "t",
        "OLD.amends_id IS NOT NEW.amends_id AND t.id = NEW.amends_id "
        f"AND t.rowid != NEW.rowid AND {_counted('t', 'NEW.rowid')}",
        _TARGET,
    )
}
END;
CREATE TRIGGER casa_summary_person AFTER UPDATE OF gender, birth_date ON people
WHEN OLD.gender IS NOT NEW.gender OR OLD.birth_date IS NOT NEW.birth_date BEGIN
    {_move_person("OLD", "NEW")}
END;
CREATE TRIGGER casa_summary_person_insert AFTER INSERT ON people
WHEN EXISTS (SELECT 1 FROM contacts c WHERE c.person_id = NEW.id) BEGIN
    {_move_person("NULL", "NEW")}
END;
CREATE TRIGGER casa_summary_delete AFTER DELETE ON contacts BEGIN
    {_add(-1, "OLD", _was_counted("OLD"))}
    {_add(1, "t", f"t.id = OLD.amends_id AND {_counted('t')}", _TARGET)}
END;
"""


def create_summaries(db: Database) -> None:
    """Create the three tables (if missing) and fill them from the contacts (the migration)."""
    for statement in _TABLES.split(";"):
        db.execute(statement)
    rebuild_summaries(db)


def rebuild_summaries(db: Database) -> None:
    """Recompute the three summaries from every current contact (the migration; tests compare
    it with what the triggers kept)."""
    people, hours, demo = _keys("c")
    counted = f"FROM contacts c WHERE {_counted('c')}"
    db.execute("DELETE FROM contacts_month_people")
    db.execute(
        "INSERT INTO contacts_month_people (presidio, month, person_id, n) "
        f"SELECT {people}, count(*) {counted} GROUP BY 1, 2, 3"
    )
    db.execute("DELETE FROM contacts_hour_counts")
    db.execute(
        "INSERT INTO contacts_hour_counts (presidio, hour, category, channel, n) "
        f"SELECT {hours}, count(*) {counted} GROUP BY 1, 2, 3, 4"
    )
    db.execute("DELETE FROM contacts_month_demo")
    db.execute(
        "INSERT INTO contacts_month_demo (presidio, month, gender, birth, n) "
        f"SELECT {demo}, count(*) {_with_person('c', 'FROM contacts c')} "
        f"WHERE {_counted('c')} AND {_named('c')} GROUP BY 1, 2, 3, 4"
    )


__all__ = [
    "BIRTH_KEY",
    "ROME_MONTH",
    "SUMMARY_TRIGGERS",
    "UTC_HOUR",
    "create_summaries",
    "rebuild_summaries",
]
