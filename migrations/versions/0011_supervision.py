"""supervision: conditions, partner sheets (with their conditions), travel notices; the
condition an observation concerns (and an earlier version of it)

Revision ID: 0011_supervision
Revises: 0010_visits
Create Date: 2026-12-08 00:07:33.686224

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0011_supervision'
down_revision = '0010_visits'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('supervision_condition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_key', sa.String(length=64), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_supervision_condition_client_id_client')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_supervision_condition_created_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_condition')),
    sa.UniqueConstraint('submission_key', name=op.f('uq_supervision_condition_submission_key'))
    )
    with op.batch_alter_table('supervision_condition', schema=None) as batch_op:
        batch_op.create_index('ix_supervision_condition_client_status', ['client_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_supervision_condition_review_on'), ['review_on'], unique=False)

    op.create_table('travel_notice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('public_id', sa.String(length=24), nullable=False),
    sa.Column('submission_key', sa.String(length=64), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('partner_org_id', sa.Integer(), nullable=True),
    sa.Column('requested_by_id', sa.Integer(), nullable=False),
    sa.Column('destination', sa.String(length=200), nullable=False),
    sa.Column('from_on', sa.Date(), nullable=False),
    sa.Column('to_on', sa.Date(), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_travel_notice_client_id_client')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user.id'], name=op.f('fk_travel_notice_decided_by_id_user')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_travel_notice_office_id_office')),
    sa.ForeignKeyConstraint(['partner_org_id'], ['partner_org.id'], name=op.f('fk_travel_notice_partner_org_id_partner_org')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['user.id'], name=op.f('fk_travel_notice_requested_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_travel_notice')),
    sa.UniqueConstraint('public_id', name=op.f('uq_travel_notice_public_id')),
    sa.UniqueConstraint('submission_key', name=op.f('uq_travel_notice_submission_key'))
    )
    with op.batch_alter_table('travel_notice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_travel_notice_client_id'), ['client_id'], unique=False)
        batch_op.create_index('ix_travel_notice_office_status', ['office_id', 'status'], unique=False)

    op.create_table('partner_sheet',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('watch_for', sa.Text(), nullable=True),
    sa.Column('contact', sa.Text(), nullable=False),
    sa.Column('written_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], name=op.f('fk_partner_sheet_assignment_id_assignment')),
    sa.ForeignKeyConstraint(['written_by_id'], ['user.id'], name=op.f('fk_partner_sheet_written_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner_sheet')),
    sa.UniqueConstraint('assignment_id', name=op.f('uq_partner_sheet_assignment_id'))
    )
    op.create_table('partner_sheet_condition',
    sa.Column('sheet_id', sa.Integer(), nullable=False),
    sa.Column('condition_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['condition_id'], ['supervision_condition.id'], name=op.f('fk_partner_sheet_condition_condition_id_supervision_condition')),
    sa.ForeignKeyConstraint(['sheet_id'], ['partner_sheet.id'], name=op.f('fk_partner_sheet_condition_sheet_id_partner_sheet'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('sheet_id', 'condition_id', name=op.f('pk_partner_sheet_condition'))
    )
    with op.batch_alter_table('observation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('condition_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_observation_condition_id_supervision_condition'), 'supervision_condition', ['condition_id'], ['id'])

    with op.batch_alter_table('observation_revision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('condition_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_observation_revision_condition_id_supervision_condition'), 'supervision_condition', ['condition_id'], ['id'])


def downgrade():
    with op.batch_alter_table('observation_revision', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_observation_revision_condition_id_supervision_condition'), type_='foreignkey')
        batch_op.drop_column('condition_id')

    with op.batch_alter_table('observation', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_observation_condition_id_supervision_condition'), type_='foreignkey')
        batch_op.drop_column('condition_id')

    op.drop_table('partner_sheet_condition')
    op.drop_table('partner_sheet')
    with op.batch_alter_table('travel_notice', schema=None) as batch_op:
        batch_op.drop_index('ix_travel_notice_office_status')
        batch_op.drop_index(batch_op.f('ix_travel_notice_client_id'))

    op.drop_table('travel_notice')
    with op.batch_alter_table('supervision_condition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_condition_review_on'))
        batch_op.drop_index('ix_supervision_condition_client_status')

    op.drop_table('supervision_condition')
