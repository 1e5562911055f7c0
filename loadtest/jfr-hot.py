#!/usr/bin/env python3
"""Where a JFR recording's CPU samples went: the top self frames and the top inclusive frames.

    jfr print --events jdk.ExecutionSample --stack-depth 64 rec.jfr > samples.txt
    loadtest/jfr-hot.py samples.txt [N] [--match SUBSTRING ...]

Inclusive counts a method once per sample in which it appears anywhere on the (64-deep) stack;
`--match` also reports the share of samples whose stack contains each substring.
"""
import re
import sys
from collections import Counter

args = sys.argv[1:]
path = args[0]
n = int(args[1]) if len(args) > 1 and args[1].isdigit() else 30
matches = args[args.index('--match') + 1:] if '--match' in args else []

samples = []
current = None
frame = re.compile(r'^\s+([\w$.<>/]+)\(')
with open(path, encoding='utf-8', errors='replace') as f:
    for line in f:
        if line.startswith('jdk.ExecutionSample'):
            current = []
            samples.append(current)
        elif current is not None:
            m = frame.match(line)
            if m:
                current.append(m.group(1))
total = len(samples) or 1
self_ = Counter(s[0] for s in samples if s)
incl = Counter()
for s in samples:
    for m in set(s):
        incl[m] += 1
print(f'{len(samples)} samples')
print(f'\nTop {n} self frames:')
for m, c in self_.most_common(n):
    print(f'{100.0 * c / total:6.1f}%  {m}')
print(f'\nTop {n} inclusive frames:')
for m, c in incl.most_common(n):
    print(f'{100.0 * c / total:6.1f}%  {m}')
if matches:
    print('\nSamples whose stack contains:')
    for pat in matches:
        c = sum(1 for s in samples if any(pat in fr for fr in s))
        print(f'{100.0 * c / total:6.1f}%  {pat}')
