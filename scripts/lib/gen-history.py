#!/usr/bin/env python3
"""Writes a git fast-import stream: N commits, one hour apart, each changing one of the
environments' lockfiles in turn (artefact version and an SSM version bumped). Used by
scripts/bench-history and the large-history tests; deterministic for a given N."""
import sys

def main():
    n = int(sys.argv[1])
    envs = sys.argv[2].split(",")
    sample = open(sys.argv[3]).read()
    stacks = {p: open(p).read() for p in sys.argv[4:]}
    start = 1735689600  # 2025-01-01T00:00:00Z
    out = sys.stdout.buffer
    def data(text):
        b = text.encode()
        out.write(b"data %d\n" % len(b) + b + b"\n")
    for i in range(n):
        env = envs[i % len(envs)]
        t = start + 3600 * i
        lock = (sample.replace("environment: prod", "environment: " + env)
                .replace("1.4.2-318-9f3c2ab", "1.%d.%d-%d-%07x" % (i // 1000, i % 1000, i, i))
                .replace("version: 7}", "version: %d}" % (i + 1)))
        out.write(b"commit refs/heads/main\n")
        out.write(b"mark :%d\n" % (i + 1))
        out.write(b"committer CI <ci@example.com> %d +0000\n" % t)
        data("%s: deploy build %d" % (env, i))
        if i > 0:
            out.write(b"from :%d\n" % i)
        if i == 0:
            for path, text in stacks.items():
                out.write(b"M 100644 inline %s\n" % path.encode())
                data(text)
        out.write(b"M 100644 inline environments/%s/environment.lock.yaml\n" % env.encode())
        data(lock)
    out.write(b"done\n")

main()
