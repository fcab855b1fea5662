import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv, ConfigError } from '../src/config';
import { KnowledgeBaseError } from '../src/kb/errors';
import { bundledRulesDir } from '../src/paths';
import { startService } from '../src/server';

describe('configuration from the environment', () => {
  it('defaults to port 3000 on 127.0.0.1 with the bundled rules', () => {
    expect(configFromEnv({})).toEqual({ port: 3000, host: '127.0.0.1', rulesDir: bundledRulesDir });
  });

  it('reads PORT, HOST and RULES_DIR', () => {
    expect(configFromEnv({ PORT: '8080', HOST: '0.0.0.0', RULES_DIR: '/srv/rules' })).toEqual({ port: 8080, host: '0.0.0.0', rulesDir: '/srv/rules' });
  });

  it.each(['http', '-1', '65536', '80.5'])('rejects PORT=%s naming the setting', (value) => {
    expect(() => configFromEnv({ PORT: value })).toThrow(ConfigError);
    expect(() => configFromEnv({ PORT: value })).toThrow(/^PORT must be an integer from 0 to 65535/);
  });
});

describe('starting the service', () => {
  it('listens on the configured port and answers with the bundled knowledge base', async () => {
    const service = await startService({ port: 0, host: '127.0.0.1', rulesDir: bundledRulesDir });
    try {
      expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = (await (await fetch(`${service.url}/healthz`)).json()) as { kb: unknown };
      expect(health.kb).toEqual({ revision: service.kb.revision, articles: service.kb.articles.length });
    } finally {
      service.server.close();
    }
  });

  it('refuses to start on an invalid knowledge base, naming the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-'));
    fs.cpSync(bundledRulesDir, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'articles', 'KB833799.json'), '{}');
    await expect(startService({ port: 0, host: '127.0.0.1', rulesDir: dir })).rejects.toThrow(KnowledgeBaseError);
    await expect(startService({ port: 0, host: '127.0.0.1', rulesDir: dir })).rejects.toThrow(/^articles\/KB833799\.json/);
  });
});
