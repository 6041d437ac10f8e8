"""Parse publication dates and datetimes into ISO 8601 in Asia/Shanghai (+08:00)."""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

SHANGHAI = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")

_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    r"(?:\s*(?:T|\s)?\s*(?P<H>\d{1,2})[:：时](?P<M>\d{2})(?:[:：分](?P<S>\d{2}))?)?"
)


def parse_date_in(text: str) -> str | None:
    """The first date or datetime in ``text`` as ISO 8601 (+08:00 for a datetime).

    >>> parse_date_in("2021-01-17 09:55:20 蔡紫旻 陈凌鹭")
    '2021-01-17T09:55:20+08:00'
    >>> parse_date_in("时间：2026-02-06")
    '2026-02-06'
    >>> parse_date_in("——2020年5月22日在第十三届全国人民代表大会第三次会议上")
    '2020-05-22'
    >>> parse_date_in("2021年13月40日") is None
    True
    """
    for match in _DATE.finditer(text):
        try:
            day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
        if match["H"] is None:
            return day.isoformat()
        try:
            clock = dt.time(int(match["H"]), int(match["M"]), int(match["S"] or 0))
        except ValueError:
            return day.isoformat()
        return _iso(dt.datetime.combine(day, clock, SHANGHAI), with_seconds=match["S"] is not None)
    return None


def parse_datetime_value(value: object) -> str | None:
    """A front-matter/meta/side-file date value as ISO 8601 in Asia/Shanghai.

    Accepts RFC 2822 strings (converted from their zone), ISO strings, and the
    ``date``/``datetime`` objects YAML produces (naive ones are taken as Shanghai time).

    >>> parse_datetime_value("Fri, 12 Aug 2022 03:50:27 GMT")
    '2022-08-12T11:50:27+08:00'
    >>> parse_datetime_value("2022-08-12T03:50:27Z")
    '2022-08-12T11:50:27+08:00'
    >>> parse_datetime_value(dt.date(2020, 5, 22))
    '2020-05-22'
    """
    if isinstance(value, dt.datetime):
        stamp = value if value.tzinfo else value.replace(tzinfo=SHANGHAI)
        return _iso(stamp.astimezone(SHANGHAI), with_seconds=True)
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return parse_date_in(text)
    try:
        return parse_datetime_value(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return parse_datetime_value(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    return parse_date_in(text)


def _iso(stamp: dt.datetime, *, with_seconds: bool) -> str:
    return stamp.isoformat(timespec="seconds" if with_seconds else "minutes")
