"""ESF participants from entry to results (issue 13): exit, immediate results, six-month
follow-up, re-entry, the keyed hash of the codice fiscale, and m007 on an old store."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from casa_desk.errors import ValidationError
from casa_desk.models.codice_fiscale import make_cf, omocode
from casa_desk.models.esf import add_months, age_band, age_on, cf_hash, follow_up_due
from casa_desk.models.timeutil import today_rome
from casa_desk.models.vocab import Programme
from casa_desk.security.tokens import new_key
from casa_desk.store.db import Store
from casa_desk.store.participants import KEY_STATE, Participants
from casa_desk.store.people import People

CF = make_cf("Esempio", "Ada", date(1980, 5, 3), "F", "F205")
ENTRY = {"entered_on": "2025-01-10", "employment_status": "inactive", "education_isced": "0-2"}


def enrolled(store: Store, cf: str | None = CF, **entry: str) -> dict:
    person = People(store).register(
        {"first_name": "Ada", "last_name": "Esempio", "birth_date": "1980-05-03",
         "codice_fiscale": cf},
        presidio="SAN-SIRO",
    )  # fmt: skip
    return Participants(store).enrol(person["id"], {**ENTRY, **entry}, presidio="SAN-SIRO")


def give_key(store: Store, key: str) -> None:
    with store.transaction():
        store.db.execute(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [KEY_STATE, key],
        )


def test_age_bands_of_both_programmes_at_their_edges() -> None:
    cases = {
        17: ("lt25", "lt18"),
        18: ("lt25", "18_29"),
        24: ("lt25", "18_29"),
        25: ("25_54", "18_29"),
        29: ("25_54", "18_29"),
        30: ("25_54", "30_54"),
        54: ("25_54", "30_54"),
        55: ("gt54", "55_plus"),
        None: ("unknown", "unknown"),
    }
    for age, (old, new) in cases.items():
        assert age_band(Programme.ESF_2014_2020, age) == old
        assert age_band(Programme.ESF_2021_2027, age) == new
    # Whole years from the year and month of birth: the birthday counts from the 1st of the
    # birth month (retention keeps only year and month; reports must not change).
    assert age_on("2000-10-11", date(2018, 9, 30)) == 17
    assert age_on("2000-10-11", date(2018, 10, 1)) == 18
    assert age_on("2000-10", date(2018, 10, 1)) == 18
    assert age_on("2000-02-29", date(2018, 2, 28)) == 18
    assert age_on("2000-02-30", date(2018, 2, 28)) is None  # not a real day
    assert age_on("2030-01-01", date(2026, 1, 1)) is None  # born after entry: a typing error
    assert age_on("1980-13-40", date(2026, 1, 1)) is None


def test_six_months_after_leaving_clips_to_the_month_end() -> None:
    assert follow_up_due(date(2026, 1, 15)) == date(2026, 7, 15)
    assert follow_up_due(date(2026, 8, 31)) == date(2027, 2, 28)
    assert follow_up_due(date(2027, 8, 31)) == date(2028, 2, 29)
    assert add_months(date(2026, 12, 5), -6) == date(2026, 6, 5)


def test_exit_with_results_then_follow_up(store: Store) -> None:
    participants = Participants(store)
    row = enrolled(store)
    participants.exit(
        row["id"], date(2025, 6, 30), ["job_searching", "education"], recorded_on=date(2025, 7, 3)
    )
    got = participants.get(row["id"])
    assert (got["exited_on"], got["exit_results_on"], got["exit_results_known"]) == (
        "2025-06-30",
        "2025-07-03",
        1,
    )
    assert [
        got[f"exit_{c}"] for c in ("job_searching", "education", "qualification", "employed")
    ] == [1, 1, 0, 0]
    with pytest.raises(ValidationError, match="sei mesi si registra dal 30/12/2025"):
        participants.record_follow_up(row["id"], ["employed"], on=date(2025, 12, 29))
    participants.record_follow_up(row["id"], ["employed"], on=date(2025, 12, 30))
    got = participants.get(row["id"])
    assert (got["followup_on"], got["followup_known"], got["followup_employed"]) == (
        "2025-12-30",
        1,
        1,
    )
    assert got["followup_improved"] == 0


def test_results_not_known_and_later_recording(store: Store) -> None:
    participants = Participants(store)
    row = enrolled(store)
    participants.exit(row["id"], date(2025, 3, 1))  # results come later
    assert participants.get(row["id"])["exit_results_on"] is None
    with pytest.raises(ValidationError, match="non noto"):
        participants.record_exit_results(row["id"], ["employed"], known=False)
    participants.record_exit_results(row["id"], [], known=False, recorded_on=date(2025, 3, 20))
    got = participants.get(row["id"])
    assert (got["exit_results_known"], got["exit_employed"]) == (0, 0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda p, i: p.exit(i, date(2025, 1, 9)), "precedere l'ingresso del 10/01/2025"),
        (lambda p, i: p.exit(i, date(2999, 1, 1)), "futuro"),
        (lambda p, i: p.record_exit_results(i, ["employed"]), "prima l'uscita"),
        (lambda p, i: p.record_follow_up(i, ["employed"]), "prima l'uscita"),
        (lambda p, i: p.reenter(i, date(2025, 5, 1)), "non è uscita"),
        (lambda p, i: p.exit(i, date(2025, 2, 1), ["promoted"]), "non previsto"),
    ],
)
def test_bad_steps_are_refused_and_change_nothing(store: Store, call, message: str) -> None:
    row = enrolled(store)
    before = store.pending_changes()
    with pytest.raises(ValidationError, match=message):
        call(Participants(store), row["id"])
    assert store.pending_changes() == before


def test_results_that_need_a_status_at_entry(store: Store) -> None:
    participants = Participants(store)
    employed = enrolled(store, employment_status="employed")
    with pytest.raises(ValidationError, match="inattivo all'ingresso"):
        participants.exit(employed["id"], date(2025, 2, 1), ["job_searching"])
    participants.exit(employed["id"], date(2025, 2, 1), ["employed"])
    participants.record_follow_up(employed["id"], ["employed", "improved"], on=date(2025, 8, 1))
    other = enrolled(store, cf=None)
    participants.exit(other["id"], date(2025, 2, 1), [])
    with pytest.raises(ValidationError, match="occupato all'ingresso"):
        participants.record_follow_up(other["id"], ["improved"], on=date(2025, 8, 1))


def test_reentry_keeps_the_first_entry_and_clears_the_earlier_exit(store: Store) -> None:
    participants = Participants(store)
    row = enrolled(store)
    participants.exit(row["id"], date(2025, 3, 1), ["education"])
    participants.record_follow_up(row["id"], [], known=False, on=date(2025, 9, 1))
    with pytest.raises(ValidationError, match="precedere l'uscita"):
        participants.reenter(row["id"], date(2025, 2, 1))
    participants.reenter(row["id"], date(2025, 10, 1))
    got = participants.get(row["id"])
    assert got["entered_on"] == "2025-01-10" and got["reentered_on"] == "2025-10-01"
    assert got["exited_on"] is None and got["exit_results_on"] is None
    assert got["exit_education"] is None and got["followup_on"] is None
    # The next exit may not precede the re-entry; a second enrolment is still refused.
    with pytest.raises(ValidationError, match="01/10/2025"):
        participants.exit(row["id"], date(2025, 9, 30))
    with pytest.raises(ValidationError, match="già iscritta"):
        participants.enrol(row["person_id"], ENTRY, presidio="SAN-SIRO")


def test_follow_ups_due_for_the_agenda(store: Store) -> None:
    participants = Participants(store)
    late = enrolled(store)
    participants.exit(late["id"], date(2025, 8, 31), [])
    later = enrolled(store, cf=None)
    participants.exit(later["id"], date(2025, 9, 1), [])
    assert participants.follow_ups_due("SAN-SIRO", date(2026, 2, 27)) == []
    due = participants.follow_ups_due("SAN-SIRO", date(2026, 2, 28))
    assert [(r["id"], r["due_on"], r["last_name"]) for r in due] == [
        (late["id"], "2026-02-28", "Esempio")
    ]
    assert participants.count_follow_ups_due("SAN-SIRO", date(2026, 3, 1)) == 2
    assert participants.count_follow_ups_due("MAZZINI", date(2026, 3, 1)) == 0
    participants.record_follow_up(late["id"], ["employed"], on=date(2026, 3, 1))
    assert [r["id"] for r in participants.follow_ups_due(None, date(2026, 3, 1))] == [later["id"]]


def test_keyed_hash_of_the_codice_fiscale(store: Store) -> None:
    key, other = new_key(), new_key()
    # Omocodic variants and spacing give the same hash; another key gives another one.
    assert cf_hash(key, CF) == cf_hash(key, omocode(CF, 3)) == cf_hash(key, f" {CF.lower()} ")
    assert cf_hash(key, CF) != cf_hash(other, CF)
    assert cf_hash(key, None) is None and cf_hash("", CF) is None
    participants = Participants(store)
    before_key = enrolled(store)
    assert before_key["cf_hash"] is None  # no key on this desk yet
    give_key(store, key)
    assert participants.refresh_cf_hashes() == 1
    assert participants.get(before_key["id"])["cf_hash"] == cf_hash(key, CF)
    assert participants.refresh_cf_hashes() == 0  # nothing stale
    # A second person record with the same code (an omocodic variant) cannot enrol again.
    with pytest.raises(ValidationError, match="stesso codice fiscale"):
        enrolled(store, cf=omocode(CF, 1))
    # The hash is all the row says: no part of the code is in it.
    assert CF[:6] not in participants.get(before_key["id"])["cf_hash"].upper()


def test_m007_upgrades_a_store_made_before_it(tmp_path) -> None:
    from casa_desk.store.tables import PARTICIPANTS

    path = tmp_path / "old.sqlite"
    new_columns = [c for c in PARTICIPANTS.columns if c not in (
        "person_id", "entered_on", "exited_on", "employment_status", "education_isced",
        "migrant_background", "disability", "other_disadvantage",
        "homeless_or_housing_exclusion")]  # fmt: skip
    with Store.open(path, create=True) as store:
        store.set_meta("presidio", "SAN-SIRO")
        row = enrolled(store)
        Participants(store).exit(row["id"], date(2025, 2, 1))
        with store.transaction():
            for index in (
                "participants_follow_up_due",
                "participants_exited",
                "participants_cf_hash",
            ):
                store.db.execute(f"DROP INDEX {index}")
            store.db["participants"].transform(drop=set(new_columns))
            store.db.execute("DROP TABLE settings")
            store.db.execute(
                "DELETE FROM _sqlite_migrations WHERE name = 'm007_esf_exits_and_settings'"
            )
    with Store.open(path) as store:
        columns = set(store.db["participants"].columns_dict)
        assert set(new_columns) <= columns
        got = Participants(store).get(row["id"])
        assert (got["entered_on"], got["exited_on"], got["reentered_on"]) == (
            "2025-01-10",
            "2025-02-01",
            None,
        )
        # The seeded programme setting is there, and the new columns take writes.
        assert store.query("SELECT key, value FROM settings") == [
            {"key": "esf.programme", "value": "2021-2027"}
        ]
        Participants(store).record_exit_results(row["id"], ["education"])
        names = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master")}
        assert {"participants_follow_up_due", "settings_key"} <= names
    assert list((tmp_path / "backups").glob("*.sqlite"))


def test_an_entry_before_the_first_programme_is_refused(store: Store) -> None:
    # 1026 for 2026: the window's date field allows it, no ESF programme ran then, and the
    # report's months would start in that year (reports/esf.py counts it from 2014-01)
    person = People(store).register({"first_name": "Ada", "last_name": "Esempio"},
                                    presidio="SAN-SIRO")  # fmt: skip
    before = store.pending_changes()
    early = {**ENTRY, "entered_on": "2013-12-31"}
    with pytest.raises(ValidationError, match="1° gennaio 2014") as refused:
        Participants(store).enrol(person["id"], early, presidio="SAN-SIRO")
    assert refused.value.field == "entered_on"
    assert store.pending_changes() == before
    first = {**ENTRY, "entered_on": "2014-01-01"}
    assert Participants(store).enrol(person["id"], first, presidio="SAN-SIRO")["entered_on"]


def test_an_entry_on_a_day_not_come_is_refused(store: Store) -> None:
    # The window's date field stops at today, and the correction, the exit, the re-entry
    # and the follow-up refuse a day to come: the entry did not. An entry dated next week
    # was a new entrant of the month in course, in its report "as of now", before it happened.
    person = People(store).register({"first_name": "Ada", "last_name": "Esempio"},
                                    presidio="SAN-SIRO")  # fmt: skip
    before = store.pending_changes()
    tomorrow = {**ENTRY, "entered_on": (today_rome() + timedelta(days=1)).isoformat()}
    with pytest.raises(ValidationError, match="futuro") as refused:
        Participants(store).enrol(person["id"], tomorrow, presidio="SAN-SIRO")
    assert refused.value.field == "entered_on"
    assert store.pending_changes() == before
    assert Participants(store).of_person(person["id"]) is None
    today = {**ENTRY, "entered_on": today_rome().isoformat()}
    assert Participants(store).enrol(person["id"], today, presidio="SAN-SIRO")["entered_on"]


def test_what_was_recorded_at_entry_can_be_corrected(store: Store) -> None:
    row = enrolled(store, migrant_background="yes")
    participants = Participants(store)
    participants.exit(row["id"], date(2025, 3, 1), [], known=False)
    before = store.pending_changes()
    # the day stays before the exit; nothing is written when refused
    with pytest.raises(ValidationError, match="seguire l'uscita") as refused:
        participants.correct_entry(row["id"], {**ENTRY, "entered_on": "2025-03-02"})
    assert refused.value.field == "entered_on" and store.pending_changes() == before
    # a day and an answer corrected; a question not asked keeps its answer
    participants.correct_entry(
        row["id"], {**ENTRY, "entered_on": "2025-01-08", "disability": "yes"}
    )
    got = participants.get(row["id"])
    assert (got["entered_on"], got["disability"]) == ("2025-01-08", "yes")
    assert got["migrant_background"] == "yes" and got["exited_on"] == "2025-03-01"
    # nothing changed, nothing written (and synced)
    after = store.pending_changes()
    participants.correct_entry(
        row["id"], {**ENTRY, "entered_on": "2025-01-08", "disability": "yes"}
    )
    assert store.pending_changes() == after


def test_the_agenda_asks_a_merged_persons_follow_up_once(store: Store) -> None:
    """Two records of one person, each enrolled, merged: the agenda asks for the six-month
    result of the person's latest exit, once; an earlier stay followed by another is not
    due (as after a re-entry), and the result recorded from the card closes it."""
    participants, people = Participants(store), People(store)
    first = enrolled(store, cf=None)
    participants.exit(first["id"], date(2025, 2, 1), [])
    second = enrolled(store, cf=None, entered_on="2025-03-01")
    people.merge(second["person_id"], first["person_id"], presidio="SAN-SIRO")
    assert participants.follow_ups_due("SAN-SIRO", date(2025, 9, 1)) == []  # in again
    participants.exit(second["id"], date(2025, 4, 1), [])
    assert participants.of_people([first["person_id"], second["person_id"]]) == (
        participants.get(first["id"]),
        participants.get(second["id"]),
    )
    due = participants.follow_ups_due("SAN-SIRO", date(2025, 10, 1))
    assert [r["id"] for r in due] == [second["id"]]
    assert participants.count_follow_ups_due("SAN-SIRO", date(2025, 10, 1)) == 1
    participants.record_follow_up(second["id"], ["employed"], on=date(2025, 10, 1))
    assert participants.follow_ups_due("SAN-SIRO", date(2025, 10, 1)) == []


def test_a_second_exit_without_a_re_entry_is_refused(store: Store) -> None:
    """An exit over an exit moved the day and kept the first one's results and six-month
    result (recorded before the new exit day); the card offers the re-entry instead."""
    participants = Participants(store)
    row = enrolled(store)
    participants.exit(row["id"], date(2025, 3, 1), ["education"])
    participants.record_follow_up(row["id"], [], known=False, on=date(2025, 9, 1))
    before = store.pending_changes()
    with pytest.raises(ValidationError, match="già uscita") as refused:
        participants.exit(row["id"], date(2025, 10, 1), [])
    assert refused.value.code == "already_exited"
    assert store.pending_changes() == before
    assert participants.get(row["id"])["exited_on"] == "2025-03-01"


def _born(store: Store, birth: str | None) -> str:
    """A person whose birth date is ``birth`` as stored (the journal writes whatever it is
    given: another office's value arrives by sync as it was sent)."""
    person = People(store).register({"first_name": "Ada", "last_name": "Esempio"},
                                    presidio="SAN-SIRO")  # fmt: skip
    with store.transaction() as journal:
        journal.update("people", person["id"], {"birth_date": birth})
    return str(person["id"])


def test_an_entry_before_the_birth_is_refused(store: Store) -> None:
    """An entry dated before the person was born was recorded, and the report counted a
    participant of age "unknown". Refused with its own code, nothing written; the day of
    birth itself is a possible entry (the rules say nothing against it)."""
    person = _born(store, "2020-05-20")
    before = store.pending_changes()
    with pytest.raises(ValidationError) as refused:
        Participants(store).enrol(person, {**ENTRY, "entered_on": "2020-05-19"},
                                  presidio="SAN-SIRO")  # fmt: skip
    assert (refused.value.code, refused.value.field) == ("before_birth", "entered_on")
    assert refused.value.message == "La data di ingresso precede la data di nascita della persona."
    assert "2020" not in refused.value.message  # no personal data in the line
    assert store.pending_changes() == before
    assert Participants(store).of_person(person) is None
    row = Participants(store).enrol(person, {**ENTRY, "entered_on": "2020-05-20"},
                                    presidio="SAN-SIRO")  # fmt: skip
    assert row["entered_on"] == "2020-05-20"


def test_a_correction_of_the_entry_to_before_the_birth_is_refused(store: Store) -> None:
    person = _born(store, "2020-05-20")
    row = Participants(store).enrol(person, ENTRY, presidio="SAN-SIRO")
    before = store.pending_changes()
    with pytest.raises(ValidationError) as refused:
        Participants(store).correct_entry(row["id"], {**ENTRY, "entered_on": "2019-12-31"})
    assert (refused.value.code, refused.value.field) == ("before_birth", "entered_on")
    assert store.pending_changes() == before
    assert Participants(store).get(row["id"])["entered_on"] == ENTRY["entered_on"]


def test_a_birth_known_by_its_month_refuses_only_an_earlier_month(store: Store) -> None:
    """Retention keeps a year and month of birth (``2020-05``): an entry in an earlier month
    is before the birth; one in the month itself may not be."""
    person = _born(store, "2020-05")
    with pytest.raises(ValidationError) as refused:
        Participants(store).enrol(person, {**ENTRY, "entered_on": "2020-04-30"},
                                  presidio="SAN-SIRO")  # fmt: skip
    assert refused.value.code == "before_birth"
    row = Participants(store).enrol(person, {**ENTRY, "entered_on": "2020-05-01"},
                                    presidio="SAN-SIRO")  # fmt: skip
    assert row["entered_on"] == "2020-05-01"


@pytest.mark.parametrize(
    "birth", [None, "", "2020-02-31", "2020-13-01", "2020", "x" * 10, "9999-99-99", "2020-5-1"]
)
def test_a_birth_date_that_is_no_date_does_not_stop_the_entry(store: Store, birth) -> None:
    """A birth date unknown, or synced as no real day (the hub checks types, not days):
    nothing to compare with, so the entry is recorded, and nothing fails."""
    person = _born(store, birth)
    row = Participants(store).enrol(person, {**ENTRY, "entered_on": "2014-01-01"},
                                    presidio="SAN-SIRO")  # fmt: skip
    assert row["entered_on"] == "2014-01-01"
    Participants(store).correct_entry(row["id"], {**ENTRY, "entered_on": "2014-01-02"})


def test_a_birth_date_moved_after_the_entry_is_refused(store: Store) -> None:
    """The same rule from the card's other side: a birth date corrected to after the
    person's ESF entry made the entry one before the birth (age "unknown" in the report).
    Refused, nothing written; another birth date before the entry is fine."""
    person = _born(store, "2000-05-20")
    Participants(store).enrol(person, {**ENTRY, "entered_on": "2020-05-19"}, presidio="SAN-SIRO")
    people = People(store)
    before = store.pending_changes()
    with pytest.raises(ValidationError) as refused:
        people.update(person, {"birth_date": "2020-05-20"})
    assert (refused.value.code, refused.value.field) == ("birth_after_entry", "birth_date")
    assert refused.value.message == (
        "La data di nascita segue l'ingresso della persona nel programma FSE: "
        "controllare le due date."
    )
    assert store.pending_changes() == before
    assert people.get(person)["birth_date"] == "2000-05-20"
    people.update(person, {"birth_date": "2020-05-19"})
    assert people.get(person)["birth_date"] == "2020-05-19"
    people.update(person, {"phone": "3351234567"})  # other fields: not judged for it
