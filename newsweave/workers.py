"""Helpers for newsweave's worker processes (spaCy parsing, story analysis)."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], n: int) -> Iterator[list[T]]:
    """Lists of n items in input order (the last may be shorter; none when empty)."""
    batch: list[T] = []
    for x in items:
        batch.append(x)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch


def process_pool(workers: int, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> Any:
    """A ProcessPoolExecutor whose workers start by ``initializer(os.getpid() of this process,
    *initargs)``. Fork where there is one: spawn would re-import the caller's __main__ (scripts
    without a main guard would recurse); workers never touch the parent's ONNX session or store."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    return ProcessPoolExecutor(workers, mp_context=ctx, initializer=initializer, initargs=(os.getpid(), *initargs))


def become_worker(parent: int) -> None:
    """Call first in a worker process: Ctrl-C is the parent's to handle (it stops the pool and
    keeps what is stored), and the worker exits when the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent(parent)


def exit_with_parent(parent: int, poll_s: float = 1.0) -> None:
    """In a worker process: exit as soon as the parent (its pid, as the parent passed it) is gone.
    A parent killed with SIGKILL runs no clean-up, and an idle pool worker would otherwise wait on
    its task queue forever. The pid comes from the parent, so a parent that died before this call
    is noticed too."""

    def watch() -> None:
        while True:
            time.sleep(poll_s)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="newsweave-exit-with-parent", daemon=True).start()
