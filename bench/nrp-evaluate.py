#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Independent check of a roster for a Curtois benchmark instance.

    nrp-evaluate.py INSTANCE.txt ROSTER.csv [--expect OBJECTIVE]

ROSTER.csv holds lines "EmployeeID,Day,ShiftID" (one per worked day); other
lines (for example the "objective=… hard_violations=… seconds=…" summary) are
ignored. Written from the model in shared/data/nrp/FORMAT.md (Curtois & Qu
2014), sharing no code with the C scorer. Prints every hard violation, then
"objective=<int> hard_violations=<int>". Exit status 0 when the roster has
no hard violation (and, with --expect, the objective matches), 1 otherwise.
"""

import argparse
import sys


def read_instance(path):
    sections = {}
    current = None
    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith('#'):
                continue
            if line.startswith('SECTION_'):
                current = line
                sections[current] = []
                continue
            sections[current].append([x.strip() for x in line.split(',')])

    inst = {}
    inst['h'] = int(sections['SECTION_HORIZON'][0][0])
    inst['shifts'] = {}
    for row in sections['SECTION_SHIFTS']:
        cannot = set(x for x in row[2].split('|') if x) if len(row) > 2 else set()
        inst['shifts'][row[0]] = {'len': int(row[1]), 'cannot_follow': cannot}
    inst['staff'] = {}
    for row in sections['SECTION_STAFF']:
        maxshifts = {}
        for kv in row[1].split('|'):
            k, v = kv.split('=')
            maxshifts[k] = int(v)
        inst['staff'][row[0]] = {
            'max_shifts': maxshifts,
            'max_total': int(row[2]), 'min_total': int(row[3]),
            'max_cons': int(row[4]), 'min_cons': int(row[5]),
            'min_off': int(row[6]), 'max_weekends': int(row[7]),
        }
    inst['days_off'] = set()
    for row in sections.get('SECTION_DAYS_OFF', []):
        for d in row[1:]:
            inst['days_off'].add((row[0], int(d)))
    inst['on'] = [(r[0], int(r[1]), r[2], int(r[3])) for r in sections.get('SECTION_SHIFT_ON_REQUESTS', [])]
    inst['off'] = [(r[0], int(r[1]), r[2], int(r[3])) for r in sections.get('SECTION_SHIFT_OFF_REQUESTS', [])]
    inst['cover'] = [(int(r[0]), r[1], int(r[2]), int(r[3]), int(r[4])) for r in sections.get('SECTION_COVER', [])]
    return inst


def read_roster(path, inst):
    x = {}
    problems = []
    with open(path, encoding='utf-8') as f:
        for n, raw in enumerate(f, 1):
            parts = [p.strip() for p in raw.strip().split(',')]
            if len(parts) != 3 or not parts[1].isdigit():
                continue
            e, d, t = parts[0], int(parts[1]), parts[2]
            if e not in inst['staff'] or t not in inst['shifts'] or not 0 <= d < inst['h']:
                problems.append('line %d: unknown employee, shift or day: %s' % (n, raw.strip()))
                continue
            if (e, d) in x:
                # constraint 1: at most one shift per day
                problems.append('employee %s: two shifts on day %d' % (e, d))
                continue
            x[(e, d)] = t
    return x, problems


def blocks(works):
    """(start, length, is_work) of the maximal runs of a list of booleans"""
    out = []
    start = 0
    for d in range(1, len(works) + 1):
        if d == len(works) or works[d] != works[start]:
            out.append((start, d - start, works[start]))
            start = d
    return out


def evaluate(inst, x):
    h = inst['h']
    viol = []
    for e, c in inst['staff'].items():
        row = [x.get((e, d)) for d in range(h)]
        works = [t is not None for t in row]
        # 2: shift rotation
        for d in range(h - 1):
            if row[d] is not None and row[d + 1] is not None and row[d + 1] in inst['shifts'][row[d]]['cannot_follow']:
                viol.append('%s: %s on day %d followed by %s' % (e, row[d], d, row[d + 1]))
        # 3: max shifts per type
        for t, m in c['max_shifts'].items():
            n = sum(1 for v in row if v == t)
            if n > m:
                viol.append('%s: %d shifts %s > %d' % (e, n, t, m))
        # 4: total minutes
        total = sum(inst['shifts'][v]['len'] for v in row if v is not None)
        if total < c['min_total'] or total > c['max_total']:
            viol.append('%s: %d minutes outside [%d, %d]' % (e, total, c['min_total'], c['max_total']))
        # 5: every window of max_cons + 1 days has a day off
        k = c['max_cons'] + 1
        for d in range(0, h - k + 1):
            if all(works[d:d + k]):
                viol.append('%s: works days %d..%d' % (e, d, d + k - 1))
        # 6, 7: short blocks strictly inside the horizon
        for start, length, is_work in blocks(works):
            if start == 0 or start + length == h:
                continue
            if is_work and length < c['min_cons']:
                viol.append('%s: %d-day work block from day %d' % (e, length, start))
            if not is_work and length < c['min_off']:
                viol.append('%s: %d-day off block from day %d' % (e, length, start))
        # 8: weekends (Saturday 7w+5 or Sunday 7w+6 worked)
        weekends = sum(1 for w in range(h // 7 + 1)
                       if (7 * w + 5 < h and works[7 * w + 5]) or (7 * w + 6 < h and works[7 * w + 6]))
        if weekends > c['max_weekends']:
            viol.append('%s: %d weekends > %d' % (e, weekends, c['max_weekends']))
        # 9: days off
        for d in range(h):
            if works[d] and (e, d) in inst['days_off']:
                viol.append('%s: works fixed day off %d' % (e, d))

    obj = 0
    for e, d, t, w in inst['on']:
        if x.get((e, d)) != t:
            obj += w
    for e, d, t, w in inst['off']:
        if x.get((e, d)) == t:
            obj += w
    for d, t, req, wu, wo in inst['cover']:
        n = sum(1 for e in inst['staff'] if x.get((e, d)) == t)
        obj += wu * max(0, req - n) + wo * max(0, n - req)
    return obj, viol


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('instance')
    ap.add_argument('roster')
    ap.add_argument('--expect', type=int, help='objective the solver printed')
    args = ap.parse_args()

    inst = read_instance(args.instance)
    x, problems = read_roster(args.roster, inst)
    obj, viol = evaluate(inst, x)
    viol = problems + viol
    for v in viol:
        print('hard: ' + v)
    print('objective=%d hard_violations=%d' % (obj, len(viol)))
    ok = not viol
    if args.expect is not None and args.expect != obj:
        print('MISMATCH: solver printed %d' % args.expect)
        ok = False
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
