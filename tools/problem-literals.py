#!/usr/bin/env python3
"""Moves inline "中文 (English)" problem texts out of Java sources into the problems bundles.

Every string expression in the given Java files that reads "<Chinese> (<English>)" -- one literal
or a concatenation such as  "最多 " + max + " 个字 (at most " + max + " characters)"  -- is replaced
by  ProblemText.of("<area>.<slug>", max)  and its two patterns are appended to
platform-core/src/main/resources/org/unionhub/platform/problem/problems.properties (zh-CN) and
problems_en.properties. The key is the package's last name and a slug of the English text; the
same pair of texts anywhere gets the same key. Review the diff, then run ./mvnw -o -q spotless:apply
and the platform-core tests (ProblemLiteralsTest, ProblemBundlesTest). See ADR 0024.

  tools/problem-literals.py [--dry-run] FILE.java ...
  tools/problem-literals.py --dry-run $(git ls-files '*/src/main/java/*.java')
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUNDLE_DIR = os.path.join(
    ROOT, "platform-core/src/main/resources/org/unionhub/platform/problem")
ZH_FILE = os.path.join(BUNDLE_DIR, "problems.properties")
EN_FILE = os.path.join(BUNDLE_DIR, "problems_en.properties")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
IMPORT = "org.unionhub.platform.problem.ProblemText"

TOKEN = re.compile(
    r'(?P<ws>\s+)|(?P<lc>//[^\n]*)|(?P<bc>/\*.*?\*/)|(?P<tb>"""(?:\\.|[^\\])*?""")'
    r'|(?P<str>"(?:\\.|[^"\\\n])*")|(?P<chr>\'(?:\\.|[^\'\\])+\')'
    r'|(?P<id>[A-Za-z_$][\w$]*)|(?P<num>\d[\w.]*)|(?P<op>->|::|&&|\|\||[=!<>]=|.)',
    re.S)


def tokens(src):
    out = []
    for m in TOKEN.finditer(src):
        kind = m.lastgroup
        if kind in ("ws", "lc", "bc"):
            continue
        out.append((kind, m.group(), m.start(), m.end()))
    return out


def unescape(lit):
    body = lit[1:-1]
    return re.sub(
        r'\\(u+[0-9a-fA-F]{4}|.)',
        lambda m: chr(int(m.group(1).lstrip("u"), 16)) if m.group(1)[0] == "u"
        else {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(m.group(1), m.group(1)),
        body)


STOP_LEFT = {",", "=", "?", ":", "->", "+", ";", "{", "}", "return", "(", "[", "&&", "||",
             "==", "!=", "throw", "case"}
STOP_RIGHT = {",", ")", ";", "+", "?", ":", "]", "}", "&&", "||", "==", "!="}


def operand_left(toks, end):
    """Index of the first token of the operand that ends at toks[end]."""
    depth, i = 0, end
    while i >= 0:
        t = toks[i][1]
        if t in (")", "]"):
            depth += 1
        elif t in ("(", "["):
            if depth == 0:
                return i + 1
            depth -= 1
        elif depth == 0 and t in STOP_LEFT:
            return i + 1
        i -= 1
    return 0


def operand_right(toks, start):
    """Index of the last token of the operand that starts at toks[start]."""
    depth, i = 0, start
    while i < len(toks):
        t = toks[i][1]
        if t in ("(", "["):
            depth += 1
        elif t in (")", "]"):
            if depth == 0:
                return i - 1
            depth -= 1
        elif depth == 0 and t in STOP_RIGHT:
            return i - 1
        i += 1
    return len(toks) - 1


def chain(toks, i):
    """The + chain around the string token i: (first token, last token, operands)."""
    first = last = i
    while first > 0 and toks[first - 1][1] == "+":
        first = operand_left(toks, first - 2)
    while last + 1 < len(toks) and toks[last + 1][1] == "+":
        last = operand_right(toks, last + 2)
    operands, j = [], first
    while j <= last:
        k = operand_right(toks, j)
        operands.append((j, k))
        j = k + 2
    return first, last, operands


def mf(text):
    return text.replace("'", "''").replace("{", "'{'").replace("}", "'}'")


def split(parts):
    """zh and en MessageFormat patterns and the arguments, or None if not "zh (en)"."""
    flat = []  # (is_text, value)
    for src, is_lit in parts:
        flat.append((is_lit, unescape(src) if is_lit else src))
    joined = "".join(v if lit else "\0" for lit, v in flat)
    if not HAN.search(joined) or not joined.rstrip().endswith(")"):
        return None
    cut = None
    for m in re.finditer(r" \(", joined):
        rest = joined[m.end():joined.rstrip().rfind(")")]
        if not HAN.search(rest) and rest and (rest[0].isascii()):
            cut = m.start()
            break
    if cut is None or not HAN.search(joined[:cut]):
        return None
    args, zh, en, pos = [], [], [], 0
    trailing = len(joined.rstrip()) - 1  # the closing parenthesis
    for lit, v in flat:
        length = len(v) if lit else 1
        for target, lo, hi in ((zh, 0, cut), (en, cut + 2, trailing)):
            a, b = max(pos, lo), min(pos + length, hi)
            if a < b:
                if lit:
                    target.append(mf(v[a - pos:b - pos]))
                else:
                    if v not in args:
                        args.append(v)
                    target.append("{%d}" % args.index(v))
        pos += length
    return "".join(zh).strip(), "".join(en).strip(), args


def slug(en):
    words = re.findall(r"[a-z0-9]+", re.sub(r"\{\d+\}|'[{}]'", " ", en.lower()))
    return "-".join(words[:6]) or "text"


def load(path):
    entries = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if "=" in line and not line.startswith("#"):
                k, v = line.rstrip("\n").split("=", 1)
                entries[k.strip()] = v
    return entries


def prop(v):
    return v.replace("\\", "\\\\").replace("\n", "\\n")


def main(argv):
    dry = "--dry-run" in argv
    files = [f for f in argv if f.endswith(".java")]
    zh_bundle, en_bundle = load(ZH_FILE), load(EN_FILE)
    by_text = {(prop(zh_bundle[k]), prop(en_bundle.get(k, ""))): k for k in zh_bundle}
    new_zh, new_en, found = {}, {}, []
    texts = []  # (path, src, package, [(start, end, zh, en, args)])
    areas = {}  # (zh, en) -> packages that say it
    for path in files:
        src = open(path, encoding="utf-8").read()
        pkg = re.search(r"^package ([\w.]+);", src, re.M)
        area = pkg.group(1).rsplit(".", 1)[-1] if pkg else "common"
        toks = tokens(src)
        spans, seen = [], set()
        for i, (kind, text, _, _) in enumerate(toks):
            if kind != "str" or not HAN.search(text) or i in seen:
                continue
            first, last, operands = chain(toks, i)
            seen.update(range(first, last + 1))
            parts = []
            for a, b in operands:
                s = src[toks[a][2]:toks[b][3]]
                parts.append((s, a == b and toks[a][0] == "str"))
            result = split(parts)
            if result is None:
                continue
            zh, en, args = result
            spans.append((toks[first][2], toks[last][3], zh, en, args))
            areas.setdefault((prop(zh), prop(en)), set()).add(area)
        texts.append((path, src, pkg, spans))
    for path, src, pkg, spans in texts:
        edits = []
        for start, end, zh, en, args in spans:
            key = by_text.get((prop(zh), prop(en)))
            if key is None:
                places = areas[(prop(zh), prop(en))]
                area = next(iter(places)) if len(places) == 1 else "common"
                base = area + "." + slug(en)
                key, n = base, 2
                while key in zh_bundle or key in new_zh:
                    key, n = "%s-%d" % (base, n), n + 1
                new_zh[key], new_en[key] = zh, en
                by_text[(prop(zh), prop(en))] = key
            call = 'ProblemText.of("%s"%s)' % (key, "".join(", " + a for a in args))
            edits.append((start, end, call))
            found.append("%s:%d %s" % (path, src.count("\n", 0, start) + 1, call))
        if edits and not dry:
            for a, b, call in reversed(edits):
                src = src[:a] + call + src[b:]
            own = pkg and pkg.group(1) == IMPORT.rsplit(".", 1)[0]
            if not own and ("import %s;" % IMPORT) not in src:
                src = re.sub(r"^(package [\w.]+;\n)", r"\1\nimport %s;" % IMPORT, src, 1, re.M)
            open(path, "w", encoding="utf-8").write(src)
    print("\n".join(found))
    if new_zh and not dry:
        for path, entries in ((ZH_FILE, new_zh), (EN_FILE, new_en)):
            os.makedirs(BUNDLE_DIR, exist_ok=True)
            with open(path, "a", encoding="utf-8") as out:
                for k, v in entries.items():
                    out.write("%s=%s\n" % (k, prop(v)))
    print("%d texts, %d new keys" % (len(found), len(new_zh)), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
