import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, originsOf } from '@server/node/config';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('defaults to PGlite in ./data on 127.0.0.1:8080', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: null,
      logLevel: 'info',
      publicOrigin: null,
      trustProxy: null,
      smtp: null,
    });
  });

  it('reads the public origin, the trusted proxy and the SMTP relay', () => {
    expect(
      loadConfig({
        PUBLIC_ORIGIN: 'https://jalon.example.org',
        TRUST_PROXY: '10.0.0.2',
        SMTP_URL: 'smtp://127.0.0.1:2525',
        SMTP_FROM: 'jalon@example.org',
      }),
    ).toMatchObject({
      publicOrigin: 'https://jalon.example.org',
      trustProxy: '10.0.0.2',
      smtp: {
        host: '127.0.0.1',
        port: 2525,
        from: { name: 'Jalon', address: 'jalon@example.org' },
      },
    });
    expect(loadConfig({ SMTP_URL: 'smtp://[::1]:25' }).smtp).toEqual({
      host: '::1',
      port: 25,
      from: { name: 'Jalon', address: 'no-reply@localhost' },
    });
    expect(
      loadConfig({
        SMTP_URL: 'smtp://relay:25',
        SMTP_FROM: 'Jalon — Pascaline <pascaline@example.org>',
      }).smtp?.from,
    ).toEqual({ name: 'Jalon — Pascaline', address: 'pascaline@example.org' });
    expect(problemsOf({ SMTP_FROM: 'Jalon <not an address>' })).toEqual([
      'SMTP_FROM must be an address or Name <address>',
    ]);
    expect(
      problemsOf({
        PUBLIC_ORIGIN: 'https://jalon.example.org/app',
        TRUST_PROXY: 'proxy.local',
        SMTP_URL: 'smtps://mail:465',
      }),
    ).toEqual([
      'PUBLIC_ORIGIN must be http(s)://host[:port] with no path',
      'TRUST_PROXY must be the IP address of the proxy',
      'SMTP_URL must be smtp://host:port',
    ]);
  });

  it('treats blank variables as unset and reads the rest', () => {
    const config = loadConfig({
      PORT: '9090',
      HOST: '',
      DATA_DIR: '/var/lib/jalon',
      DATABASE_URL: 'postgres://u:p@db.internal:5432/jalon',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 9090,
      host: '127.0.0.1',
      databaseUrl: 'postgres://u:p@db.internal:5432/jalon',
    });
  });

  it('names every wrong variable in one message', () => {
    expect(problemsOf({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x/y' })).toEqual([
      'PORT must be a port number',
      'DATABASE_URL must be a postgres:// or postgresql:// URL',
      'LOG_LEVEL must be one of debug, info, warn, error, silent',
    ]);
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT must be between 1 and 65535']);
    expect(problemsOf({ PORT: '80.5' })).toEqual(['PORT must be a whole number']);
    expect(problemsOf({ HOST: 'a b' })).toEqual(['HOST must be a host name or IP address']);
  });

  it('never echoes a value, which could be a password', () => {
    const error = (() => {
      try {
        loadConfig({ DATABASE_URL: 'postgres://user:s3cret@' });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error?.message).toMatch(/^Invalid configuration: DATABASE_URL/);
    expect(error?.message).not.toContain('s3cret');
  });

  it('refuses a non-loopback HOST without PUBLIC_ORIGIN', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })).toEqual([
      'HOST is not a loopback address: set PUBLIC_ORIGIN to the address people use (https://…)',
    ]);
    expect(loadConfig({ HOST: '0.0.0.0', PUBLIC_ORIGIN: 'https://jalon.example.org' }).host).toBe(
      '0.0.0.0',
    );
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
  });

  it('accepts only the loopback pages of the port without PUBLIC_ORIGIN', () => {
    expect(originsOf(loadConfig({ PORT: '8123' }))).toEqual({
      links: 'http://127.0.0.1:8123',
      accepted: ['http://127.0.0.1:8123', 'http://localhost:8123', 'http://[::1]:8123'],
    });
    expect(originsOf(loadConfig({ PUBLIC_ORIGIN: 'https://jalon.example.org' }))).toEqual({
      links: 'https://jalon.example.org',
      accepted: ['https://jalon.example.org'],
    });
  });
});
