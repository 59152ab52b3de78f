"""Who is at the desk, and what they may see (DESIGN.md §4, §4a; issue 10). Qt-free.

The window and the command line go through these services; docs/security.md is the full
contract for the window (with examples). In one screen:

* :mod:`.access` — ``store_state(path)`` (missing / plain / encrypted / not a store);
  ``create_desk(path, username=, full_name=, password=, presidio=)`` for the first run;
  ``unlock(path, username, password)`` → :class:`~.access.Session` (``.user`` with role and
  ``may_see_sensitive``, ``.store``, ``.desk``); ``session.desk.login(...)`` for another user on
  the open store; ``session.unlock_again(password)`` after the idle lock or F12;
  ``session.logout()``. ``session.may(Action.X)`` / ``require``; ``session.masked`` for the
  store's list queries (``masked=`` / ``include_sensitive=``); ``needs_break_glass``,
  ``break_glass(person_id, reason)`` (3 h or until logout), ``view_card``, ``reveal``,
  ``set_restricted``; ``session.audit(...)`` / ``record(journal, ...)`` write audit rows in
  the user's name.
* :mod:`.accounts` — add, list, change, disable users; reset or change a password; recovery
  code and recovery.
* :mod:`.permissions` — the roles (operatore, coordinatore, amministratore) and
  ``may(role, action)``.
* :mod:`.audit` — ``entries``/``count`` with :class:`~.audit.AuditQuery` (user, action,
  person, Rome days), ``export_csv``, ``new_break_glass`` / ``mark_break_glass_seen``.
* :mod:`.settings` — ``lock_minutes(store)`` (default 5), ``set_lock_minutes(session, n)``.
* :mod:`.encrypt` — ``encrypt_store(path, username=, full_name=, password=, progress=)`` for
  a store made before encryption.
* :mod:`.keyslots`, :mod:`.keyfile`, :mod:`.throttle`, :mod:`.passwords` — the key slots
  (argon2id + AES-256-GCM) in the key file beside the store, the growing delay after failed
  logins, the password rule. :mod:`.files` and :mod:`.tokens` as before.
"""
