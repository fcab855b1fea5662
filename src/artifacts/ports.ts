import type { FieldError } from '../facts/normalize';
import type { PortAdvice, Source } from '../kb/model';
import { queryPointer } from '../contract/pointers';

/** One article's advice on choosing ports, with the article it comes from. */
export type CitedAdvice = PortAdvice & { article: string };

/** What one piece of advice says of a chosen port. */
export interface PortAdviceFinding {
  /** The query parameter the port was given as. */
  setting: string;
  port: number;
  article: string;
  advice: PortAdvice['advice'];
  from?: number;
  to?: number;
  text: string;
  source: Source;
  derived?: string;
  /** Whether the port follows the advice; null for advice without a range, which cannot be checked. */
  followed: boolean | null;
}

function follows(port: number, advice: PortAdvice): boolean | null {
  if (advice.advice === 'consider') return null;
  return (port >= advice.from && port <= advice.to) === (advice.advice === 'use');
}

/**
 * Checks the ports chosen for a configuration file: whole numbers from 1 to 65535, all different,
 * and within what the file's own article advises (`own`): those are refusals. What other articles
 * on the same Exchange versions advise (`others`) is never a refusal: every piece of it is
 * returned for each port it speaks of, followed or not, so that advice that disagrees across
 * articles (KB194952's 1024-5000 to avoid beside KB155831's own example, 5000) is shown side by
 * side rather than settled here.
 */
export function checkPorts(ports: Record<string, number>, own: readonly CitedAdvice[], others: readonly CitedAdvice[]): { errors: FieldError[]; advice: PortAdviceFinding[] } {
  const errors: FieldError[] = [];
  const advice: PortAdviceFinding[] = [];
  const seen = new Map<number, string>();
  for (const [name, port] of Object.entries(ports)) {
    const pointer = queryPointer(name);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      errors.push({ pointer, detail: 'must be a whole number from 1 to 65535' });
      continue;
    }
    if (seen.has(port)) errors.push({ pointer, detail: `is the same port as ${seen.get(port)}; each service needs its own` });
    seen.set(port, name);
    for (const range of own) {
      if (range.advice === 'consider' || follows(port, range)) continue;
      const where = range.advice === 'use' ? `outside the range ${range.from}-${range.to}` : `in the range ${range.from}-${range.to}`;
      errors.push({ pointer, detail: `${port} is ${where} that ${range.article} advises ${range.advice === 'use' ? '' : 'against '}(${range.text})` });
    }
    for (const range of others) {
      advice.push({
        setting: name,
        port,
        article: range.article,
        advice: range.advice,
        ...(range.advice === 'consider' ? {} : { from: range.from, to: range.to }),
        text: range.text,
        source: range.source,
        ...(range.derived ? { derived: range.derived } : {}),
        followed: follows(port, range),
      });
    }
  }
  return { errors, advice };
}

/** The advice as comment lines for the generated file: port by port, what is not followed first. */
export function adviceComments(advice: readonly PortAdviceFinding[], ownArticle: string): string[] {
  if (advice.length === 0) return [];
  const lines = [`; Port advice of other articles on the same Exchange versions (this file follows ${ownArticle}):`];
  const settings = [...new Set(advice.map((a) => a.setting))];
  const rank = (a: PortAdviceFinding) => (a.followed === false ? 0 : a.followed === null ? 1 : 2);
  const ordered = settings.flatMap((setting) => advice.filter((a) => a.setting === setting).sort((a, b) => rank(a) - rank(b)));
  for (const item of ordered) {
    const what = item.advice === 'consider' ? 'says' : `${item.advice === 'use' ? 'advises' : 'advises against'} ${item.from}-${item.to}`;
    const mark = item.derived ? ' [derived]' : '';
    const verdict = item.followed === null ? 'Not checked: it gives no range.' : item.followed ? 'Followed.' : 'Not followed.';
    lines.push(`; ${item.setting} ${item.port}: ${item.article} ${what}${mark}: ${oneLine(item.text)} ${verdict}`);
  }
  return lines;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');
