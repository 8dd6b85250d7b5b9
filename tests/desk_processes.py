"""Processes that play desks on one database (tests/domain/): started by a fork server that imported
the app's services once, so a desk starts in milliseconds instead of importing SQLAlchemy, the services
and the reference data loader again (about a second of CPU each under ``spawn``). Like ``spawn`` and
unlike ``fork``, a desk never inherits a test process's threads, Qt or open connections."""

from __future__ import annotations

import multiprocessing
from multiprocessing.context import BaseContext

PRELOADED = ["compass.services", "compass.reference.loading", "compass.model.database"]


def desk_context() -> BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOADED)  # read when the server first starts
    return context
