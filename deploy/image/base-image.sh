#!/usr/bin/env bash
# Builds the MedOps base image as a docker-archive tarball from this machine's JDK, without a Docker daemon or a
# registry: a jlinked Java runtime, the shared libraries it links against (found with ldd), CA certificates, a
# non-root user (medops, uid 65532) and an empty /tmp. Jib takes it as `tar://…` (see the `image` profile in
# pom.xml). Hospitals with a registry mirror can use eclipse-temurin:17-jre instead (-Djib.from.image=…).
#
#   bash deploy/image/base-image.sh [output.tar]      (default: target/medops-base.tar)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-target/medops-base.tar}"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/opt" "$root/etc" "$root/tmp" "$root/var/lib/medops" "$root/etc/ssl/certs"
chmod 1777 "$root/tmp"

# Every module of the JDK minus the development tools: MedOps uses java.sql, java.naming, jdk.crypto.*, java.desktop
# (PDF rendering) and more; the image should not break when a dependency needs another module.
modules="$("$java_home/bin/java" --list-modules | sed 's/@.*//' | grep -Ev '^(jdk\.incubator\..*|jdk\.(jshell|jdeps|jlink|jpackage|javadoc|jconsole|hotspot\.agent|jcmd|jstatd|compiler|internal\.le|internal\.opt|editpad|jartool|jdi|jdwp\.agent|random|unsupported\.desktop|internal\.ed)|java\.compiler)$' | paste -sd,)"
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" --strip-debug --no-man-pages \
  --no-header-files --compress=2 --output "$root/opt/java" 2>/dev/null \
  || "$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
       --output "$root/opt/java"

# The C libraries the runtime needs, at the paths the loader looks for them.
copy_lib() {
  local lib="$1"
  [ -e "$root$lib" ] && return 0
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
}
while read -r lib; do copy_lib "$lib"; done < <(
  find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
    | grep -o '/[^ ]*\.so[^ ]*' | sort -u)
# The loader itself, and the name-service libraries glibc opens at run time (resolving hosts, users).
for lib in /lib64/ld-linux-x86-64.so.2 /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2 \
           /lib/x86_64-linux-gnu/libresolv.so.2; do
  [ -e "$lib" ] && copy_lib "$(readlink -f "$lib")" && mkdir -p "$root$(dirname "$lib")" \
    && { [ -e "$root$lib" ] || ln -s "$(readlink -f "$lib")" "$root$lib"; }
done
cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/" 2>/dev/null || true
printf 'root:x:0:0:root:/root:/sbin/nologin\nmedops:x:65532:65532:MedOps:/var/lib/medops:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nmedops:x:65532:\n' > "$root/etc/group"
# Container runtimes mount their own /etc/hosts over this one; it only keeps a bare chroot resolving localhost.
printf '127.0.0.1 localhost\n::1 localhost\n' > "$root/etc/hosts"
printf 'hosts: files dns\npasswd: files\ngroup: files\n' > "$root/etc/nsswitch.conf"

python3 - "$root" "$out" <<'PY'
import hashlib, io, json, os, sys, tarfile
root, out = sys.argv[1], sys.argv[2]
layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w", format=tarfile.PAX_FORMAT) as tar:
    for directory, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(dirs) + sorted(files):
            path = os.path.join(directory, name)
            info = tar.gettarinfo(path, os.path.relpath(path, root))
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mtime = 0
            if os.path.relpath(path, root) in ("var/lib/medops",):
                info.uid = info.gid = 65532
            if info.isfile():
                with open(path, "rb") as f:
                    tar.addfile(info, f)
            else:
                tar.addfile(info)
data = layer.getvalue()
diff_id = "sha256:" + hashlib.sha256(data).hexdigest()
config = {
    "architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/opt/java/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java", "LANG=C.UTF-8"],
               "User": "65532:65532", "WorkingDir": "/var/lib/medops"},
    "rootfs": {"type": "layers", "diff_ids": [diff_id]},
    "history": [{"created_by": "deploy/image/base-image.sh (jlink runtime from the build machine's JDK)"}],
}
config_bytes = json.dumps(config, sort_keys=True).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
manifest = [{"Config": config_name, "RepoTags": ["medops-base:local"], "Layers": ["layer.tar"]}]
os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
with tarfile.open(out, "w") as tar:
    for name, payload in ((config_name, config_bytes), ("layer.tar", data),
                          ("manifest.json", json.dumps(manifest).encode())):
        info = tarfile.TarInfo(name)
        info.size = len(payload)
        tar.addfile(info, io.BytesIO(payload))
print(f"{out}: {len(data) // (1024 * 1024)} MiB layer, {diff_id[:19]}")
PY
