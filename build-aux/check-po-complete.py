#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that a translation is complete: no untranslated and no fuzzy messages.

  check-po-complete.py po/zh_CN.po
      runs `msgfmt --check --statistics` on the file as it is.

  check-po-complete.py --srcdir . po/zh_CN.po
      first extracts the strings of the sources listed in po/POTFILES.in and
      merges them into a copy of the file, so that strings added to the code
      but not yet to the translation count as untranslated.

Exit status 0 when complete, 1 otherwise (the offending messages are listed).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

# The same keywords as meson's i18n.gettext(preset: 'glib')
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format', '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

ENV = dict(os.environ, LC_ALL='C', LANGUAGE='')


def run(cmd):
    return subprocess.run(cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)


def list_messages(po, option):
    """msgids selected by msgattrib OPTION (--untranslated, --only-fuzzy)."""
    proc = run(['msgattrib', option, '--no-obsolete', '--no-wrap', po])
    ids = re.findall(r'^msgid "(.*)"$', proc.stdout, re.MULTILINE)
    return [i for i in ids if i]


def merge_with_sources(srcdir, po, tmpdir):
    potfiles = os.path.join(srcdir, 'po', 'POTFILES.in')
    pot = os.path.join(tmpdir, 'sources.pot')
    # xgettext reads POTFILES.in lines, comments included, as file names
    listing = os.path.join(tmpdir, 'POTFILES')
    with open(potfiles, encoding='utf-8') as src, open(listing, 'w', encoding='utf-8') as dst:
        for line in src:
            line = line.strip()
            if line and not line.startswith('#'):
                dst.write(line + '\n')
    proc = run(['xgettext', '--package-name=shiftcraft', '-D', srcdir, '-f', listing,
                '-o', pot] + XGETTEXT_ARGS)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        return None
    merged = os.path.join(tmpdir, os.path.basename(po))
    proc = run(['msgmerge', '--quiet', '--no-wrap', '-o', merged, po, pot])
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        return None
    return merged


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--srcdir', help='compare with the strings of the sources in this tree')
    parser.add_argument('po', help='the .po file to check')
    args = parser.parse_args()

    if not os.path.exists(args.po):
        print(f'{args.po} does not exist', file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory() as tmpdir:
        po = args.po
        if args.srcdir:
            po = merge_with_sources(os.path.abspath(args.srcdir), args.po, tmpdir)
            if po is None:
                return 1

        proc = run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po])
        report = (proc.stdout + proc.stderr).strip()
        print(f'{args.po}: {report}')
        if proc.returncode != 0:
            return 1

        fuzzy = re.search(r'(\d+) fuzzy translations?', report)
        untranslated = re.search(r'(\d+) untranslated messages?', report)
        n_fuzzy = int(fuzzy.group(1)) if fuzzy else 0
        n_untranslated = int(untranslated.group(1)) if untranslated else 0
        if n_fuzzy == 0 and n_untranslated == 0:
            return 0

        for title, option in (('Untranslated:', '--untranslated'), ('Fuzzy:', '--only-fuzzy')):
            ids = list_messages(po, option)
            if ids:
                print(title)
                for msgid in ids[:50]:
                    print(f'  "{msgid}"')
                if len(ids) > 50:
                    print(f'  … and {len(ids) - 50} more')
        return 1


if __name__ == '__main__':
    sys.exit(main())
