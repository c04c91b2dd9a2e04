#!/usr/bin/env python3
"""Independent check of Kapstok's .ics files with the `icalendar` package (PyPI).

Usage: check_ics.py MANIFEST.json

The manifest lists files and the events each must hold:
  [{"file": "...", "method": "PUBLISH",
    "events": [{"uid": "...", "sequence": 0, "status": "CONFIRMED",
                "start_utc": "2027-03-23T09:00:00Z", "end_utc": "...",
                "summary": "...", "description": "..."}]}]
("summary", "description" and "status" are checked only when given.)

Every event's DTSTART/DTEND is resolved through the file's own VTIMEZONE (built with
Timezone.to_tz(lookup_tzid=False), never the system's zone database) and compared with the
expected UTC instants; every expected event must be present exactly once and no other.
Exits 0 when all checks pass, 1 on a failed check, 3 when `icalendar` is missing.
"""
import json
import sys
from datetime import datetime, timezone

try:
    import icalendar
    from icalendar.timezone import tzp
except ImportError:
    print("python3 cannot import 'icalendar': install it with `pip install icalendar` "
          "(Debian: `pip install --break-system-packages icalendar`)", file=sys.stderr)
    sys.exit(3)


def zones_of(calendar):
    zones = {}
    for component in calendar.walk("VTIMEZONE"):
        tzid = str(component["TZID"])
        # lookup_tzid=False: build the zone from this VTIMEZONE's own observances and rules.
        zones[tzid] = component.to_tz(lookup_tzid=False)
    return zones


def resolve(prop, zones, errors, what):
    tzid = prop.params.get("TZID")
    if tzid is None:
        errors.append(f"{what}: no TZID parameter")
        return None
    if tzid not in zones:
        errors.append(f"{what}: TZID {tzid!r} has no VTIMEZONE in the file")
        return None
    # The wall-clock time as written; whatever zone icalendar attached while parsing is dropped.
    local = prop.dt.replace(tzinfo=None)
    return tzp.localize(local, zones[tzid]).astimezone(timezone.utc)


def check(entry, errors):
    path = entry["file"]
    with open(path, "rb") as handle:
        data = handle.read()
    calendar = icalendar.Calendar.from_ical(data)
    if str(calendar.get("METHOD")) != entry["method"]:
        errors.append(f"{path}: METHOD {calendar.get('METHOD')!r}, expected {entry['method']!r}")
    zones = zones_of(calendar)
    found = {}
    for event in calendar.walk("VEVENT"):
        found.setdefault(str(event["UID"]), []).append(event)
    expected_uids = {e["uid"] for e in entry["events"]}
    for uid in sorted(set(found) - expected_uids):
        errors.append(f"{path}: unexpected event {uid}")
    for expected in entry["events"]:
        uid = expected["uid"]
        events = found.get(uid, [])
        if len(events) != 1:
            errors.append(f"{path}: event {uid} present {len(events)} times, expected once")
            continue
        event = events[0]
        for key, name in (("start_utc", "DTSTART"), ("end_utc", "DTEND")):
            got = resolve(event[name], zones, errors, f"{path}: {uid} {name}")
            want = datetime.strptime(expected[key], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
            if got is not None and got != want:
                errors.append(f"{path}: {uid} {name} is {got.isoformat()}, expected {want.isoformat()}")
        for key, name in (("summary", "SUMMARY"), ("description", "DESCRIPTION"), ("status", "STATUS")):
            if key in expected and str(event.get(name)) != expected[key]:
                errors.append(f"{path}: {uid} {name} is {str(event.get(name))!r}, expected {expected[key]!r}")
        if int(event.get("SEQUENCE")) != expected["sequence"]:
            errors.append(f"{path}: {uid} SEQUENCE is {event.get('SEQUENCE')}, expected {expected['sequence']}")
    return sum(len(v) for v in found.values())


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        manifest = json.load(handle)
    errors = []
    events = sum(check(entry, errors) for entry in manifest)
    for error in errors:
        print(error, file=sys.stderr)
    print(f"icalendar {icalendar.__version__}: {len(manifest)} files, {events} events, {len(errors)} problems")
    sys.exit(1 if errors else 0)


main()
