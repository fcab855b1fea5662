interface RegistryDword {
  hive: string;
  key: string;
  value: string;
  data: number;
}

/**
 * A registry export (Registry Editor 5.00 format) setting REG_DWORD values, as regedit writes
 * it: UTF-16LE with a byte-order mark, CRLF line ends, data as eight lower-case hex digits;
 * `comments` (lines starting with ";") go after the header.
 */
export function registryFile(values: RegistryDword[], comments: readonly string[] = []): Buffer {
  // Registry Editor skips lines that start with a semicolon.
  const lines = ['Windows Registry Editor Version 5.00', '', ...(comments.length ? [...comments, ''] : [])];
  for (const { hive, key, value, data } of values) {
    lines.push(`[${hive}\\${key}]`, `"${value}"=dword:${data.toString(16).padStart(8, '0')}`, '');
  }
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n'), 'utf16le')]);
}
