#!/usr/bin/env python3
"""The benchmark estate of issue 14: SERVICES services x ENVS environments x DAYS daily revisions.

Churn: every service gets a new build every ~BUILD_EVERY days (random gaps of 0.5x-1.5x, seeded),
adopted by each environment after its own lag (dev first, prod a week later); every service's
config (one SSM parameter, /bench/<svc>/config) rotates every ~ROTATE_EVERY days, adopted with the
same lag. So a service's pins change every few days in every environment, mostly repeating the same
artefacts across environments and days. Deterministic for a given seed.

  gen-estate.py --registry HOST:PORT --repo DIR [--moto URL] [--services 500] [--envs 5]
                [--days 365] [--build-every 18] [--rotate-every 8] [--seed 14] [--threads 16] [--end EPOCH]

Writes: DIR (a Git repository, one commit per environment and day, packed), the images to the
registry (small synthetic manifests: one shared config blob per repository, one tiny layer each),
the SSM parameter versions to moto (when --moto is given), and DIR/../estate.txt: the unique image
references, one a line, then the SSM parameters (what the benchmark's baseline requests).
"""
import argparse
import concurrent.futures
import hashlib
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time

LAGS = [0, 1, 2, 4, 7]  # days an environment adopts a build after the first one
ENV_NAMES = ["dev", "qa", "staging", "preprod", "prod", "dr", "perf", "sandbox"]
MANIFEST = "application/vnd.oci.image.manifest.v1+json"


def plan(args):
    """Per service: build days and rotation days (day numbers, may start before day 0)."""
    rnd = random.Random(args.seed)
    services = []
    for s in range(args.services):
        builds, day = [], -rnd.randint(1, args.build_every)
        while day < args.days:
            builds.append(day)
            day += max(1, int(args.build_every * rnd.uniform(0.5, 1.5)))
        rotations, day = [], -rnd.randint(1, args.rotate_every)
        while day < args.days:
            rotations.append(day)
            day += max(1, int(args.rotate_every * rnd.uniform(0.5, 1.5)))
        services.append(("svc-%03d" % s, builds, rotations))
    return services


def latest(days, at):
    """Index of the newest entry of days not after at (0 when none)."""
    k = 0
    for i, d in enumerate(days):
        if d <= at:
            k = i
        else:
            break
    return k


def sha(data):
    return hashlib.sha256(data).hexdigest()


class Pusher:
    """A keep-alive connection per thread to the registry."""

    def __init__(self, host):
        self.host = host
        self.local = threading.local()

    def conn(self):
        c = getattr(self.local, "c", None)
        if c is None:
            h, p = self.host.rsplit(":", 1)
            c = self.local.c = http.client.HTTPConnection(h, int(p), timeout=60)
        return c

    def request(self, method, path, body=None, headers=None):
        for attempt in range(3):
            try:
                c = self.conn()
                c.request(method, path, body=body, headers=headers or {})
                r = c.getresponse()
                data = r.read()
                return r.status, r.getheader("Location"), data
            except (http.client.HTTPException, OSError):
                self.local.c = None
                if attempt == 2:
                    raise
                time.sleep(0.2)

    def blob(self, repo, data):
        digest = "sha256:" + sha(data)
        status, _, _ = self.request("HEAD", "/v2/%s/blobs/%s" % (repo, digest))
        if status == 200:
            return digest
        status, location, body = self.request("POST", "/v2/%s/blobs/uploads/" % repo, b"", {"Content-Length": "0"})
        if status != 202:
            raise SystemExit("gen-estate: upload start for %s: HTTP %d %s" % (repo, status, body[:200]))
        if location.startswith("http"):
            location = "/" + location.split("/", 3)[3]
        sep = "&" if "?" in location else "?"
        status, _, body = self.request("PUT", location + sep + "digest=" + digest, data,
                                       {"Content-Type": "application/octet-stream", "Content-Length": str(len(data))})
        if status != 201:
            raise SystemExit("gen-estate: blob %s: HTTP %d %s" % (repo, status, body[:200]))
        return digest

    def image(self, repo, n, config):
        layer = ("bench estate image %s #%d\n" % (repo, n)).encode()
        layer_digest = self.blob(repo, layer)
        manifest = json.dumps({
            "schemaVersion": 2, "mediaType": MANIFEST,
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config[0], "size": config[1]},
            "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": layer_digest,
                        "size": len(layer)}]}, sort_keys=True).encode()
        digest = "sha256:" + sha(manifest)
        status, _, body = self.request("PUT", "/v2/%s/manifests/%s" % (repo, digest), manifest,
                                       {"Content-Type": MANIFEST, "Content-Length": str(len(manifest))})
        if status != 201:
            raise SystemExit("gen-estate: manifest %s: HTTP %d %s" % (repo, status, body[:200]))
        return digest


def push_images(args, services):
    pusher = Pusher(args.registry)
    config = json.dumps({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": []}}).encode()

    def service(entry):
        name, builds, _ = entry
        repo = "bench/" + name
        config_digest = pusher.blob(repo, config)
        return [pusher.image(repo, k, (config_digest, len(config))) for k in range(len(builds))]

    with concurrent.futures.ThreadPoolExecutor(args.threads) as pool:
        return list(pool.map(service, services))


def put_ssm(args, services):
    import boto3  # only when moto is asked for
    ssm = boto3.client("ssm", endpoint_url=args.moto, region_name="us-east-1",
                       aws_access_key_id="testing", aws_secret_access_key="testing")

    def service(entry):
        name, _, rotations = entry
        for v in range(len(rotations)):
            ssm.put_parameter(Name="/bench/%s/config" % name, Value="rotation %d of %s" % (v + 1, name),
                              Type="String", Overwrite=True)

    with concurrent.futures.ThreadPoolExecutor(min(args.threads, 8)) as pool:
        list(pool.map(service, services))


def lockfile(env, day, lag, services, digests, host, stacks):
    out = ["apiVersion: phoenix/v1", "kind: EnvironmentLock", "environment: " + env,
           "stacks: [" + ", ".join(stacks) + "]", "artefacts:"]
    config = ["config:"]
    for (name, builds, rotations), images in zip(services, digests):
        b = latest(builds, day - lag)
        v = latest(rotations, day - lag) + 1
        out += ["  %s:" % name, "    type: container-image", "    version: 1.%d.0-%d-%07x" % (b, b + 1, b),
                "    image: %s/bench/%s@%s" % (host, name, images[b]),
                "    source: {repository: https://git.example.com/%s, commit: %012x}" % (name, b + 1)]
        config += ["  %s:" % name, "    CONFIG: {ssm: /bench/%s/config, version: %d}" % (name, v)]
    return "\n".join(out + config) + "\n"


def stack_files(services, per_stack=25):
    files = {}
    for i in range(0, len(services), per_stack):
        name = "team-%02d" % (i // per_stack)
        lines = ["apiVersion: phoenix/v1", "kind: Stack", "name: " + name, "dependsOn: []", "services:"]
        for svc, _, _ in services[i:i + per_stack]:
            lines.append("  - {name: %s, artefact: %s, port: 8080, health: /healthz, cpu: 256, memory: 512, "
                         "replicas: 2, config: %s}" % (svc, svc, svc))
        files["stacks/%s.yaml" % name] = "\n".join(lines) + "\n"
    return files


def history(args, services, digests):
    envs = ENV_NAMES[:args.envs]
    stacks = stack_files(services)
    names = sorted(p[len("stacks/"):-len(".yaml")] for p in stacks)
    os.makedirs(args.repo, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", args.repo], check=True)
    fi = subprocess.Popen(["git", "-C", args.repo, "fast-import", "--quiet"], stdin=subprocess.PIPE)
    out = fi.stdin

    def data(text):
        b = text.encode()
        out.write(b"data %d\n" % len(b) + b + b"\n")

    mark = 0
    previous = {}
    for day in range(args.days):
        for e, env in enumerate(envs):
            lock = lockfile(env, day, LAGS[e % len(LAGS)] + e // len(LAGS), services, digests, args.registry, names)
            if previous.get(env) == lock:
                continue
            previous[env] = lock
            mark += 1
            out.write(b"commit refs/heads/main\nmark :%d\n" % mark)
            out.write(b"committer CI <ci@example.com> %d +0000\n" % (args.end - 86400 * (args.days - day) + 600 * e))
            data("%s: day %d" % (env, day))
            if mark > 1:
                out.write(b"from :%d\n" % (mark - 1))
            else:
                for path, text in stacks.items():
                    out.write(b"M 100644 inline %s\n" % path.encode())
                    data(text)
            out.write(b"M 100644 inline environments/%s/environment.lock.yaml\n" % env.encode())
            data(lock)
    out.write(b"done\n")
    out.close()
    if fi.wait() != 0:
        raise SystemExit("gen-estate: git fast-import failed")
    subprocess.run(["git", "-C", args.repo, "reset", "-q", "--hard", "main"], check=True)
    subprocess.run(["git", "-C", args.repo, "gc", "-q"], check=True)
    return mark


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--registry", required=True)
    p.add_argument("--repo", required=True)
    p.add_argument("--moto")
    p.add_argument("--services", type=int, default=500)
    p.add_argument("--envs", type=int, default=5)
    p.add_argument("--days", type=int, default=365)
    p.add_argument("--build-every", type=int, default=18)
    p.add_argument("--rotate-every", type=int, default=8)
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--threads", type=int, default=16)
    p.add_argument("--end", type=int, default=int(time.time()) // 86400 * 86400,
                   help="epoch seconds of the last day (default: today 00:00 UTC)")
    args = p.parse_args()
    if args.envs > len(ENV_NAMES):
        raise SystemExit("gen-estate: at most %d environments" % len(ENV_NAMES))
    services = plan(args)
    t = time.time()
    digests = push_images(args, services)
    images = sum(len(d) for d in digests)
    print("gen-estate: %d unique images pushed to %s in %.1f s" % (images, args.registry, time.time() - t),
          file=sys.stderr)
    versions = sum(len(r) for _, _, r in services)
    if args.moto:
        t = time.time()
        put_ssm(args, services)
        print("gen-estate: %d SSM parameter versions (%d parameters) in moto in %.1f s"
              % (versions, len(services), time.time() - t), file=sys.stderr)
    t = time.time()
    commits = history(args, services, digests)
    print("gen-estate: %d commits (%d services x %d environments x %d days) in %.1f s"
          % (commits, args.services, args.envs, args.days, time.time() - t), file=sys.stderr)
    with open(os.path.join(os.path.dirname(os.path.abspath(args.repo)), "estate.txt"), "w") as f:
        for (name, _, _), ds in zip(services, digests):
            for d in ds:
                f.write("image %s/bench/%s@%s\n" % (args.registry, name, d))
        for name, _, _ in services:
            f.write("ssm /bench/%s/config\n" % name)


main()
