"""What "a contact" means wherever contacts are counted or listed: one SQL condition.

Contacts are insert-only: a correction is a new row whose ``amends_id`` points at the row it
replaces, and removing a contact (:meth:`casa_desk.store.contacts.Contacts.remove`) is an
amendment marked deleted. So the *current* version of a contact is a row that is not deleted
and that no row amends. The store's lists, search, the agenda and the monthly report all use
:func:`current`; a report that counted a removed contact while the lists hid it is what one
definition prevents.
"""

from __future__ import annotations


def current(alias: str = "c", *, besides: str = "") -> str:
    """SQL condition: the ``contacts`` row ``alias`` is the current version of its chain.

    Answered from the ``contacts_amends`` index alone. ``besides``: the rowid of a row not to
    count as amending it (a trigger asking about the row its own new row amends, as it stood
    before that row).

    >>> current("c2").split(" AND ")[0]
    'c2.deleted = 0'
    """
    other = f" AND amending.rowid != {besides}" if besides else ""
    return (
        f"{alias}.deleted = 0 AND NOT EXISTS "
        f"(SELECT 1 FROM contacts amending WHERE amending.amends_id = {alias}.id{other})"
    )


#: :func:`current` for the usual alias ``c``.
CURRENT = current("c")

__all__ = ["CURRENT", "current"]
