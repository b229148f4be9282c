"""Calendars: the deadlines of each plan and of each department as iCalendar feeds."""
from macros.core.feature import Feature

from .outputs import write_calendars

FEATURE = Feature(name="calendars", doc=__doc__, outputs=write_calendars)
