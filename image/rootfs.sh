#!/usr/bin/env bash
# Assembles the root file system of the krr-local image: a jlink'd Java runtime, the CLI jar and
# the few shared libraries the runtime needs (glibc, zlib, libstdc++, libgcc), taken from the
# distribution's packages with `apt-get download` and unpacked with `dpkg-deb -x`. No shell, no
# package manager, no curl: a distroless-style root. Used by image/build (podman, here) and by
# image/Dockerfile (any registry), so both images are the same.
#
#   image/rootfs.sh KRR_JAR OUT_DIR          (JAVA_HOME: a JDK 17+ with its jmods)
set -euo pipefail
jar=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
root="$out/rootfs"
data="$out/data-root/data" # the volume's mount point, copied apart so it can belong to the user
debs="$out/debs"

rm -rf "$root" "$out/data-root"
mkdir -p "$root/opt/krr" "$root/etc" "$root/tmp" "$data" "$debs"

# The Java runtime: the modules the CLI uses (jdeps --print-module-deps over the shaded jar, plus
# jdk.crypto.ec for EC keys and TLS, jdk.localedata for Norwegian formats, jdk.zipfs), with a CDS
# archive of the JDK's own classes so the JVM starts fast.
"$jdk/bin/jlink" --add-modules "$(paste -sd, "$here/modules")" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --output "$root/opt/java"
# java.desktop is there for java.beans only: drop its native parts that would pull in X11, fonts,
# sound and image libraries.
(cd "$root/opt/java/lib" && rm -f libawt_xawt.so libjawt.so libfontmanager.so libjavajpeg.so \
  libjsound.so liblcms.so libsplashscreen.so)
# Debian's JDK links its trust store to /etc/ssl; the image keeps a copy of the file itself.
if [ -L "$root/opt/java/lib/security/cacerts" ]; then
  cp --remove-destination "$(readlink -f "$jdk/lib/security/cacerts")" \
    "$root/opt/java/lib/security/cacerts"
fi

# The shared libraries, from the distribution's packages (its mirror is the only thing reached).
(cd "$debs" && apt-get download -qq libc6 zlib1g libstdc++6 libgcc-s1 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
for deb in "$debs"/*.deb; do
  dpkg-deb -x "$deb" "$root"
done
# Keep libraries and licences; drop programs, locales, gconv modules and documentation.
rm -rf "$root/sbin" "$root/bin" "$root/usr/bin" "$root/usr/sbin" "$root/usr/libexec" \
  "$root"/usr/lib/x86_64-linux-gnu/gconv "$root"/usr/lib/*/gconv "$root/usr/lib/locale"
find "$root/usr/share" -mindepth 1 -maxdepth 1 ! -name doc -exec rm -rf {} +
find "$root/usr/share/doc" -type f ! -name copyright -delete 2>/dev/null || true

cp "$jar" "$root/opt/krr/krr.jar"

# A user to run as (10001, not root), name lookups through files then DNS, a writable /tmp and
# the data directory (in data-root, which the Containerfile copies with --chown).
cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
krr:x:10001:10001:krr-local:/data:/sbin/nologin
PASSWD
cat >"$root/etc/group" <<'GROUP'
root:x:0:
krr:x:10001:
GROUP
echo 'hosts: files dns' >"$root/etc/nsswitch.conf"
chmod 1777 "$root/tmp"
chmod 0755 "$data"
echo "rootfs: $(du -sh "$root" | cut -f1) in $root"
