"""The shared database fixtures give every test an empty, migrated database of its own."""

from __future__ import annotations

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from db.migrate import current_revision, head_revision
from db.models import AuditEntry, Product


def _fill_and_check_empty(session_factory: sessionmaker[Session]) -> None:
    with session_factory.begin() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0
        s.execute(insert(AuditEntry), [{"action": "fixture-test"}])
        s.add(Product(sku="A", name="a"))
        s.flush()
        # Identities restart: a test may rely on the first row having id 1.
        assert s.scalar(select(Product.id)) == 1


def test_a_test_leaves_rows_behind(session_factory: sessionmaker[Session]) -> None:
    assert current_revision(session_factory.kw["bind"]) == head_revision()
    _fill_and_check_empty(session_factory)


def test_the_next_test_does_not_see_them(session_factory: sessionmaker[Session]) -> None:
    _fill_and_check_empty(session_factory)


def test_head_names_the_newest_migration() -> None:
    from db.migrate import HEAD

    assert head_revision() == HEAD, "set db.migrate.HEAD to the new migration's revision"


def test_a_current_database_starts_without_loading_alembic(sqlite_url: str) -> None:
    """Start-up speed: a station on a current schema only reads alembic_version."""
    import subprocess
    import sys

    from db.migrate import HEAD

    code = ("import sys; from db.engine import make_engine; from db.migrate import upgrade; "
            f"print(upgrade(make_engine({sqlite_url!r})), 'alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == f"({HEAD!r}, {HEAD!r}) False"
