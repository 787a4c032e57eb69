# versions: 3.11+
# Date arithmetic written by hand (no datetime): leap years, day of week (Zeller), day-of-year,
# adding days, differences between dates, and a printed month calendar.

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def month_days(y, m):
    return [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]


def weekday(y, m, d):
    if m < 3:
        m += 12
        y -= 1
    k, j = y % 100, y // 100
    h = (d + 13 * (m + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return (h + 5) % 7


def day_of_year(y, m, d):
    return sum(month_days(y, i) for i in range(1, m)) + d


def to_ordinal(y, m, d):
    y1 = y - 1
    return y1 * 365 + y1 // 4 - y1 // 100 + y1 // 400 + day_of_year(y, m, d)


def from_ordinal(n):
    y = max(1, n // 366)
    while to_ordinal(y + 1, 1, 1) <= n:
        y += 1
    m = 1
    while to_ordinal(y, m, month_days(y, m)) < n:
        m += 1
    return y, m, n - to_ordinal(y, m, 1) + 1


def add_days(date, days):
    return from_ordinal(to_ordinal(*date) + days)


def fmt(date):
    y, m, d = date
    return f"{DAYS[weekday(y, m, d)]} {d:02d} {MONTHS[m - 1][:3]} {y}"


print([y for y in range(1896, 1910) if is_leap(y)], is_leap(2000), is_leap(2100), is_leap(2024))
for date in [(2000, 1, 1), (1969, 7, 20), (2024, 2, 29), (1999, 12, 31), (2023, 10, 15), (1, 1, 1)]:
    print(fmt(date), "day of year", day_of_year(*date), "ordinal", to_ordinal(*date))
start = (2024, 1, 31)
for delta in [1, 29, 30, 365, 366, -31, 1000, -10000]:
    print(f"{fmt(start)} {delta:+6d} days = {fmt(add_days(start, delta))}")
print("days between moon landing and y2k:", to_ordinal(2000, 1, 1) - to_ordinal(1969, 7, 20))
print("round trip:", all(from_ordinal(to_ordinal(y, m, 1)) == (y, m, 1) for y in range(1990, 2031) for m in range(1, 13)))
friday13 = [(y, m) for y in range(2024, 2027) for m in range(1, 13) if weekday(y, m, 13) == 4]
print("Friday the 13th:", [f"{MONTHS[m - 1][:3]} {y}" for y, m in friday13])


def month_calendar(y, m):
    lines = [f"{MONTHS[m - 1]} {y}".center(20), " ".join(d[:2] for d in DAYS)]
    first = weekday(y, m, 1)
    cells = ["  "] * first + [f"{d:>2}" for d in range(1, month_days(y, m) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]))
    return "\n".join(lines)


print(month_calendar(2024, 2))
print(month_calendar(2025, 6))
weekdays = {}
for day in range(1, 366):
    y, m, d = add_days((2023, 1, 1), day - 1)
    weekdays[DAYS[weekday(y, m, d)]] = weekdays.get(DAYS[weekday(y, m, d)], 0) + 1
print("weekday counts in 2023:", weekdays)
