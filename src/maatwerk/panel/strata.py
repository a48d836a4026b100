"""Strata: office region, age band and benefit-duration band. Bands are data (``Band``); the
defaults below are installed by a data migration and again after a ``flush``."""

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from .models import Band

DIMENSIONS = ("region", "age", "duration")
DIMENSION_LABELS = {
    "region": _("regio"),
    "age": _("leeftijd"),
    "duration": _("duur uitkering"),
}
DEFAULT_BANDS = [
    ("age", "jonger dan 27", 0, 27),
    ("age", "27 tot 45", 27, 45),
    ("age", "45 tot 55", 45, 55),
    ("age", "55 en ouder", 55, None),
    ("duration", "korter dan 3 maanden", 0, 3),
    ("duration", "3 tot 6 maanden", 3, 6),
    ("duration", "6 tot 12 maanden", 6, 12),
    ("duration", "12 maanden of langer", 12, None),
]
UNKNOWN = "?"


def install_default_bands(band_model=Band) -> None:
    if band_model.objects.exists():
        return
    band_model.objects.bulk_create(
        band_model(dimension=d, label=label, lower=lo, upper=up)
        for d, label, lo, up in DEFAULT_BANDS
    )


def years_between(born: dt.date, today: dt.date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def months_between(start: dt.date, today: dt.date) -> int:
    months = (today.year - start.year) * 12 + today.month - start.month
    if today.day < start.day:
        months -= 1
    return max(months, 0)


def shift_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def shift_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, candidate)
        except ValueError:
            continue
    raise ValueError(day)


@dataclass
class Bands:
    age: list[Band]
    duration: list[Band]

    @classmethod
    def load(cls) -> "Bands":
        bands = list(Band.objects.order_by("lower"))
        return cls(
            [b for b in bands if b.dimension == Band.Dimension.AGE],
            [b for b in bands if b.dimension == Band.Dimension.DURATION],
        )

    @staticmethod
    def _find(bands: list[Band], value: int) -> Band | None:
        index = bisect_right([b.lower for b in bands], value) - 1
        if index < 0:
            return None
        band = bands[index]
        return band if band.upper is None or value < band.upper else None

    def age_band(self, born: dt.date, today: dt.date) -> Band | None:
        return self._find(self.age, years_between(born, today))

    def duration_band(self, start: dt.date, today: dt.date) -> Band | None:
        return self._find(self.duration, months_between(start, today))

    def label(self, dimension: str, band_id) -> str:
        for band in self.age if dimension == "age" else self.duration:
            if str(band.pk) == str(band_id):
                return band.label
        return str(_("onbekend"))

    def case(self, dimension: str, today: dt.date):
        """A database expression giving each client's band id (age or duration), so whole
        populations are counted in one grouped query."""
        if dimension == "age":
            field, shift, bands = "date_of_birth", shift_years, self.age
        else:
            field, shift, bands = "benefit_start", shift_months, self.duration
        whens = []
        for band in bands:
            # value >= lower  ⇔  date <= today - lower;  value < upper  ⇔  date > today - upper
            condition = Q(**{f"{field}__lte": shift(today, band.lower)})
            if band.upper is not None:
                condition &= Q(**{f"{field}__gt": shift(today, band.upper)})
            whens.append(When(condition, then=Value(band.pk)))
        return Case(*whens, default=Value(None), output_field=IntegerField())


def stratum_key(dimensions, region_id, age_band, duration_band) -> str:
    parts = []
    for dimension in DIMENSIONS:
        if dimension not in dimensions:
            continue
        value = {"region": region_id, "age": age_band, "duration": duration_band}[dimension]
        value = getattr(value, "pk", value)
        parts.append(f"{dimension}:{UNKNOWN if value is None else value}")
    return "|".join(parts) or "all"


def stratum_label(key: str, bands: Bands, region_names: dict) -> str:
    if key == "all":
        return str(_("hele panel"))
    labels = []
    for part in key.split("|"):
        dimension, _sep, value = part.partition(":")
        if value == UNKNOWN:
            labels.append(str(_("onbekend")))
        elif dimension == "region":
            labels.append(region_names.get(int(value), str(_("onbekend"))))
        else:
            labels.append(bands.label(dimension, value))
    return " · ".join(labels)
