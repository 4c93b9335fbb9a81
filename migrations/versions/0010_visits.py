"""home visits, threads on observations and referrals, the Bapas's visit intervals

Revision ID: 0010_visits
Revises: 0009_reminders
Create Date: 2026-12-08 00:08:18.786709

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0010_visits'
down_revision = '0009_reminders'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('home_visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('public_id', sa.String(length=24), nullable=False),
    sa.Column('submission_key', sa.String(length=64), nullable=True),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('observation_id', sa.Integer(), nullable=True),
    sa.Column('planned_by_id', sa.Integer(), nullable=True),
    sa.Column('planned_on', sa.Date(), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=True),
    sa.Column('met_whom', sa.String(length=300), nullable=True),
    sa.Column('findings', sa.Text(), nullable=True),
    sa.Column('next_step', sa.Text(), nullable=True),
    sa.Column('missed_reason', sa.Text(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_home_visit_client_id_client')),
    sa.ForeignKeyConstraint(['observation_id'], ['observation.id'], name=op.f('fk_home_visit_observation_id_observation')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_home_visit_office_id_office')),
    sa.ForeignKeyConstraint(['planned_by_id'], ['user.id'], name=op.f('fk_home_visit_planned_by_id_user')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user.id'], name=op.f('fk_home_visit_recorded_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_home_visit')),
    sa.UniqueConstraint('public_id', name=op.f('uq_home_visit_public_id')),
    sa.UniqueConstraint('submission_key', name=op.f('uq_home_visit_submission_key'))
    )
    with op.batch_alter_table('home_visit', schema=None) as batch_op:
        batch_op.create_index('ix_home_visit_client_status', ['client_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_home_visit_observation_id'), ['observation_id'], unique=False)
        batch_op.create_index('ix_home_visit_office_status', ['office_id', 'status', 'planned_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_home_visit_recorded_by_id'), ['recorded_by_id'], unique=False)

    op.create_table('thread_message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('public_id', sa.String(length=24), nullable=False),
    sa.Column('submission_key', sa.String(length=64), nullable=True),
    sa.Column('observation_id', sa.Integer(), nullable=True),
    sa.Column('referral_id', sa.Integer(), nullable=True),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('side', sa.String(length=10), nullable=False),
    sa.Column('visibility', sa.String(length=10), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(observation_id IS NULL) <> (referral_id IS NULL)', name=op.f('ck_thread_message_one_owner')),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_thread_message_author_id_user')),
    sa.ForeignKeyConstraint(['observation_id'], ['observation.id'], name=op.f('fk_thread_message_observation_id_observation')),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_thread_message_office_id_office')),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_thread_message_referral_id_referral')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_thread_message')),
    sa.UniqueConstraint('public_id', name=op.f('uq_thread_message_public_id')),
    sa.UniqueConstraint('submission_key', name=op.f('uq_thread_message_submission_key'))
    )
    with op.batch_alter_table('thread_message', schema=None) as batch_op:
        batch_op.create_index('ix_thread_message_observation', ['observation_id', 'id'], unique=False)
        batch_op.create_index('ix_thread_message_referral', ['referral_id', 'id'], unique=False)

    op.create_table('thread_read',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('observation_id', sa.Integer(), nullable=True),
    sa.Column('referral_id', sa.Integer(), nullable=True),
    sa.Column('last_read_id', sa.Integer(), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(observation_id IS NULL) <> (referral_id IS NULL)', name=op.f('ck_thread_read_one_owner')),
    sa.ForeignKeyConstraint(['observation_id'], ['observation.id'], name=op.f('fk_thread_read_observation_id_observation')),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_thread_read_referral_id_referral')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_thread_read_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_thread_read')),
    sa.UniqueConstraint('user_id', 'observation_id', name='uq_thread_read_observation'),
    sa.UniqueConstraint('user_id', 'referral_id', name='uq_thread_read_referral')
    )
    with op.batch_alter_table('thread_read', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_thread_read_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.add_column(sa.Column('visit_interval_intensive_days', sa.Integer(), server_default='30', nullable=False))
        batch_op.add_column(sa.Column('visit_interval_regular_days', sa.Integer(), server_default='90', nullable=False))



def downgrade():
    # The older portal knows no "home visit made" follow-up: an observation a recorded visit
    # closed reads as the follow-up it had before, "home visit planned" (its note keeps the
    # visit's findings).
    observation = sa.table("observation", sa.column("follow_up", sa.String))
    op.execute(observation.update().where(observation.c.follow_up == "home_visit_done")
               .values(follow_up="home_visit_planned"))
    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.drop_column('visit_interval_regular_days')
        batch_op.drop_column('visit_interval_intensive_days')

    with op.batch_alter_table('thread_read', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_thread_read_user_id'))

    op.drop_table('thread_read')
    with op.batch_alter_table('thread_message', schema=None) as batch_op:
        batch_op.drop_index('ix_thread_message_referral')
        batch_op.drop_index('ix_thread_message_observation')

    op.drop_table('thread_message')
    with op.batch_alter_table('home_visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_home_visit_recorded_by_id'))
        batch_op.drop_index('ix_home_visit_office_status')
        batch_op.drop_index(batch_op.f('ix_home_visit_observation_id'))
        batch_op.drop_index('ix_home_visit_client_status')

    op.drop_table('home_visit')
