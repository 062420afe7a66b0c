#!/usr/bin/python3
"""Parses the iCalendar feed that moim renders with python3-icalendar (a well-kept parser from
Debian) and checks what a calendar app would show. Usage: check_ics.py <ics_sample binary>."""
import datetime
import subprocess
import sys

import icalendar

data = subprocess.run([sys.argv[1]], check=True, capture_output=True).stdout
cal = icalendar.Calendar.from_ical(data)
assert cal["VERSION"] == "2.0", cal["VERSION"]
assert str(cal["X-WR-TIMEZONE"]) == "Asia/Seoul"
events = [c for c in cal.walk() if c.name == "VEVENT"]
assert len(events) == 3, len(events)

first = events[0]
assert str(first["UID"]) == "talk-1@moim.test", first["UID"]
assert str(first["SUMMARY"]) == '대규모 트래픽, 어떻게 버티나; "실전" \\ 편 — 박서준 (Kakao)', first["SUMMARY"]
start = first.decoded("DTSTART")
assert start.tzinfo is not None, start
assert start.astimezone(datetime.timezone.utc).replace(tzinfo=None) == \
    datetime.datetime(2026, 11, 23, 9, 0), start
# 09:00 UTC is 18:00 in Seoul.
kst = datetime.timezone(datetime.timedelta(hours=9))
assert start.astimezone(kst).hour == 18, start
assert (first.decoded("DTEND") - start) == datetime.timedelta(minutes=90)
description = str(first["DESCRIPTION"])
assert "slides: https://example.com/traffic.pdf\n" + "n" * 300 in description, description
assert b"CATEGORIES:tech_talk\r\n" in data

assert str(events[1]["SUMMARY"]) == "Office hours"
assert str(events[2]["SUMMARY"]).endswith("가나다라마바사아자차카타파하"), events[2]["SUMMARY"]
for line in data.split(b"\r\n"):
    assert len(line) <= 75, line
print("ok: %d events parsed by icalendar %s" % (len(events), icalendar.__version__))
