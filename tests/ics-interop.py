#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""
Interoperability of the iCalendar export: the sample team's roster is
made, published and exported with the command line, for the whole team
and for one person; Python's icalendar package (the one in Debian, as
other programs use it) must read every event with the same start and end
as libical. Then a holiday calendar is imported, and malformed input is
refused with the right exit status.

Usage: ics-interop.py SHIFTCRAFT ICS-DUMP HOLIDAYS.ics BAD.ics TIME-OFF.ics
"""

import datetime
import os
import subprocess
import sys
import tempfile

import icalendar

shiftcraft, ics_dump, holidays_file, bad_file, time_off_file = sys.argv[1:6]
checks = 0


def ok(condition, what):
    global checks
    checks += 1
    print(('ok %d - ' if condition else 'not ok %d - ') % checks + what)
    if not condition:
        sys.exit(1)


def run(*args, expect=0):
    result = subprocess.run([shiftcraft, *args], capture_output=True, text=True)
    if result.returncode != expect:
        print('# %s exited %d, not %d\n# stdout: %s\n# stderr: %s'
              % (' '.join(args), result.returncode, expect, result.stdout, result.stderr))
    ok(result.returncode == expect, ' '.join(args[:2]) + ' exits %d' % expect)
    return result


def utc(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise AssertionError('floating time %s' % value)
        return value.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    return 'DATE:' + value.isoformat()


def compare(path, label):
    raw = open(path, 'rb').read()
    ok(b'\n' not in raw.replace(b'\r\n', b''), label + ': CRLF line ends only')
    ok(all(len(line) <= 75 for line in raw.split(b'\r\n')), label + ': lines of at most 75 octets')

    calendar = icalendar.Calendar.from_ical(raw)
    python = {}
    for event in calendar.walk('VEVENT'):
        start = event.decoded('DTSTART')
        end = event.decoded('DTEND')
        python[str(event['UID'])] = (utc(start), utc(end), int(event.get('SEQUENCE', 0)),
                                     str(event.get('STATUS', '-')), str(event['SUMMARY']))

    lines = subprocess.run([ics_dump, path], capture_output=True, text=True, check=True).stdout
    libical = {}
    for line in lines.splitlines():
        uid, start, end, sequence, status, summary = line.split('\t')
        libical[uid] = (start, end, int(sequence), status, summary)

    ok(len(python) > 0, label + ': %d events' % len(python))
    ok(set(python) == set(libical), label + ': the same UIDs for Python icalendar and libical')
    differ = [uid for uid in python if python[uid][:2] != libical[uid][:2]]
    for uid in differ[:5]:
        print('# %s: icalendar %s, libical %s' % (uid, python[uid][:2], libical[uid][:2]))
    ok(not differ, label + ': every event starts and ends at the same instant for both')
    differ = [uid for uid in python if python[uid][2:] != libical[uid][2:]]
    for uid in differ[:5]:
        print('# %s: icalendar %s, libical %s' % (uid, python[uid][2:], libical[uid][2:]))
    ok(not differ, label + ': the same sequence, status and title for both')
    return python


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, 'interop.db')
    today = datetime.date.today()
    monday = today + datetime.timedelta(days=7 - today.weekday())

    run('demo', '--database', db)
    run('solve', '--from', monday.isoformat(), '--days', '14', '--time-limit', '2', '--database', db)
    draft = run('export-ics', '--from', monday.isoformat(), '--days', '14', '--database', db, os.path.join(tmp, 'draft.ics'))
    ok('publish a roster first' in draft.stderr, 'a draft roster is not exported')
    run('publish', '1', '--database', db)

    team_path = os.path.join(tmp, 'team.ics')
    person_path = os.path.join(tmp, 'person.ics')
    run('export-ics', '--from', monday.isoformat(), '--days', '14', '--database', db, team_path)
    run('export-ics', '--from', monday.isoformat(), '--days', '14', '--person', 'SC1011', '--database', db, person_path)

    team = compare(team_path, 'team')
    person = compare(person_path, 'one person')
    ok(set(person) <= set(team), 'the person\'s events are among the team\'s, with the same UIDs')

    # A second export: the same UIDs and sequences
    again_path = os.path.join(tmp, 'again.ics')
    run('export-ics', '--from', monday.isoformat(), '--days', '14', '--database', db, again_path)
    again = compare(again_path, 'team again')
    ok({uid: e[2] for uid, e in again.items()} == {uid: e[2] for uid, e in team.items()},
       'a second export keeps every UID and SEQUENCE')

    # Command-line mistakes and bad files
    run('export-ics', '--days', '14', '--database', db, team_path, expect=2)
    run('export-ics', '--from', monday.isoformat(), '--person', 'NOBODY', '--database', db, team_path, expect=1)
    run('import-ics', holidays_file, '--database', db, expect=2)
    run('import-ics', holidays_file, '--as', 'time-off', '--database', db, expect=2)
    bad = run('import-ics', bad_file, '--as', 'holidays', '--database', db, expect=1)
    ok('line ' in bad.stderr, 'a malformed file is refused with its line: ' + bad.stderr.strip())
    dry = run('import-ics', holidays_file, '--as', 'holidays', '--dry-run', '--database', db)
    ok('清明节' in dry.stdout, 'a dry run lists the holidays')
    done = run('import-ics', holidays_file, '--as', 'holidays', '--database', db)
    ok('Imported 7 holidays' in done.stdout, 'seven holidays imported')
    done = run('import-ics', time_off_file, '--as', 'time-off', '--person', 'SC1011', '--database', db)
    ok('Imported 2 periods of time off' in done.stdout, 'two periods of time off imported')
    again = run('import-ics', time_off_file, '--as', 'time-off', '--person', 'SC1011', '--database', db, expect=1)
    ok('Nothing was imported' in again.stderr, 'time off that overlaps is refused: ' + again.stderr.strip())

print('1..%d' % checks)
