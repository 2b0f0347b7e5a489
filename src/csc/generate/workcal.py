"""Calendar arithmetic for the simulator: working days (Monday-Friday, not an England and Wales bank holiday),
months and ages."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta

import holidays


class WorkCalendar:
    def __init__(self, first: date, last: date):
        bank = holidays.country_holidays("GB", subdiv="ENG", years=range(first.year, last.year + 1))
        self.first = first.toordinal()
        self.last = last.toordinal()
        self.workdays: list[int] = []
        self.cum: list[int] = []  # cum[i]: working days on or before first + i
        n = 0
        for o in range(self.first, self.last + 1):
            d = date.fromordinal(o)
            if d.weekday() < 5 and d not in bank:
                n += 1
                self.workdays.append(o)
            self.cum.append(n)

    def wd(self, a: date, b: date) -> int:
        """WD(a, b): working days d with a < d <= b."""
        return self.cum[b.toordinal() - self.first] - self.cum[a.toordinal() - self.first]

    def add(self, a: date, n: int) -> date:
        """The date b with WD(a, b) == n that is itself a working day (n >= 1); a for n == 0."""
        if n <= 0:
            return a
        k = self.cum[a.toordinal() - self.first] + n
        k = min(k, len(self.workdays))
        return date.fromordinal(self.workdays[k - 1])

    def next_workday(self, a: date) -> date:
        """a if it is a working day, else the next one."""
        i = bisect_right(self.workdays, a.toordinal() - 1)
        i = min(i, len(self.workdays) - 1)
        return date.fromordinal(self.workdays[i])


def add_months(d: date, months: int) -> date:
    """Same day of month, clamped to the month's last day (as DuckDB's d + interval n month)."""
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)).day
    return date(y, m, min(d.day, last))


def month_end(d: date) -> date:
    return add_months(date(d.year, d.month, 1), 1) - timedelta(days=1)


def birthday(dob: date, years: int) -> date:
    """The `years`th birthday (1 March for a 29 February birthday in a common year)."""
    try:
        return dob.replace(year=dob.year + years)
    except ValueError:  # 29 February
        return date(dob.year + years, 3, 1)


def age_at(dob: date, d: date) -> int:
    """Age in whole years on `d`."""
    return d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))
