# src/db.mk - libpq access and the upgrade/downgrade executor.
