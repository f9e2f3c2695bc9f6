"""Time as people think of it: date presets beside the date fields, and the chosen
range drawn on the year and month charts.

Template globals only (no routes): :func:`date_presets` gives the links "last 7
days", "last 30 days" and "this year" for the current search, and :func:`band`
where a date range falls on a chart's bars, in the chart's own units (0-100).
"""

from __future__ import annotations

import calendar
import datetime as dt

from flask import Blueprint

bp = Blueprint("charts", __name__)


def _today() -> dt.date:
    return dt.date.today()


@bp.app_template_global("date_presets")
def date_presets(state) -> list[dict]:
    """The presets for the current search: label, link (the range in the date fields,
    the year and month filters dropped) and whether it is the range chosen now."""
    today = _today()
    ranges = [
        ("7 ngày qua", today - dt.timedelta(days=6), today),
        ("30 ngày qua", today - dt.timedelta(days=29), today),
        ("Năm nay", dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)),
    ]
    chosen = (state.get("from"), state.get("to"))
    return [
        {
            "label": label,
            "from": start.isoformat(),
            "to": end.isoformat(),
            "link": state.link(set_={"from": start.isoformat(), "to": end.isoformat()}, remove=("year", "month")),
            "on": chosen == (start.isoformat(), end.isoformat()),
        }
        for label, start, end in ranges
    ]


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _position(chart: dict, day: dt.date, end: bool) -> float | None:
    """Where the start (or the *end*) of *day* falls on the chart, 0-100; None off a month chart's year."""
    keys = [bar["key"] for bar in chart["bars"]]
    if not keys:
        return None
    width = 100 / len(keys)
    if chart["kind"] == "month":
        if day.year != chart["year"]:
            return 0.0 if day.year < chart["year"] else 100.0
        slot = day.month - 1
        fraction = (day.day - (0 if end else 1)) / calendar.monthrange(day.year, day.month)[1]
    else:
        first, last = int(keys[0]), int(keys[-1])
        if day.year < first:
            return 0.0
        if day.year > last:
            return 100.0
        slot = day.year - first
        length = 366 if calendar.isleap(day.year) else 365
        fraction = (day.timetuple().tm_yday - (0 if end else 1)) / length
    return (slot + fraction) * width


@bp.app_template_global("band")
def band(chart: dict, state) -> dict | None:
    """The chosen date range on *chart*: its x and width (0-100) and a label, or None
    when no range is chosen or it lies off the chart."""
    start, end = _date(state.get("from")), _date(state.get("to"))
    if not (start or end) or not chart["bars"]:
        return None
    x0 = _position(chart, start, False) if start else 0.0
    x1 = _position(chart, end, True) if end else 100.0
    if x1 <= x0:
        return None
    label = f"{start:%d/%m/%Y}" if start else "…"
    label += " – " + (f"{end:%d/%m/%Y}" if end else "…")
    return {"x": round(x0, 2), "width": round(x1 - x0, 2), "label": label}
