import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// There is no Docker engine here, so the file is checked for what Compose itself would insist on.
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(new URL('../../../docker-compose.yml', import.meta.url), 'utf8'));
  const dockerfile = readFileSync(new URL('../../../Dockerfile', import.meta.url), 'utf8');

  it('runs a current PostgreSQL with a named volume and a healthcheck', () => {
    const pg = compose.services.postgres;
    expect(Number(/^postgres:(\d+)/.exec(pg.image)?.[1])).toBeGreaterThanOrEqual(16);
    const [volume] = pg.volumes[0].split(':');
    expect(compose.volumes).toHaveProperty(volume);
    expect(pg.healthcheck.test.join(' ')).toContain('pg_isready');
  });

  it('starts the app from the Dockerfile once Postgres is healthy, with DATABASE_URL pointing at it', () => {
    const app = compose.services.app;
    expect(app.build).toBe('.');
    expect(app.depends_on.postgres.condition).toBe('service_healthy');
    expect(app.environment.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    expect(app.environment.HOST).toBe('0.0.0.0');
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    // The image runs the compiled app, built in a stage of its own with the dev dependencies.
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
  });

  it('uses only keys the Compose specification defines', () => {
    const topLevel = ['name', 'services', 'volumes', 'networks', 'configs', 'secrets', 'include'];
    for (const key of Object.keys(compose)) expect(topLevel).toContain(key);
    const serviceKeys = [
      'image',
      'build',
      'environment',
      'volumes',
      'healthcheck',
      'depends_on',
      'ports',
      'restart',
      'command',
      'env_file',
    ];
    for (const service of Object.values(compose.services) as Record<string, unknown>[]) {
      for (const key of Object.keys(service)) expect(serviceKeys).toContain(key);
    }
  });
});
