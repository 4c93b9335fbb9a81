"""The case's documents, issued by portal.documents (kept here for the procedure's call sites)."""
from __future__ import annotations

from ..documents.bap import issue_bap
from ..documents.decisions import SummonsData, issue_summons, issue_temporary_revocation, issue_warning
from ..documents.letters import AphLetterData, issue_aph_letter, issue_forwarding, issue_proposal
from ..documents.store import read, verify
from ..documents.tpp import issue_tpp_minutes

__all__ = ["AphLetterData", "SummonsData", "issue_aph_letter", "issue_bap", "issue_forwarding",
           "issue_proposal", "issue_summons", "issue_temporary_revocation", "issue_tpp_minutes",
           "issue_warning", "read", "verify"]
