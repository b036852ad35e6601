import { z } from 'zod';
import type { Origins } from '../auth/origin';
import { LOG_LEVELS, type LogLevel } from '../logger';

export interface Sender {
  name: string;
  address: string;
}

const DEFAULT_SENDER: Sender = { name: 'Jalon', address: 'no-reply@localhost' };
const isAddress = (v: string) => z.email().safeParse(v).success || /^[^\s@<>]+@localhost$/.test(v);

/** "jalon@example.org" or "Jalon Pascaline <jalon@example.org>"; a bare address is sent as Jalon. */
function senderOf(value: string): Sender | null {
  const named = /^([^<>\r\n"]*?)\s*<([^<>\s]+)>$/.exec(value.trim());
  const [name, address] = named ? [named[1] || 'Jalon', named[2]!] : ['Jalon', value.trim()];
  return isAddress(address) ? { name, address } : null;
}

// Empty variables count as unset, as shells and compose files often export them blank.
const optional = (v: unknown) => (v === '' ? undefined : v);

const Env = z.object({
  PORT: z.preprocess(
    optional,
    z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a whole number')
      .min(1, 'must be between 1 and 65535')
      .max(65535, 'must be between 1 and 65535')
      .default(8080),
  ),
  HOST: z.preprocess(
    optional,
    z
      .string()
      .regex(/^[A-Za-z0-9.:-]+$/, 'must be a host name or IP address')
      .default('127.0.0.1'),
  ),
  DATA_DIR: z.preprocess(optional, z.string().default('./data')),
  DATABASE_URL: z.preprocess(
    optional,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
      .refine((v) => URL.canParse(v), 'must be a valid URL')
      .optional(),
  ),
  // The address people type, e.g. https://jalon.example.org: used for the cookie's prefix, the
  // CSRF origin check behind a TLS proxy and the links in invitations.
  PUBLIC_ORIGIN: z.preprocess(
    optional,
    z
      .string()
      .regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'must be http(s)://host[:port] with no path')
      .optional(),
  ),
  // The exact address of the reverse proxy whose X-Forwarded-For may be believed.
  TRUST_PROXY: z.preprocess(
    optional,
    z.union([z.ipv4(), z.ipv6()], { error: 'must be the IP address of the proxy' }).optional(),
  ),
  SMTP_URL: z.preprocess(
    optional,
    z
      .string()
      .regex(/^smtp:\/\/[A-Za-z0-9.:[\]-]+:\d{1,5}$/, 'must be smtp://host:port')
      .optional(),
  ),
  SMTP_FROM: z.preprocess(
    optional,
    z
      .string()
      .transform((v, ctx) => {
        const sender = senderOf(v);
        if (!sender)
          ctx.addIssue({ code: 'custom', message: 'must be an address or Name <address>' });
        return sender ?? DEFAULT_SENDER;
      })
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    optional,
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  logLevel: LogLevel;
  publicOrigin: string | null;
  trustProxy: string | null;
  smtp: { host: string; port: number; from: Sender } | null;
}

function smtpOf(url: string, from: Sender) {
  const u = new URL(url);
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port), from };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const isLoopback = (host: string) =>
  host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

/**
 * PUBLIC_ORIGIN when set; otherwise the loopback addresses of the port served, links pointing at
 * the one HOST names.
 */
export function originsOf(config: Pick<Config, 'host' | 'port' | 'publicOrigin'>): Origins {
  if (config.publicOrigin) return { links: config.publicOrigin, accepted: [config.publicOrigin] };
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].map((h) => `http://${h}:${config.port}`);
  const links = `http://${urlHost(config.host)}:${config.port}`;
  return { links, accepted: [...new Set([links, ...loopback])] };
}

/** Reads the environment once at start; every wrong variable is named, values are never echoed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.map(String).join('.')} ${i.message}`);
    throw new ConfigError([...new Set(problems)]);
  }
  const e = parsed.data;
  // Without PUBLIC_ORIGIN the only pages trusted are the loopback ones; a server reachable from
  // elsewhere must be told its address rather than believe each request's Host header.
  if (!isLoopback(e.HOST) && !e.PUBLIC_ORIGIN) {
    throw new ConfigError([
      'HOST is not a loopback address: set PUBLIC_ORIGIN to the address people use (https://…)',
    ]);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? null,
    logLevel: e.LOG_LEVEL,
    publicOrigin: e.PUBLIC_ORIGIN ?? null,
    trustProxy: e.TRUST_PROXY ?? null,
    smtp: e.SMTP_URL ? smtpOf(e.SMTP_URL, e.SMTP_FROM ?? DEFAULT_SENDER) : null,
  };
}
