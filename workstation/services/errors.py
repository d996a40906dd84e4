"""Typed errors the services raise. Each message says what is wrong and what to do."""

from __future__ import annotations


class WorkstationError(Exception):
    """An error an operator or a shell user can act on (not a bug)."""

    exit_code = 1


class NotFoundError(WorkstationError):
    exit_code = 3


class PermissionDeniedError(WorkstationError):
    exit_code = 4


class ConflictError(WorkstationError):
    exit_code = 5


class DatabaseUnavailableError(WorkstationError):
    """The database cannot be reached; nothing was changed."""

    exit_code = 6
