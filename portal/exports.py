"""CSV exports in the words of the person who downloads them: headers, channels, statuses and
grounds as labels, yes or no as words — never a code, never the complainant's identity."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .csvsafe import to_csv
from .labels import label, labels

if TYPE_CHECKING:
    from .complaints.models import Complaint
    from .jobs.models import Referral

COMPLAINT_COLUMNS = ("reference", "channel", "status", "grounds", "client", "officer",
                     "submitted_on", "due_on", "overdue", "flagged")
CANDIDATE_COLUMNS = ("code", "opportunity", "status", "name", "bapas", "interview_on",
                     "placement_started_on", "placement_ended_on")


def _yes_no(value: bool) -> str:
    return label("yes_no", "yes" if value else "no")


def complaints_csv(complaints: Iterable[Complaint], is_overdue: Callable[[Complaint], bool]) -> str:
    """The complaint queue, one row each, headers in the reader's language."""
    rows = ([c.reference, label("channel", c.channel), label("complaint_status", c.status),
             labels("ground", c.grounds, "; "),
             c.client.full_name if c.client else (c.client_name or ""),
             c.assigned_officer.name if c.assigned_officer else "", c.submitted_on, c.due_on,
             _yes_no(is_overdue(c)), _yes_no(c.flagged_malicious)]
            for c in complaints)
    return to_csv([label("complaint_csv", column) for column in COMPLAINT_COLUMNS], rows)


def candidates_csv(referrals: Iterable[Referral], view: Callable) -> str:
    """A partner's candidates (`view` gives what the partner may know: the name only once
    released), headers in the reader's language."""
    rows = []
    for referral in referrals:
        candidate = view(referral)
        rows.append([candidate.code, referral.opportunity.title,
                     label("referral_status", referral.status), candidate.name or "",
                     candidate.office_name, referral.interview_on or "",
                     referral.placement_started_on or "", referral.placement_ended_on or ""])
    return to_csv([label("candidate_csv", column) for column in CANDIDATE_COLUMNS], rows)
