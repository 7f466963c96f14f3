#!/usr/bin/env python3
"""Adds the demo's data story: environment `ledger`, whose web service reaches a Postgres datastore
restored from pg_dump dumps in a versioned bucket of emulated AWS (moto, through AWS_ENDPOINT_URL).

  demo-data.py REPO POSTGRES_IMAGE WEB_IMAGE

POSTGRES_IMAGE and WEB_IMAGE are pushed by digest (host/repo@sha256:...). A source database (a
container of POSTGRES_IMAGE) is dumped with the host's pg_dump twice: 3 rows taken 2026-11-04T02:00Z,
7 rows taken 2026-11-06T02:00Z; the lockfile and the blueprint are committed on 2026-11-03. One row
holds a canary, printed on stdout (last line) so the demo can prove no row appears in any output."""
import hashlib, os, subprocess, sys, tempfile, time
import boto3

repo, pg_image, web_image = sys.argv[1], sys.argv[2], sys.argv[3]
canary = "phoenix-demo-row-" + hashlib.sha256(os.urandom(16)).hexdigest()[:24]
bucket = "demo-ledger-backups"
s3 = boto3.client("s3")
s3.create_bucket(Bucket=bucket)
s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})

def run(*args, **kw):
    return subprocess.run(list(args), check=True, capture_output=True, text=True, **kw).stdout.strip()

name = "phoenix-demo-ledger-source-" + hashlib.sha256(os.urandom(8)).hexdigest()[:8]
password = hashlib.sha256(os.urandom(16)).hexdigest()[:24]
run("docker", "pull", "-q", pg_image)
run("docker", "run", "-d", "--name", name, "--label", "phoenix-demo=source", "-e", "POSTGRES_PASSWORD=" + password,
    "-p", "127.0.0.1::5432", pg_image)
try:
    port = run("docker", "port", name, "5432").splitlines()[0].rsplit(":", 1)[1]
    env = dict(os.environ, PGPASSWORD=password)
    psql = ["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-X", "-q", "-c"]
    for _ in range(300):
        if subprocess.run(psql + ["select 1"], env=env, capture_output=True).returncode == 0:
            break
        time.sleep(0.2)

    def dump(taken):
        with tempfile.NamedTemporaryFile(suffix=".dump") as f:
            run("pg_dump", "-Fc", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-f", f.name, "postgres", env=env)
            body = open(f.name, "rb").read()
        s3.put_object(Bucket=bucket, Key="ledger-db/ledger.dump", Body=body,
                      Metadata={"phoenix-taken-at": taken, "phoenix-sha256": hashlib.sha256(body).hexdigest()})

    run(*psql, "create table entries (id int primary key, memo text); insert into entries values "
        f"(1, '{canary}'), (2, 'opening balance'), (3, 'first payment')", env=env)
    dump("2026-11-04T02:00:00Z")
    run(*psql, "insert into entries select g, 'payment ' || g from generate_series(4, 7) g", env=env)
    dump("2026-11-06T02:00:00Z")
finally:
    subprocess.run(["docker", "rm", "-f", "-v", name], capture_output=True)

def image(artefact, ref, version):
    return (f"  {artefact}:\n    type: container-image\n    version: {version}\n    image: {ref}\n"
            f"    source: {{repository: https://git.example.com/{artefact}, commit: abcdef0}}\n")

files = {
    "environments/ledger/environment.lock.yaml": "apiVersion: phoenix/v1\nkind: EnvironmentLock\nenvironment: ledger\n"
        "stacks: [ledger]\nartefacts:\n" + image("ledger-web", web_image, "0.9.0-301-c1c1c1c")
        + image("ledger-postgres", pg_image, "15.0.0-1-abcdef0")
        + "config:\n  ledger-web:\n    DATABASE_URL: {datastore: ledger-db}\n",
    "stacks/ledger.yaml": "apiVersion: phoenix/v1\nkind: Stack\nname: ledger\ndependsOn: []\n"
        "datastores:\n  - name: ledger-db\n    engine: postgres\n    image: ledger-postgres\n"
        f"    backups: {{s3: {{bucket: {bucket}, prefix: ledger-db/}}}}\n    rpo: 48h\n"
        "    probe: {sql: \"select count(*) from entries\", min: 1}\n"
        "services:\n  - {name: ledger-web, artefact: ledger-web, port: 8080, health: /healthz, cpu: 256, memory: 512,"
        " replicas: 1, config: ledger-web}\n",
}
for path, text in files.items():
    os.makedirs(os.path.dirname(os.path.join(repo, path)), exist_ok=True)
    open(os.path.join(repo, path), "w").write(text)
when = "2026-11-03T09:00:00Z"
subprocess.run(["git", "-C", repo, "add", "-A"], check=True)
subprocess.run(["git", "-C", repo, "-c", "user.name=CI", "-c", "user.email=ci@example.com", "commit", "-q", "-m",
                "ledger: a Postgres datastore restored from its dumps"], check=True,
               env=dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when))
print(canary)
