"""Households (issue 9, item 5): the same members seen from every member's card, linked and
unlinked through the journal."""

from __future__ import annotations

from casa_desk.store.people import People


def _names(people: People, person: dict) -> set[str]:
    return {m["first_name"] for m in people.household(people.get(person["id"]))}


def _add(people: People, first: str, **values) -> dict:
    return people.register(
        {"last_name": "Nucleo", "first_name": first, **values}, presidio="SAN-SIRO"
    )


def test_a_member_added_by_unit_code_is_on_every_members_card(store) -> None:
    people = People(store)
    ada = _add(people, "Ada", unit_code="SS-1", household_id="hh-1")
    bea = _add(people, "Bea", unit_code="SS-1", household_id="hh-1")
    carlo = _add(people, "Carlo", unit_code="SS-1")  # added later with the unit only
    dora = _add(people, "Dora", unit_code="SS-1", household_id="hh-2")  # another household
    assert _names(people, ada) == {"Bea", "Carlo"}
    assert _names(people, bea) == {"Ada", "Carlo"}
    assert _names(people, carlo) == {"Ada", "Bea", "Dora"}
    assert _names(people, dora) == {"Carlo"}
    # symmetric: whoever lists someone is listed by them
    everyone = [ada, bea, carlo, dora]
    for one in everyone:
        for other in people.household(people.get(one["id"])):
            assert one["first_name"] in _names(people, other)


def test_link_and_unlink_from_a_card(store) -> None:
    people = People(store)
    ada = _add(people, "Ada", unit_code="SS-1")
    bea = _add(people, "Bea", unit_code="SS-1")
    elsa = _add(people, "Elsa", unit_code="SS-9")
    before = store.pending_changes()
    household = people.link_household(ada["id"], elsa["id"])
    assert _names(people, ada) == {"Bea", "Elsa"}
    assert _names(people, elsa) == {"Ada", "Bea"}
    assert people.get(bea["id"])["household_id"] == household  # the unit's household kept
    people.unlink_household(ada["id"], bea["id"])
    assert _names(people, ada) == {"Elsa"}
    assert _names(people, bea) == set()
    assert store.pending_changes() > before  # every change syncs
