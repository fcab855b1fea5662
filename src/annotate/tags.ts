import type { DiagnosisFinding } from '../engine/diagnose';
import type { Facts } from '../facts/normalize';

/**
 * Stable slugs a ticketing system can file a ticket under: the articles of the confirmed
 * diagnoses (`kb291615`), the client and its version (`outlook`, `outlook-2003`,
 * `exchange-5-5`), the NAT (`nat`, `nat-one-to-one`), the firewall platform, port 135, the public
 * address assignment and the symptoms. Sorted, so the same facts always give the same list.
 */
export function tagsFor(facts: Facts, diagnoses: DiagnosisFinding[]): string[] {
  const tags = new Set<string>(diagnoses.map((d) => slug(d.article.id)));
  const clientTags: Record<string, string> = { outlook: 'outlook', 'exchange-client': 'exchange-client', 'owa-server': 'owa-server', 'activesync-device': 'activesync' };
  if (typeof facts.clientKind === 'string') tags.add(clientTags[facts.clientKind] ?? slug(facts.clientKind));
  if (typeof facts.outlookVersion === 'string') tags.add(`outlook-${slug(facts.outlookVersion)}`);
  if (typeof facts.exchangeVersion === 'string') tags.add(`exchange-${slug(facts.exchangeVersion)}`);
  if (typeof facts.natMode === 'string' && facts.natMode !== 'none') tags.add('nat').add(`nat-${facts.natMode}`);
  if (typeof facts.firewallPlatform === 'string' && facts.firewallPlatform !== 'none') tags.add(`firewall-${facts.firewallPlatform}`);
  if (facts.port135Reachable === false) tags.add('port-135-blocked');
  if (typeof facts.publicAddressAssignment === 'string') tags.add(`${facts.publicAddressAssignment}-ip`);
  if (Array.isArray(facts.symptoms)) facts.symptoms.forEach((symptom) => tags.add(symptom));
  return [...tags].sort();
}

// Lower case, letters, digits and hyphens only: what Zendesk, Jira labels and ServiceNow tags all accept.
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
