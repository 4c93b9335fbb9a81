"""The migration head matches the models; migrations run down and up again.
Each revision's upgrade and downgrade with data: tests/migrations/."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from portal.extensions import db


def test_models_match_the_migration_head(app):
    with app.app_context():
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, db.metadata)
    assert diff == [], f"models and migrations differ; run flask db migrate: {diff}"


def test_downgrade_to_base_and_upgrade_again(app):
    from flask_migrate import downgrade, upgrade
    with app.app_context():
        db.session.remove()
        downgrade(revision="base")
        upgrade()
        from portal.demo import load_reference_data
        load_reference_data()
        db.session.commit()
        from portal.offices.models import Region
        assert db.session.query(Region).count() == 38
