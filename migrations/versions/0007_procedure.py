"""procedure: sanctions, execution after the decree, the deciding case, the return period

Revision ID: 0007_procedure
Revises: 0006_documents
Create Date: 2026-12-02 10:40:00

Adds tables and nullable (or server-defaulted) columns only, so it applies after any
revision that does not touch these names (it is relinked after 0006_documents at merge).
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0007_procedure'
down_revision = '0006_documents'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.add_column(sa.Column('return_overdue_days', sa.Integer(), server_default='7',
                                      nullable=False))

    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.add_column(sa.Column('decided_in_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_complaint_decided_in_id_complaint'),
                                    'complaint', ['decided_in_id'], ['id'])

    op.create_table('sanction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('complaint_id', sa.Integer(), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('appear_on', sa.Date(), nullable=True),
    sa.Column('appear_time', sa.String(length=5), nullable=True),
    sa.Column('appear_place', sa.String(length=200), nullable=True),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('appeared', sa.Boolean(), nullable=True),
    sa.Column('period_end_on', sa.Date(), nullable=True),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('grounds', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_sanction_client_id_client')),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_sanction_complaint_id_complaint')),
    sa.ForeignKeyConstraint(['issued_by_id'], ['user.id'], name=op.f('fk_sanction_issued_by_id_user')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_sanction_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sanction'))
    )
    with op.batch_alter_table('sanction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sanction_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sanction_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sanction_office_id'), ['office_id'], unique=False)

    op.create_table('execution',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('since_on', sa.Date(), nullable=False),
    sa.Column('aph_addressee', sa.String(length=200), nullable=True),
    sa.Column('aph_letter_on', sa.Date(), nullable=True),
    sa.Column('returned_on', sa.Date(), nullable=True),
    sa.Column('facility', sa.String(length=200), nullable=True),
    sa.Column('at_large_note', sa.Text(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_execution_client_id_client')),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_execution_complaint_id_complaint')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_execution_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_execution')),
    sa.UniqueConstraint('complaint_id', name=op.f('uq_execution_complaint_id'))
    )
    with op.batch_alter_table('execution', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_execution_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_execution_office_id'), ['office_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_execution_returned_on'), ['returned_on'], unique=False)


def downgrade():
    # The statuses this revision introduced fall back to the nearest earlier ones: a
    # cancellation was recorded as a revocation, a case closed by another's decision as
    # not pursued (a duplicate). Sanctions and executions go with their tables.
    complaint = sa.table('complaint', sa.column('status', sa.String()),
                         sa.column('closing_reason', sa.String()))
    op.execute(complaint.update().where(complaint.c.status == 'cancelled')
               .values(status='revoked'))
    op.execute(complaint.update().where(complaint.c.status == 'superseded')
               .values(status='not_pursued', closing_reason='duplicate'))

    with op.batch_alter_table('execution', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_execution_returned_on'))
        batch_op.drop_index(batch_op.f('ix_execution_office_id'))
        batch_op.drop_index(batch_op.f('ix_execution_client_id'))
    op.drop_table('execution')
    with op.batch_alter_table('sanction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sanction_office_id'))
        batch_op.drop_index(batch_op.f('ix_sanction_complaint_id'))
        batch_op.drop_index(batch_op.f('ix_sanction_client_id'))
    op.drop_table('sanction')

    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_complaint_decided_in_id_complaint'),
                                 type_='foreignkey')
        batch_op.drop_column('decided_in_id')

    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.drop_column('return_overdue_days')
