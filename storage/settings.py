"""Business settings kept in the database (so a shared database shares them)."""

from __future__ import annotations

import json
from dataclasses import asdict
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.customers import ClassificationSettings, ScoreWeights
from storage.models import Setting

CLASSIFICATION_KEY = "classification"


def load_classification(session: Session) -> ClassificationSettings:
    """The stored classification settings; missing keys take the domain's defaults."""
    raw = session.scalar(select(Setting.value).where(Setting.key == CLASSIFICATION_KEY))
    defaults = ClassificationSettings()
    if not raw:
        return defaults
    data = json.loads(raw)
    weights = ScoreWeights(**{**asdict(defaults.weights), **data.get("weights", {})})
    return ClassificationSettings(
        trailing_months=int(data.get("trailing_months", defaults.trailing_months)),
        abc_a_share=float(data.get("abc_a_share", defaults.abc_a_share)),
        abc_b_share=float(data.get("abc_b_share", defaults.abc_b_share)),
        value_amount_split=Decimal(str(data.get("value_amount_split", defaults.value_amount_split))),
        value_density_split=float(data.get("value_density_split", defaults.value_density_split)),
        closed_grade_bounds=tuple(  # type: ignore[arg-type]
            Decimal(str(v)) for v in data.get("closed_grade_bounds", defaults.closed_grade_bounds)
        ),
        potential_grade_bounds=tuple(  # type: ignore[arg-type]
            int(v) for v in data.get("potential_grade_bounds", defaults.potential_grade_bounds)
        ),
        weights=weights,
    )


def save_classification(session: Session, settings: ClassificationSettings) -> None:
    data = asdict(settings)
    data["value_amount_split"] = str(settings.value_amount_split)
    data["closed_grade_bounds"] = [str(v) for v in settings.closed_grade_bounds]
    value = json.dumps(data)
    row = session.get(Setting, CLASSIFICATION_KEY)
    if row is None:
        session.add(Setting(key=CLASSIFICATION_KEY, value=value))
    else:
        row.value = value
