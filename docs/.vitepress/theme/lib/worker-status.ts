/**
 * Whether a Bridgekit Worker answers at an address. It asks for the public API description,
 * which any origin may read, so "not answering" is told apart from "answering, but not sharing
 * this tenant with this page".
 */
const probes = new Map<string, Promise<boolean>>();

export function bridgekitAnswers(url: string, { again = false } = {}): Promise<boolean> {
  let probe = probes.get(url);
  if (!probe || again) {
    probe = fetch(`${url}/v1/openapi.json`, { method: 'HEAD', cache: 'no-store' }).then(
      (res) => res.ok,
      () => false,
    );
    probes.set(url, probe);
  }
  return probe;
}
