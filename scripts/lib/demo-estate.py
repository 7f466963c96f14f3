#!/usr/bin/env python3
"""Seeds emulated AWS (moto, through AWS_ENDPOINT_URL) with the demo's config and Lambda package,
then writes the demo estate's Git history over several dates into REPO.

  demo-estate.py REPO REGISTRY name:version:digest ...

Images are pushed beforehand by scripts/demo; this script pins them. Prints the secret canary value
on stdout (last line) so the demo can prove it appears in no output, record or file."""
import hashlib, io, json, os, subprocess, sys, zipfile
import boto3

repo, registry, images = sys.argv[1], sys.argv[2], sys.argv[3:]
digest = {}
for spec in images:
    name, version, d = spec.split(":", 2)
    digest[(name, version)] = d

ssm = boto3.client("ssm")
sm = boto3.client("secretsmanager")
s3 = boto3.client("s3")

def put_param(name, values):
    versions = []
    for v in values:
        r = ssm.put_parameter(Name=name, Value=v, Type="String", Overwrite=True)
        versions.append(r["Version"])
    return versions

db = put_param("/demo/payments/database-url",
               ["postgres://db-1.demo.internal:5432/payments", "postgres://db-2.demo.internal:5432/payments"])
queue = put_param("/demo/ledger/queue-url", ["https://queue.demo.internal/ledger-v1"])
canary = "phoenix-demo-canary-" + hashlib.sha256(os.urandom(16)).hexdigest()[:24]
secret = sm.create_secret(Name="demo/payments/api-key", SecretString=canary + "-old")
old_secret = secret["VersionId"]
new_secret = sm.put_secret_value(SecretId="demo/payments/api-key", SecretString=canary)["VersionId"]

s3.create_bucket(Bucket="demo-artefacts")
s3.put_bucket_versioning(Bucket="demo-artefacts", VersioningConfiguration={"Status": "Enabled"})
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("app/Handler.class", b"statements handler 2.0.1")
package = buf.getvalue()
obj = s3.put_object(Bucket="demo-artefacts", Key="statements/2.0.1-77-1a2b3c4.zip", Body=package,
                    ChecksumAlgorithm="SHA256")
package_sha = hashlib.sha256(package).hexdigest()

def lock(payments, ledger, web, db_version, secret_version):
    def image(name, version):
        return (f"  {name}:\n    type: container-image\n    version: {version}\n"
                f"    image: {registry}/demo/{name}@{digest[(name, version)]}\n"
                f"    assurance:\n      - {{step: integration-tests, result: passed, at: 2026-09-30T12:00:00Z}}\n")
    return ("apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: demo\n"
            "stacks: [services, edge, functions]\nartefacts:\n"
            + image("payments-api", payments) + image("ledger-worker", ledger) + image("web", web)
            + "  statements:\n    type: lambda-package\n    version: 2.0.1-77-1a2b3c4\n"
            + f"    s3: {{bucket: demo-artefacts, key: statements/2.0.1-77-1a2b3c4.zip, versionId: {obj['VersionId']}, sha256: {package_sha}}}\n"
            + "config:\n  payments-api:\n"
            + f"    DATABASE_URL: {{ssm: /demo/payments/database-url, version: {db_version}}}\n"
            + f"    API_KEY: {{secret: demo/payments/api-key, versionId: {secret_version}}}\n"
            + "    LOG_LEVEL: {value: info}\n    ECHO_VARS: {value: DATABASE_URL LOG_LEVEL}\n  ledger-worker:\n"
            + f"    QUEUE_URL: {{ssm: /demo/ledger/queue-url, version: {queue[0]}}}\n"
            + "  web:\n    UPSTREAM: {value: http://payments-api:8080}\n"
            + "  statements:\n    BUCKET: {value: demo-statements}\n")

STACKS = {
    "stacks/services.yaml": "apiVersion: phoenix/v1\nkind: Stack\nname: services\ndependsOn: []\nservices:\n"
        "  - {name: payments-api, artefact: payments-api, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 2, config: payments-api}\n"
        "  - {name: ledger-worker, artefact: ledger-worker, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1, config: ledger-worker}\n",
    "stacks/edge.yaml": "apiVersion: phoenix/v1\nkind: Stack\nname: edge\ndependsOn: [services]\nservices:\n"
        "  - {name: web, artefact: web, port: 8080, health: /healthz, cpu: 256, memory: 512, replicas: 1, config: web}\n",
    "stacks/functions.yaml": "apiVersion: phoenix/v1\nkind: Stack\nname: functions\ndependsOn: []\nfunctions:\n"
        "  - {name: statements, artefact: statements, handler: app.Handler, runtime: java17, memory: 512, config: statements}\n",
}

REVISIONS = [
    ("2026-09-01T09:00:00Z", "demo: first lockfile", ("1.0.0-101-a1a1a1a", "3.0.0-201-b1b1b1b", "0.9.0-301-c1c1c1c", db[0], old_secret)),
    ("2026-09-20T14:30:00Z", "demo: payments-api 1.1.0", ("1.1.0-117-a2a2a2a", "3.0.0-201-b1b1b1b", "0.9.0-301-c1c1c1c", db[0], old_secret)),
    ("2026-10-12T10:12:00Z", "demo: rotate api key, database moved", ("1.1.0-117-a2a2a2a", "3.0.0-201-b1b1b1b", "0.9.0-301-c1c1c1c", db[1], new_secret)),
    ("2026-11-02T16:40:00Z", "demo: payments-api 1.2.0, ledger-worker 3.1.0", ("1.2.0-130-a3a3a3a", "3.1.0-214-b2b2b2b", "0.9.0-301-c1c1c1c", db[1], new_secret)),
]

def git(*args, env=None):
    subprocess.run(["git", "-C", repo, *args], check=True, env=env, stdout=subprocess.DEVNULL)

os.makedirs(repo, exist_ok=True)
git("init", "-q", "-b", "main")
for path, text in STACKS.items():
    os.makedirs(os.path.dirname(os.path.join(repo, path)), exist_ok=True)
    open(os.path.join(repo, path), "w").write(text)
os.makedirs(os.path.join(repo, "environments/demo"), exist_ok=True)
for when, message, (p, l, w, dbv, sv) in REVISIONS:
    open(os.path.join(repo, "environments/demo/environment.lock.yaml"), "w").write(lock(p, l, w, dbv, sv))
    git("add", "-A")
    env = dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    git("-c", "user.name=CI", "-c", "user.email=ci@example.com", "commit", "-q", "-m", message, env=env)
print(canary)
