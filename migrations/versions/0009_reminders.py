"""reminders on the 20-working-day clock; how each user is told (email, SMS, WhatsApp)

Revision ID: 0009_reminders
Revises: 0008_intake
Create Date: 2026-12-08 00:30:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0009_reminders'
down_revision = '0008_intake'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'reminder',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('complaint_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('day', sa.Integer(), nullable=False),
        sa.Column('sent_on', sa.Date(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'],
                                name=op.f('fk_reminder_complaint_id_complaint')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder')),
        sa.UniqueConstraint('complaint_id', 'kind', 'day', name='uq_reminder_complaint_kind_day'),
    )
    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reminder_days', sa.String(length=40), nullable=False,
                                      server_default='3,10,17'))
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notify_email', sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
        batch_op.add_column(sa.Column('notify_sms', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('notify_whatsapp', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('phone', sa.String(length=16), nullable=True))
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('channel', sa.String(length=10), nullable=False,
                                      server_default='email'))
        batch_op.add_column(sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('params', sa.JSON(), nullable=True))


def downgrade():
    # The older portal sends email only: a text message not yet sent is dropped (it holds no
    # content, only the fixed "there is an update" sentence; the portal notification stays).
    outbox = sa.table('outbox_message', sa.column('channel', sa.String))
    op.execute(outbox.delete().where(outbox.c.channel != 'email'))
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_column('params')
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.drop_column('next_attempt_at')
        batch_op.drop_column('channel')
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('phone')
        batch_op.drop_column('notify_whatsapp')
        batch_op.drop_column('notify_sms')
        batch_op.drop_column('notify_email')
    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.drop_column('reminder_days')
    op.drop_table('reminder')
