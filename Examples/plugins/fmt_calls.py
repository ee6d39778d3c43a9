#!/usr/bin/env python3
"""heapsight external pass `fmt-calls` (plugin protocol version 1, docs/plugin-protocol.md).

Reports every call to a formatting function of package fmt (Println, Sprintf, Errorf, ...):
those functions take `...any`, so each argument is converted to an interface and may be heap
allocated. One `alloc` fact per call, at the position of the call's `(`, with detail
`iface-conv may` ("may": this pass reads text, not the compiler's decision).

Reads one JSON request on stdin and writes one JSON response on stdout. Standard library only.
"""
import json
import re
import sys

PROTOCOL = 1
CALL = re.compile(rb"\bfmt\.(Print|Println|Printf|Sprint|Sprintln|Sprintf|Fprint|Fprintln|Fprintf|Errorf|Append|Appendf|Appendln)\s*\(")


def blank_comments_and_strings(src: bytes) -> bytes:
    """Replaces comments and string/rune literals with spaces, keeping every byte offset."""
    out = bytearray(src)
    i, n = 0, len(src)
    while i < n:
        c = src[i:i + 1]
        if src.startswith(b"//", i):
            j = src.find(b"\n", i)
            j = n if j < 0 else j
            out[i:j] = b" " * (j - i)
            i = j
        elif src.startswith(b"/*", i):
            j = src.find(b"*/", i + 2)
            j = n if j < 0 else j + 2
            out[i:j] = bytes(b if b == 10 else 32 for b in src[i:j])
            i = j
        elif c in (b'"', b"'"):
            j = i + 1
            while j < n and src[j:j + 1] != c and src[j:j + 1] != b"\n":
                j += 2 if src[j:j + 1] == b"\\" else 1
            j = min(n, j + 1)
            out[i + 1:j - 1] = b" " * max(0, j - 1 - (i + 1))
            i = j
        elif c == b"`":
            j = src.find(b"`", i + 1)
            j = n if j < 0 else j + 1
            out[i + 1:j - 1] = bytes(b if b == 10 else 32 for b in src[i + 1:j - 1])
            i = j
        else:
            i += 1
    return bytes(out)


def position(src: bytes, offset: int):
    line = src.count(b"\n", 0, offset) + 1
    start = src.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


def main() -> int:
    request = json.load(sys.stdin)
    if request.get("protocol") != PROTOCOL:
        print(f"fmt-calls: protocol {request.get('protocol')} is not supported", file=sys.stderr)
        return 2
    facts = []
    for f in request["package"]["files"]:
        src = f["text"].encode("utf-8")
        code = blank_comments_and_strings(src)
        for m in CALL.finditer(code):
            paren = m.end() - 1
            line, column = position(src, paren)
            facts.append({
                "kind": "alloc",
                "file": f["path"],
                "line": line,
                "column": column,
                "subject": f"fmt.{m.group(1).decode()}(...)",
                "detail": "iface-conv may",
                "explanation": [f"fmt.{m.group(1).decode()} takes ...any: each argument is converted to an interface"],
            })
    json.dump({"protocol": PROTOCOL, "facts": facts, "diagnostics": []}, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
