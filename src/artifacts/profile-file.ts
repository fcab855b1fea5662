/**
 * The article's profile template with the chosen port keys set: each `;Key=example` line of a
 * chosen key is uncommented and given the chosen port; the others stay commented out, as the
 * article's step 3 describes. CRLF line ends, as Windows tools expect.
 */
export function profileFile(template: string, ports: Record<string, number>, comments: readonly string[] = []): string {
  const lines = template.split('\n').map((line) => {
    const match = /^;(\w+)=\d+$/.exec(line.trim());
    return match && ports[match[1]!] !== undefined ? `${match[1]}=${ports[match[1]!]}` : line;
  });
  // Comment lines (";") before the first section, where an INI reader skips them.
  return [...(comments.length ? [...comments, ''] : []), ...lines].join('\r\n');
}
