"""Public selects: offices only (no personal data)."""
from __future__ import annotations

from sqlalchemy import Select, func, or_, select

from ..offices.models import Office, Region


def offices_query(q: str | None, province_id: str | None, city: str | None) -> Select[Office]:
    """Active Bapas offices matching the search, by province then name."""
    stmt = (select(Office).join(Region, Office.region_id == Region.id)
            .where(Office.active.is_(True)).order_by(Region.name, Office.name))
    if q:
        like = f"%{q.strip().lower()}%"
        stmt = stmt.where(or_(func.lower(Office.name).like(like), func.lower(Office.city).like(like)))
    if province_id and province_id.isdigit():
        stmt = stmt.where(Office.region_id == int(province_id))
    if city:
        stmt = stmt.where(func.lower(Office.city).like(f"%{city.strip().lower()}%"))
    return stmt
