"""clients: birth date; complaints: the observation a case was opened from

Revision ID: 0008_intake
Revises: 0007_procedure
Create Date: 2026-12-02 10:50:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0008_intake'
down_revision = '0007_procedure'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.add_column(sa.Column('birth_on', sa.Date(), nullable=True))

    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.add_column(sa.Column('observation_id', sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_complaint_observation_id'), ['observation_id'])
        batch_op.create_foreign_key(batch_op.f('fk_complaint_observation_id_observation'),
                                    'observation', ['observation_id'], ['id'])


def downgrade():
    # The older portal knows no "monitoring" channel: a case staff opened from their own
    # supervision becomes a staff-recorded oral report (its narrative keeps the account).
    complaint = sa.table("complaint", sa.column("channel", sa.String))
    op.execute(complaint.update().where(complaint.c.channel == "monitoring").values(channel="oral"))
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_complaint_observation_id_observation'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_complaint_observation_id'), type_='unique')
        batch_op.drop_column('observation_id')

    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.drop_column('birth_on')
