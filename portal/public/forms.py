"""Public search forms."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms import SelectField, StringField
from wtforms.validators import Length, Optional

from ..extensions import db
from ..forms import Form
from ..offices.models import Region


class DirectoryForm(Form):
    """Search the Bapas directory (GET)."""

    class Meta:
        csrf = False

    q = StringField(_l("Name or city"), validators=[Optional(), Length(max=80)])
    province = SelectField(_l("Province"), validators=[Optional()])
    city = StringField(_l("City or regency"), validators=[Optional(), Length(max=80)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = db.session.execute(select(Region.id, Region.name).order_by(Region.name)).all()
        self.province.choices = [("", _l("All provinces"))] + [(str(i), n) for i, n in regions]
