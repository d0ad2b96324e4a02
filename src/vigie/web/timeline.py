"""Dashboard timeline: counts per period and type -> stacked bars with axes, for an SVG drawn on the server.

The period (week, month, year) is chosen from the span shown (search.summary.choose_unit), so that
fourteen years make fourteen bars and two months nine; every period of the span gets a bar, empty
or not, so that gaps show as gaps. The dashboard's script brushes bars into a date filter.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta

from vigie.search import EventFilter, PeriodCount, Unit, choose_unit, event_span, period_counts
from vigie.store import Store
from vigie.web.charts import OTHER_COLOUR, TYPE_COLOURS
from vigie.web.i18n import month_name, translator, type_label

WIDTH, HEIGHT = 900, 230
LEFT, RIGHT, TOP, BOTTOM = 46, 8, 12, 40  # margins: the y axis's labels, the x axis's labels
MAX_LABELS = 9


@dataclass(frozen=True, slots=True)
class Segment:
    y: float
    height: float
    colour: str
    key: str
    count: int


@dataclass(frozen=True, slots=True)
class Bin:
    """One period's bar: its stacked segments and what the tooltip says."""

    x: float
    width: float
    start: date
    end: date
    count: int
    fatalities: int
    segments: list[Segment]
    tip: str


@dataclass(frozen=True, slots=True)
class TimelineDrawing:
    width: int
    height: int
    unit: Unit
    bins: list[Bin]
    y_ticks: list[tuple[float, int]]  # (y, value)
    x_ticks: list[tuple[float, str]]  # (x, label)
    keys: list[str]  # event types present, in the legend's order
    peak: int
    plot: tuple[int, int, int, int]  # left, top, right, bottom of the plotting area
    title: str


def timeline_of(store: Store, filters: EventFilter, lang: str) -> TimelineDrawing:
    """The timeline of the matching events: the filter's dates, or the data's where it leaves one open."""
    found = event_span(store, filters)
    first = filters.start or (found[0] if found else None)
    last = filters.end or (found[1] if found else None)
    if first is None or last is None or first > last:
        return draw_timeline([], "week", None, lang)
    unit = choose_unit(first, last)
    return draw_timeline(period_counts(store, filters, unit), unit, (first, last), lang)


def period_start(day: date, unit: Unit) -> date:
    """The first day of the period holding `day`.

    >>> period_start(date(2024, 8, 4), "week"), period_start(date(2024, 8, 4), "month")
    (datetime.date(2024, 7, 29), datetime.date(2024, 8, 1))
    """
    if unit == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1) if unit == "month" else day.replace(month=1, day=1)


def period_end(start: date, unit: Unit) -> date:
    """The last day of the period that opens on `start`."""
    if unit == "week":
        return start + timedelta(days=6)
    if unit == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start.replace(month=12, day=31)


def periods(first: date, last: date, unit: Unit) -> list[date]:
    """Every period from the one holding `first` to the one holding `last`."""
    found, start = [], period_start(first, unit)
    while start <= last:
        found.append(start)
        start = period_end(start, unit) + timedelta(days=1)
    return found


def period_label(start: date, unit: Unit, lang: str, short: bool = False) -> str:
    """ "2024", "août 2024" / "Aug 2024", "29/07/2024" (a week by its Monday).

    >>> period_label(date(2024, 8, 1), "month", "fr"), period_label(date(2024, 7, 29), "week", "en")
    ('août 2024', 'week of 2024-07-29')
    """
    if unit == "year":
        return str(start.year)
    if unit == "month":
        return f"{month_name(start.month, lang, short)} {start.year}"
    if short:
        return start.strftime("%d/%m/%y") if lang == "fr" else start.isoformat()
    return translator(lang)(
        "timeline.week_of", day=start.strftime("%d/%m/%Y") if lang == "fr" else start.isoformat()
    )


def draw_timeline(
    counts: list[PeriodCount], unit: Unit, span: tuple[date, date] | None, lang: str
) -> TimelineDrawing:
    """Stacked bars, one per period of `span`, in a fixed order of types, with axes and tooltips."""
    t = translator(lang)
    title = t(f"timeline.{unit}")
    plot = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM)
    if span is None:
        return TimelineDrawing(WIDTH, HEIGHT, unit, [], [], [], [], 0, plot, title)
    starts = periods(span[0], span[1], unit)
    per_period: dict[date, dict[str, PeriodCount]] = {start: {} for start in starts}
    for row in counts:
        per_period.setdefault(row.start, {})[row.key] = row
    present = {row.key for row in counts}
    keys = [key for key in TYPE_COLOURS if key in present] + sorted(present - set(TYPE_COLOURS))
    peak = max((sum(r.count for r in values.values()) for values in per_period.values()), default=0)
    top, y_ticks = _scale(peak)
    left, upper, right, lower = plot
    step = (right - left) / max(len(starts), 1)
    gap = 1.0 if step > 4 else 0.0
    bins = []
    for index, start in enumerate(starts):
        values = per_period.get(start, {})
        x = left + index * step
        y = float(lower)
        segments = []
        for key in keys:
            if key in values:
                height = values[key].count / top * (lower - upper)
                y -= height
                segments.append(Segment(round(y, 1), round(height, 1), TYPE_COLOURS.get(key, OTHER_COLOUR), key,
                                        values[key].count))  # fmt: skip
        count = sum(r.count for r in values.values())
        dead = sum(r.fatalities for r in values.values())
        reported = sum(r.reported for r in values.values())
        lines = [
            f"{period_label(start, unit, lang)} : "
            if lang == "fr"
            else f"{period_label(start, unit, lang)}: "
        ]
        lines[0] += (
            t("timeline.tip", count=count)
            + ", "
            + (t("timeline.dead", dead=dead) if reported else t("timeline.no_toll"))
        )
        lines += [f"{type_label(s.key, lang)} : {s.count}" if lang == "fr" else f"{s.key}: {s.count}"
                  for s in reversed(segments)]  # fmt: skip
        bins.append(Bin(round(x, 1), round(max(step - gap, 0.5), 1), start, period_end(start, unit), count, dead,
                        segments, "\n".join(lines)))  # fmt: skip
    every = max(1, math.ceil(len(starts) / MAX_LABELS))
    if unit == "month" and every < 12:
        every = next(k for k in (1, 2, 3, 4, 6, 12) if k >= every)
    x_ticks = [
        (round(left + index * step + step / 2, 1), period_label(start, unit, lang, short=True))
        for index, start in enumerate(starts)
        if index % every == 0
    ]
    y_ticks_px = [(round(lower - value / top * (lower - upper), 1), value) for value in y_ticks]
    return TimelineDrawing(WIDTH, HEIGHT, unit, bins, y_ticks_px, x_ticks, keys, peak, plot, title)


def _scale(peak: int) -> tuple[float, list[int]]:
    """The axis's top and its ticks: steps of 1, 2 or 5 times a power of ten, at most five.

    >>> _scale(7), _scale(230)
    ((8, [0, 2, 4, 6, 8]), (300, [0, 100, 200, 300]))
    """
    if peak <= 0:
        return 1, [0, 1]
    magnitude = 10 ** max(0, math.floor(math.log10(peak)) - 1)
    for factor in (1, 2, 5, 10, 20, 50, 100):
        step = factor * magnitude
        if math.ceil(peak / step) <= 4:
            break
    top = math.ceil(peak / step) * step
    return top, list(range(0, top + 1, step))
