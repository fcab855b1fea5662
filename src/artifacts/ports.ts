import type { FieldError } from '../facts/normalize';
import type { Source } from '../kb/model';

export interface PortRange {
  from: number;
  to: number;
  reason?: string;
  source: Source;
}

export interface PortRules {
  recommended?: PortRange;
  avoid?: PortRange;
}

const cite = (range: PortRange) => `${range.source.article ?? 'the article'}: ${range.reason ?? range.source.quote ?? ''}`.trim();

/**
 * Checks the ports chosen for a configuration file, as the articles advise: whole numbers from 1
 * to 65535, all different, outside the range to avoid (KB194952's ephemeral range) and inside the
 * recommended one. Every problem is reported with the query parameter it concerns.
 */
export function checkPorts(ports: Record<string, number>, rules: PortRules): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<number, string>();
  for (const [name, port] of Object.entries(ports)) {
    const pointer = `#/query/${name}`;
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      errors.push({ pointer, detail: 'must be a whole number from 1 to 65535' });
      continue;
    }
    if (seen.has(port)) errors.push({ pointer, detail: `is the same port as ${seen.get(port)}; each service needs its own` });
    seen.set(port, name);
    const { avoid, recommended } = rules;
    if (avoid && port >= avoid.from && port <= avoid.to) {
      errors.push({ pointer, detail: `${port} is in the range ${avoid.from}-${avoid.to} to avoid (${cite(avoid)})` });
    } else if (recommended && (port < recommended.from || port > recommended.to)) {
      errors.push({ pointer, detail: `${port} is outside the recommended range ${recommended.from}-${recommended.to} (${cite(recommended)})` });
    }
  }
  return errors;
}
