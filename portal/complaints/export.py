"""The complaint queue as CSV, in the words of the person who downloads it: headers, channel,
status and grounds as labels, overdue and flagged as yes or no — never the complainant."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from ..csvsafe import to_csv
from ..labels import label, labels
from .models import Complaint

COLUMNS = ("reference", "channel", "status", "grounds", "client", "officer", "submitted_on",
           "due_on", "overdue", "flagged")


def _yes_no(value: bool) -> str:
    return label("yes_no", "yes" if value else "no")


def export_csv(complaints: Iterable[Complaint], is_overdue: Callable[[Complaint], bool]) -> str:
    """CSV text of the complaints, one row each, headers in the reader's language."""
    rows = ([c.reference, label("channel", c.channel), label("complaint_status", c.status),
             labels("ground", c.grounds, "; "),
             c.client.full_name if c.client else (c.client_name or ""),
             c.assigned_officer.name if c.assigned_officer else "", c.submitted_on, c.due_on,
             _yes_no(is_overdue(c)), _yes_no(c.flagged_malicious)]
            for c in complaints)
    return to_csv([label("complaint_csv", column) for column in COLUMNS], rows)
