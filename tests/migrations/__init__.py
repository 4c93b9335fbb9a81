"""Data-carrying tests for every Alembic revision.

Each revision N has a module `migration_<N>.py` with two classes:

* `UpgradeTester`: `load_data(db)` runs on a database at N's parent revision, then
  the test upgrades to N and calls `check_upgrade(db)`;
* `DowngradeTester`: `load_data(db)` runs on a database at N, then the test
  downgrades to N's parent and calls `check_downgrade(db)`.

Rows go in and come out as plain SQL on tables reflected from the database as it is
at that moment (helpers.MigrationDatabase); the application's models describe only
the head and are never used here. The representative rows are in rows.py.
"""
