#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that po/POTFILES.in lists exactly the files with translatable strings.

A file has translatable strings when it is
  - C source (.c, .h) that calls _(), N_(), C_(), NC_(), ngettext(),
    g_dngettext(), g_dpgettext2() and friends outside comments,
  - a GtkBuilder file (.ui) with translatable="yes",
  - a desktop entry or metainfo template (.desktop.in, .metainfo.xml.in),
  - a GSettings schema with a gettext-domain.

Exit status: 0 when POTFILES.in is right, 1 when files are missing or stale
(they are listed), 2 on bad usage. With --update, POTFILES.in is rewritten.
"""

import argparse
import os
import re
import sys

SCAN_DIRS = ('src', 'data')
SKIP_DIRS = {'.git', 'subprojects', '.flatpak-builder', 'meson-private', 'meson-info', 'meson-logs'}

C_CALL = re.compile(
    r'(?<![A-Za-z0-9_])'
    r'(?:_|N_|C_|NC_|Q_|gettext|dgettext|dcgettext|ngettext|dngettext|pgettext|npgettext'
    r'|g_dgettext|g_dcgettext|g_dngettext|g_dpgettext|g_dpgettext2|g_strip_context)'
    r'\s*\(')
UI_TRANSLATABLE = re.compile(r'''translatable\s*=\s*["'](?:yes|true|1)["']''', re.IGNORECASE)
SCHEMA_DOMAIN = re.compile(r'''<schemalist[^>]*\bgettext-domain\s*=''')


def strip_c_comments_and_strings(text):
    """Return C source with comments removed and string/char literals emptied."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '/' and i + 1 < n and text[i + 1] == '*':
            end = text.find('*/', i + 2)
            i = n if end < 0 else end + 2
            out.append(' ')
        elif c == '/' and i + 1 < n and text[i + 1] == '/':
            end = text.find('\n', i)
            i = n if end < 0 else end
        elif c in '"\'':
            quote = c
            i += 1
            while i < n and text[i] != quote and text[i] != '\n':
                i += 2 if text[i] == '\\' else 1
            i += 1
            out.append(quote * 2)
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def has_translatable_strings(path):
    name = os.path.basename(path)
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read()
    except OSError:
        return False

    if name.endswith(('.c', '.h')):
        return C_CALL.search(strip_c_comments_and_strings(text)) is not None
    if name.endswith('.ui'):
        return UI_TRANSLATABLE.search(text) is not None
    if name.endswith(('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in')):
        return True
    if name.endswith(('.gschema.xml', '.gschema.xml.in')):
        return SCHEMA_DOMAIN.search(text) is not None
    return False


def is_build_dir(root, dirname):
    full = os.path.join(root, dirname)
    return (dirname in SKIP_DIRS
            or os.path.exists(os.path.join(full, 'meson-private'))
            or os.path.exists(os.path.join(full, 'build.ninja')))


def expected_files(srcdir):
    found = set()
    for top in SCAN_DIRS:
        base = os.path.join(srcdir, top)
        for root, dirs, files in os.walk(base):
            dirs[:] = sorted(d for d in dirs if not is_build_dir(root, d))
            for name in files:
                path = os.path.join(root, name)
                if has_translatable_strings(path):
                    found.add(os.path.relpath(path, srcdir).replace(os.sep, '/'))
    return found


def listed_files(potfiles):
    listed = []
    with open(potfiles, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.append(line)
    return listed


def sort_key(path):
    # data/ first, then sources by folder
    return (not path.startswith('data/'), path)


def write_potfiles(potfiles, files):
    with open(potfiles, 'w', encoding='utf-8') as f:
        f.write('# List of source files with translatable strings.\n')
        f.write('# Keep it in sync with: build-aux/check-potfiles.py --update\n')
        for path in sorted(files, key=sort_key):
            f.write(path + '\n')


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--srcdir', default=os.path.dirname(here),
                        help='top of the source tree (default: the parent of build-aux/)')
    parser.add_argument('--update', action='store_true',
                        help='rewrite po/POTFILES.in instead of checking it')
    args = parser.parse_args()

    srcdir = os.path.abspath(args.srcdir)
    potfiles = os.path.join(srcdir, 'po', 'POTFILES.in')
    expected = expected_files(srcdir)

    if args.update:
        write_potfiles(potfiles, expected)
        print(f'Wrote {potfiles} with {len(expected)} files')
        return 0

    if not os.path.exists(potfiles):
        print(f'{potfiles} does not exist', file=sys.stderr)
        return 1

    listed = listed_files(potfiles)
    duplicates = sorted({p for p in listed if listed.count(p) > 1})
    listed_set = set(listed)
    missing = sorted(expected - listed_set, key=sort_key)
    gone = sorted(p for p in listed_set - expected
                  if not os.path.exists(os.path.join(srcdir, p)))
    stale = sorted(p for p in listed_set - expected
                   if os.path.exists(os.path.join(srcdir, p)))

    ok = True
    for title, paths in (('Files with translatable strings missing from po/POTFILES.in:', missing),
                         ('Files in po/POTFILES.in that do not exist:', gone),
                         ('Files in po/POTFILES.in without translatable strings:', stale),
                         ('Files listed more than once in po/POTFILES.in:', duplicates)):
        if paths:
            ok = False
            print(title)
            for p in paths:
                print('  ' + p)

    if not ok:
        print('Run build-aux/check-potfiles.py --update to fix po/POTFILES.in.')
        return 1

    print(f'po/POTFILES.in lists all {len(expected)} files with translatable strings')
    return 0


if __name__ == '__main__':
    sys.exit(main())
