// Fails early, with a message that says what to do, on a Node.js older than Bridgekit supports.
// Plain JavaScript on purpose: it must run on any Node, before anything else is installed.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `\nBridgekit needs Node.js 22.12 or newer (Node 24 LTS recommended); this is Node ${process.versions.node}.\n` +
      'Install a current Node.js (see "Quick start" in README.md) and run the command again.\n',
  );
  process.exit(1);
}
