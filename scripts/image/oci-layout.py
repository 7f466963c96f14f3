#!/usr/bin/env python3
"""Writes a root filesystem as a one-layer OCI image layout, byte for byte the same for the same
files: entries sorted by name, owner 0 (or --owner PATH=UID), mtime 0, gzip without a name or time.

  oci-layout.py ROOTFS OUT_LAYOUT TAG [--env K=V]... [--user U:G] [--owner /path=UID]...

Prints the manifest digest (sha256:...) on stdout."""
import argparse, gzip, hashlib, io, json, os, stat, tarfile

def layer_tar(root, owners):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as tar:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            names = sorted(dirnames + filenames)
            for name in names:
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, root)
                st = os.lstat(full)
                info = tarfile.TarInfo(rel)
                info.mode = stat.S_IMODE(st.st_mode)
                info.mtime = 0
                uid = owners.get("/" + rel, 0)
                info.uid = info.gid = uid
                info.uname = info.gname = ""
                if stat.S_ISLNK(st.st_mode):
                    info.type = tarfile.SYMTYPE
                    info.linkname = os.readlink(full)
                    tar.addfile(info)
                elif stat.S_ISDIR(st.st_mode):
                    info.type = tarfile.DIRTYPE
                    tar.addfile(info)
                elif stat.S_ISREG(st.st_mode):
                    info.size = st.st_size
                    with open(full, "rb") as f:
                        tar.addfile(info, f)
                else:
                    raise SystemExit(f"oci-layout: {rel}: not a file, directory or link")
    return buf.getvalue()

def blob(layout, data):
    digest = hashlib.sha256(data).hexdigest()
    path = os.path.join(layout, "blobs", "sha256", digest)
    with open(path, "wb") as f:
        f.write(data)
    return "sha256:" + digest, len(data)

def canonical(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()

def main():
    p = argparse.ArgumentParser()
    p.add_argument("rootfs"); p.add_argument("layout"); p.add_argument("tag")
    p.add_argument("--env", action="append", default=[])
    p.add_argument("--user", default="")
    p.add_argument("--owner", action="append", default=[])
    a = p.parse_args()
    owners = {k: int(v) for k, v in (o.split("=", 1) for o in a.owner)}
    os.makedirs(os.path.join(a.layout, "blobs", "sha256"), exist_ok=True)
    tar = layer_tar(a.rootfs, owners)
    gz = io.BytesIO()
    with gzip.GzipFile(filename="", fileobj=gz, mode="wb", mtime=0, compresslevel=6) as g:
        g.write(tar)
    layer_digest, layer_size = blob(a.layout, gz.getvalue())
    epoch = "1970-01-01T00:00:00Z"
    config = {
        "architecture": "amd64", "os": "linux", "created": epoch,
        "config": {"Env": a.env, "User": a.user, "WorkingDir": "/"},
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(tar).hexdigest()]},
        "history": [{"created": epoch, "created_by": "phoenix scripts/image/build-base"}],
    }
    config_digest, config_size = blob(a.layout, canonical(config))
    manifest = {
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest, "size": config_size},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": layer_digest, "size": layer_size}],
    }
    manifest_digest, manifest_size = blob(a.layout, canonical(manifest))
    index = {"schemaVersion": 2, "manifests": [{
        "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifest_digest, "size": manifest_size,
        "annotations": {"org.opencontainers.image.ref.name": a.tag}}]}
    with open(os.path.join(a.layout, "index.json"), "wb") as f:
        f.write(canonical(index))
    with open(os.path.join(a.layout, "oci-layout"), "wb") as f:
        f.write(canonical({"imageLayoutVersion": "1.0.0"}))
    print(manifest_digest)

if __name__ == "__main__":
    main()
