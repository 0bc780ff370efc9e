# Alembic environment of a workflow-orchestrator project, written by
# `wfo-migrate init`. It works with stock Alembic (orchestrator-core need not
# be installed): the database comes from the DATABASE_URI environment
# variable (or sqlalchemy.url in alembic.ini), and every migration of one
# command runs in a single transaction, so a failure changes nothing.
import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config

if config.config_file_name is not None and config.file_config.has_section("loggers"):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

# No ORM metadata: revisions of this project are written as SQL.
target_metadata = None


def database_url() -> str:
    """DATABASE_URI as orchestrator-core takes it, in a form SQLAlchemy 1.4 knows."""
    url = os.environ.get("DATABASE_URI") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit(
            "DATABASE_URI is not set: export DATABASE_URI=postgresql://USER:PASSWORD@HOST/DATABASE"
        )
    for prefix in ("postgresql+psycopg://", "postgres+psycopg://"):
        if url.startswith(prefix):
            try:
                import sqlalchemy.dialects.postgresql.psycopg  # noqa: F401  (SQLAlchemy 2)
            except ImportError:
                url = "postgresql+psycopg2://" + url[len(prefix):]
            break
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    return url


def run_migrations_offline() -> None:
    """--sql: print the SQL instead of running it."""
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """One connection, one transaction for all migrations of the command."""
    section = config.get_section(config.config_ini_section) or {}
    section["sqlalchemy.url"] = database_url()
    engine = engine_from_config(section, prefix="sqlalchemy.", poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            transaction_per_migration=False,
        )
        with connection.begin():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
