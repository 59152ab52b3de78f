#!/bin/sh
# Install the casa_desk desktop bundle on a Linux PC, for every user (docs/install.md).
#
#   sudo packaging/linux/install.sh [BUNDLE]     install or upgrade (BUNDLE: dist/casa-desk)
#   sudo packaging/linux/install.sh --uninstall  remove the program; stores and backups stay
#
# The program goes to /opt/casa-desk, the command to /usr/local/bin/casa-desk, the menu
# entry and icon under /usr/local/share. DESTDIR stages the whole tree elsewhere (tests).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=${DESTDIR:-}
app="$root/opt/casa-desk"
bin="$root/usr/local/bin"
share="$root/usr/local/share"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$app"
    rm -f "$bin/casa-desk" "$share/applications/casa-desk.desktop" \
        "$share/icons/hicolor/scalable/apps/casa-desk.svg" \
        "$share/icons/hicolor/256x256/apps/casa-desk.png"
    echo "casa_desk rimosso. Archivi e backup restano nella cartella dati di ogni utente."
    exit 0
fi

bundle=${1:-"$here/../../dist/casa-desk"}
if [ ! -x "$bundle/casa-desk" ]; then
    echo "install.sh: $bundle non contiene casa-desk (prima: make dist)" >&2
    exit 1
fi

mkdir -p "$root/opt" "$bin" "$share/applications" \
    "$share/icons/hicolor/scalable/apps" "$share/icons/hicolor/256x256/apps"
# A new folder beside the old one, then swapped in: an upgrade never leaves half a program.
rm -rf "$app.new"
cp -R "$bundle" "$app.new"
rm -rf "$app.old"
if [ -d "$app" ]; then mv "$app" "$app.old"; fi
mv "$app.new" "$app"
rm -rf "$app.old"
ln -sf /opt/casa-desk/casa-desk "$bin/casa-desk"
install -m 0644 "$here/casa-desk.desktop" "$share/applications/casa-desk.desktop"
install -m 0644 "$here/casa-desk.svg" "$share/icons/hicolor/scalable/apps/casa-desk.svg"
install -m 0644 "$here/casa-desk.png" "$share/icons/hicolor/256x256/apps/casa-desk.png"
if [ -z "$root" ] && command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$share/applications" || true
fi
echo "casa_desk installato in /opt/casa-desk ($("$app/casa-desk" --version))."
