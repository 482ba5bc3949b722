#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generated instances in the Curtois benchmark format, for stress tests of
sc-bench-nrp on the sizes of the large instances (up to 150 staff, 364
days, 32 shift types). Not the published instances: their best known values
do not apply, and a generated person may have no feasible row.

    nrp-generate.py OUTPUT.txt DAYS STAFF SHIFT_TYPES SEED
"""
import random
import sys

name, D, S, T, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rnd = random.Random(seed)
def sid(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s
# shift groups: early, day, late, night ordered; later groups forbid earlier next day
groups = ['a', 'd', 's', 'p', 'n']
types = []
for i in range(T):
    g = min(len(groups) - 1, i * len(groups) // T)
    types.append((groups[g] + str(i + 1), rnd.choice([480, 480, 600, 720]), g))
out = ['SECTION_HORIZON', str(D), '', 'SECTION_SHIFTS']
for (tid, ln, g) in types:
    forb = [u for (u, l2, g2) in types if g2 < g or (g2 == g and ln == 720 and l2 >= 600 and g >= 3)]
    out.append('%s,%d,%s' % (tid, ln, '|'.join(forb)))
out += ['', 'SECTION_STAFF']
staff = []
caps = {}
for (tid, ln, g) in types:
    caps[tid] = rnd.choice([D, D, D // 5, D // 2 - D // 10, D // 8, D // 10])
for i in range(S):
    mx = []
    allowed = 0
    for (tid, ln, g) in types:
        c = caps[tid] if rnd.random() < 0.6 else 0
        allowed += c > 0
        mx.append('%s=%d' % (tid, c))
    full = rnd.random() < 0.7
    maxm = (round(D * 0.643) if full else round(D * 0.4)) * 480
    cap = lambda: sum(min(int(m.split('=')[1]), D) * types[k][1] for k, m in enumerate(mx))
    while cap() < maxm * 1.3:
        k = rnd.randrange(T)
        mx[k] = '%s=%d' % (types[k][0], D)
    minm = maxm - rnd.choice([720, 960, 1080])
    maxc = rnd.choice([5, 6]) if full else 5
    staff.append(sid(i))
    out.append('%s,%s,%d,%d,%d,%d,%d,%d' % (sid(i), '|'.join(mx), maxm, minm, maxc, 2 if full else 1, 2, D // 14 if full else D // 10))
out += ['', 'SECTION_DAYS_OFF']
for s in staff:
    days = set()
    while len(days) < D // 12:
        st = rnd.randrange(D)
        for k in range(rnd.randint(1, 5)):
            if st + k < D:
                days.add(st + k)
    out.append(s + ',' + ','.join(str(d) for d in sorted(days)))
for sec in ['SECTION_SHIFT_ON_REQUESTS', 'SECTION_SHIFT_OFF_REQUESTS']:
    out += ['', sec]
    for s in staff:
        n = D // 8
        used = set()
        while n > 0:
            st = rnd.randrange(D); t = rnd.choice(types)[0]; w = rnd.randint(1, 3)
            for k in range(rnd.randint(1, 5)):
                if st + k < D and st + k not in used and n > 0:
                    used.add(st + k); n -= 1
                    out.append('%s,%d,%s,%d' % (s, st + k, t, w))
out += ['', 'SECTION_COVER']
per_day = S * 0.64 * 1.3
for d in range(D):
    for (tid, ln, g) in types:
        out.append('%d,%s,%d,100,1' % (d, tid, max(0, round(rnd.gauss(per_day / T, 1.5)))))
open(name, 'w').write('\n'.join(out) + '\n')
