"""0006_documents: letter numbers (letter_sequence), NIP and jabatan of users, unit codes of
offices and regions, the identity block of a BAP, the TPP's members and quorum, and the number,
title, file name, issuer and signers of an issued document."""
from __future__ import annotations

import datetime as dt

from . import rows

UTC = dt.UTC
DOCUMENTS_TABLES = rows.COMPLAINTS_TABLES | {"letter_sequence"}

# A proposal letter issued under 0005 (no examination): its kind stays as it is.
PROPOSAL_0005 = {
    "id": 2, "complaint_id": 1, "kind": "proposal", "examination_id": None,
    "code": "1A2B-3C4D-5E6F-7A8B",
    "sha256": "6b86b273ff34fce19d6b804eff5a3f5747ada4ea22f1d1c03c4d8d5b8b3e6b1d",
    "storage_key": "f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5", "issued_by_id": 2,
    "issued_at": dt.datetime(2026, 3, 20, 5, 0, tzinfo=UTC)}

NEW_DOCUMENT_COLUMNS = {"hearing_id": None, "number": None, "title": None, "file_name": None,
                        "issuer": None, "signers": None}
IDENTITY_COLUMNS = {"birth_place": None, "birth_on": None, "sex": None, "religion": None,
                    "occupation": None, "address": None, "nik": None}
HEARING_COLUMNS = {"kind": None, "place": None, "chair_id": None, "secretary_id": None,
                   "member_ids": None, "team_size": None}


class UpgradeTester:
    """0005 → 0006 with a worked complaint, its client's BAP and a proposal on file."""

    def load_data(self, db):
        rows.load_foundation(db)
        rows.load_partners(db)
        rows.load_clients(db)
        rows.load_jobs(db)
        rows.load_complaints(db)
        db.insert("issued_document", [PROPOSAL_0005])

    def check_upgrade(self, db):
        assert db.tables() == DOCUMENTS_TABLES
        assert db.rows("letter_sequence") == []
        assert db.rows("user") == [{**u, "nip": None, "position": None}
                                   for u in rows.STAFF_0002 + [rows.PARTNER_MEMBER]]
        assert db.rows("office") == [{**o, "unit_code": None} for o in rows.OFFICES]
        assert db.rows("region") == [{**r, "unit_code": None} for r in rows.REGIONS]
        assert db.rows("examination_record") == [{**e, **IDENTITY_COLUMNS} for e in rows.EXAMINATIONS]
        assert db.rows("hearing") == [{**h, **HEARING_COLUMNS} for h in rows.HEARINGS]
        # The BAP takes the kind of its examination's subject (a client's BAP).
        assert db.rows("issued_document") == [
            {**rows.ISSUED_DOCUMENTS[0], "kind": "bap_client", **NEW_DOCUMENT_COLUMNS},
            {**PROPOSAL_0005, **NEW_DOCUMENT_COLUMNS}]
        rows.assert_clients_unchanged(db)
        rows.assert_jobs_unchanged(db)


TPP_MINUTES = {
    "id": 3, "complaint_id": 1, "kind": "tpp_minutes", "examination_id": None,
    "code": "9F8E-7D6C-5B4A-3F2E",
    "sha256": "d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab36",
    "storage_key": "a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5a7", "issued_by_id": 2,
    "issued_at": dt.datetime(2026, 3, 16, 7, 0, tzinfo=UTC)}
TPP_MINUTES_0006 = {
    "hearing_id": 1, "number": "W00.PAS.PAS0-PK.TPP-1",
    "title": "Berita Acara Sidang Tim Pengamat Pemasyarakatan",
    "file_name": "Berita-Acara-Sidang-TPP-ADU-2026-0007.pdf",
    "issuer": "Balai Pemasyarakatan Kelas I Bandung",
    "signers": [{"role": "Ketua TPP,", "name": "Budi Santoso", "nip": "197501012000031001"}]}


class DowngradeTester:
    """0006 → 0005 with NIPs, unit codes, a BAP's identity block, a hearing's members, a
    numbered BAP and TPP minutes, and the letter-number registers."""

    def load_data(self, db):
        rows.load_foundation(db)
        rows.load_partners(db)
        rows.load_clients(db)
        rows.load_jobs(db)
        rows.load_complaints(db)
        db.execute("UPDATE \"user\" SET nip = '197501012000031001', position = 'Kepala Bapas' "
                   "WHERE id = 2")
        db.execute("UPDATE office SET unit_code = 'W00.PAS.PAS0' WHERE id = 1")
        db.execute("UPDATE region SET unit_code = 'W00.PAS' WHERE id = 1")
        db.execute("UPDATE examination_record SET birth_place = 'Garut', birth_on = :born, "
                   "sex = 'male', religion = 'Islam', occupation = 'Buruh', "
                   "address = 'Garut Kota', nik = '3205000000000001' WHERE id = 1",
                   born=dt.date(1990, 5, 17))
        db.execute("UPDATE hearing SET kind = 'regular', place = 'Aula', chair_id = 2, "
                   "secretary_id = 1, team_size = 3 WHERE id = 1")
        db.execute("UPDATE issued_document SET kind = 'bap_client', "
                   "number = 'W00.PAS.PAS0-PK.BAP-1', title = 'Berita Acara Pemeriksaan Klien', "
                   "file_name = 'BAP-Klien-ADU-2026-0007.pdf' WHERE id = 1")
        db.insert("issued_document", [{**TPP_MINUTES, **TPP_MINUTES_0006}])
        db.insert("letter_sequence", [
            {"id": 1, "issuer": "office-1", "year": 2026, "kind": "bap", "last": 1},
            {"id": 2, "issuer": "office-1", "year": 2026, "kind": "tpp_minutes", "last": 1}])

    def check_downgrade(self, db):
        assert db.tables() == rows.COMPLAINTS_TABLES
        assert db.rows("user") == rows.STAFF_0002 + [rows.PARTNER_MEMBER]
        assert db.rows("office") == rows.OFFICES
        assert db.rows("region") == rows.REGIONS
        assert db.rows("examination_record") == rows.EXAMINATIONS
        assert db.rows("hearing") == rows.HEARINGS
        # The BAP folds back to 0005's kind; the minutes stay, so their code still answers.
        assert db.rows("issued_document") == rows.ISSUED_DOCUMENTS + [TPP_MINUTES]
        rows.assert_clients_unchanged(db)
        rows.assert_jobs_unchanged(db)
