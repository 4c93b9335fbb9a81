"""What a partner may know about a referred client: the confidentiality rule of job referrals
in one place (the client stays pseudonymous until the officer releases the name)."""
from __future__ import annotations

from dataclasses import dataclass

from .models import Referral


@dataclass
class Candidate:
    """What a partner may know about a referred client."""

    code: str
    summary: str
    office_name: str
    name: str | None  # only after disclosure


def candidate_view(referral: Referral) -> Candidate:
    """The partner's view of a candidate: pseudonymous until the disclosure is released."""
    return Candidate(code=referral.code, summary=referral.summary,
                     office_name=referral.office.name,
                     name=referral.client.full_name if referral.disclosed else None)
