"""documents: letter numbers, signers, identity blocks, TPP members

Every new column is nullable (existing rows keep working). Existing BAP documents take the
kind of their examination's subject (bap -> bap_complainant | bap_client | bap_witness);
the downgrade folds them back to "bap". Documents of the new kinds stay on downgrade (their
verification codes must keep answering).

Revision ID: 0006_documents
Revises: 0005_complaints
Create Date: 2026-12-02 10:32:07.193886

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0006_documents'
down_revision = '0005_complaints'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('letter_sequence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('issuer', sa.String(length=24), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter_sequence')),
    sa.UniqueConstraint('issuer', 'year', 'kind', name=op.f('uq_letter_sequence_issuer'))
    )
    with op.batch_alter_table('examination_record', schema=None) as batch_op:
        batch_op.add_column(sa.Column('birth_place', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('birth_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('sex', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('religion', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('occupation', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('address', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('nik', sa.String(length=16), nullable=True))

    with op.batch_alter_table('hearing', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('place', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('chair_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('secretary_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('member_ids', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('team_size', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_hearing_secretary_id_user'), 'user', ['secretary_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_hearing_chair_id_user'), 'user', ['chair_id'], ['id'])

    with op.batch_alter_table('issued_document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hearing_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('number', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('title', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('file_name', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('issuer', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('signers', sa.JSON(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_issued_document_hearing_id_hearing'), 'hearing', ['hearing_id'], ['id'])

    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unit_code', sa.String(length=60), nullable=True))

    with op.batch_alter_table('region', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unit_code', sa.String(length=60), nullable=True))

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('nip', sa.String(length=18), nullable=True))
        batch_op.add_column(sa.Column('position', sa.String(length=120), nullable=True))

    op.execute("UPDATE issued_document SET kind = 'bap_' || (SELECT e.subject FROM examination_record e "
               "WHERE e.id = issued_document.examination_id) "
               "WHERE kind = 'bap' AND examination_id IS NOT NULL")


def downgrade():
    op.execute("UPDATE issued_document SET kind = 'bap' "
               "WHERE kind IN ('bap_complainant', 'bap_client', 'bap_witness')")
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('position')
        batch_op.drop_column('nip')

    with op.batch_alter_table('region', schema=None) as batch_op:
        batch_op.drop_column('unit_code')

    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.drop_column('unit_code')

    with op.batch_alter_table('issued_document', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_issued_document_hearing_id_hearing'), type_='foreignkey')
        batch_op.drop_column('signers')
        batch_op.drop_column('issuer')
        batch_op.drop_column('file_name')
        batch_op.drop_column('title')
        batch_op.drop_column('number')
        batch_op.drop_column('hearing_id')

    with op.batch_alter_table('hearing', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_hearing_chair_id_user'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_hearing_secretary_id_user'), type_='foreignkey')
        batch_op.drop_column('team_size')
        batch_op.drop_column('member_ids')
        batch_op.drop_column('secretary_id')
        batch_op.drop_column('chair_id')
        batch_op.drop_column('place')
        batch_op.drop_column('kind')

    with op.batch_alter_table('examination_record', schema=None) as batch_op:
        batch_op.drop_column('nik')
        batch_op.drop_column('address')
        batch_op.drop_column('occupation')
        batch_op.drop_column('religion')
        batch_op.drop_column('sex')
        batch_op.drop_column('birth_on')
        batch_op.drop_column('birth_place')

    op.drop_table('letter_sequence')
