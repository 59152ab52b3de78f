"""Pull pages applied in a pipeline: page N+1 is merged while page N is written.

Applying a page is two halves of about the same size on a 100,000-change backlog: the merge
in Python (:func:`~casa_desk.sync.apply.merge_page`: reads, then per-field rules) and the
write in SQLite (:func:`~casa_desk.sync.apply.write_page`: rows, indexes, triggers, the
commit), during which SQLite releases the GIL. So while the pull's thread writes page N,
one worker thread merges page N+1 on its own read-only connection (``Store.db`` off the
transaction's thread), with page N's rows laid over what it reads (WAL shows it the store
as it was before page N).

Nothing changes in who writes: the worker only reads; the pull's thread writes each page
and its cursor move in one transaction of the store's journal, as before, so a crash
anywhere leaves the last committed page. A merge made ahead is used only if the store is
exactly what it assumed when page N+1's transaction starts: page N written as merged (no
row refused by the local schema, nobody scrubbed) and nothing else committed since page
N's commit (a save in the window, another process: :meth:`Journal.write_mark`). Otherwise
— and for the first page — the page is merged again inside its transaction, as it always
was: the result is the same store either way (``tests/sync/test_pull_pipeline.py``).

While the pipeline is open Python's cyclic garbage collector is paused
(:mod:`casa_desk.gc_pause`):
a page makes tens of thousands of dicts and lists that live until the next page, so the
collector kept walking them — a tenth of a 100,000-change pull's processor time, for no
garbage (the pages hold no reference cycles; reference counting frees them).
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from typing import Any

from casa_desk.gc_pause import paused_cyclic_gc
from casa_desk.store.db import Store
from casa_desk.sync.apply import ApplyStats, MergedPage, Overlay, merge_page, write_page


class PagePipeline:
    """Apply pull pages in order; use inside ``with``::

    with pipeline.transaction():  # the page and its cursor move, all or nothing
        stats = pipeline.apply(changes, next_answer)
        set_state(store, "pull_cursor", cursor)
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="casa-merge")
        self._paused = ExitStack()  # the collector, given back as found on exit
        self._ahead: Future[MergedPage | None] | None = None
        self._mark: tuple[int, int] | None = None  # the write mark after our last commit
        #: Pages whose merge made ahead was used (tests and benchmarks read it).
        self.merged_ahead = 0

    def __enter__(self) -> PagePipeline:
        self._paused.enter_context(paused_cyclic_gc())
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.discard()
            self._worker.shutdown(wait=True)
        finally:
            self._paused.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """The store's transaction, and the write mark taken right after its commit without
        letting go of the store's lock in between (a save waiting for it would slip by)."""
        journal = self.store.journal
        with journal.transaction_lock():
            with self.store.transaction():
                yield
            self._mark = journal.write_mark()

    def apply(self, changes: list[dict[str, Any]], next_answer: Future[Any] | None) -> ApplyStats:
        """Write one page (merged ahead if that still holds, else now) inside
        :meth:`transaction`; meanwhile the worker merges ``next_answer``'s page.

        Only while the store is quiet: when something else was committed since the last
        page (the window saving every few seconds, or continuously while an operator
        types), the merge made ahead is thrown away and none is made for the next page,
        until a page follows another with nothing in between. A merge made for nothing
        would only take the processor from the page being written, which the window's
        save waits for."""
        quiet = self._mark is None or self.store.journal.write_mark() == self._mark
        ahead, self._ahead = self._ahead, None
        page = ahead.result() if ahead is not None else None  # None rather than raising
        if page is None or not quiet:
            page = merge_page(self.store, changes)
        else:
            self.merged_ahead += 1
        if next_answer is not None and quiet:
            self._ahead = self._worker.submit(self._merge_ahead, next_answer, page.overlay())
        written = write_page(self.store, page)
        if not written.as_merged:
            self.discard()
        return written.stats

    def discard(self) -> None:
        """Forget the merge made ahead (a reset, a refused row, a failed page)."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None and not ahead.cancel():
            ahead.exception()  # let the worker finish reading before anything else

    def _merge_ahead(self, answer: Future[Any], overlay: Overlay) -> MergedPage | None:
        try:
            body = answer.result()
            if body.get("reset"):
                return None
            reader = self.store.db  # this thread's read-only connection
            reader.execute("BEGIN")  # one snapshot for every read of the merge
            try:
                return merge_page(self.store, body["changes"], overlay)
            finally:
                reader.execute("COMMIT")
        except Exception:  # the page is merged again in its transaction, which reports it
            return None
