import { Problem } from '../../src/domain/problems';

/** Where Jalon is reached, from configuration: never from the request's own Host header. */
export interface Origins {
  /** The address people use, which links in mails and invitations point to. */
  links: string;
  /** The origins whose pages may write. */
  accepted: readonly string[];
}

/**
 * CSRF defence for unsafe methods (ASVS 3.5): the body must be JSON, which a cross-site form
 * cannot send without a CORS preflight, and the request must say it comes from one of our own
 * pages. Browsers send Origin on every non-GET request, and Sec-Fetch-Site as the newer signal;
 * the origin is compared with configuration, so a forged Host cannot make a foreign page ours.
 * A request with neither (curl, another server) is refused too: the API has no callers other
 * than its own pages.
 */
export function checkSameOrigin(
  headers: { origin: string | undefined; secFetchSite: string | undefined },
  origins: Origins,
): Problem | null {
  const { origin, secFetchSite } = headers;
  if (secFetchSite !== undefined && secFetchSite !== 'same-origin') return forbidden();
  if (origin !== undefined) return origins.accepted.includes(origin) ? null : forbidden();
  return secFetchSite === 'same-origin' ? null : forbidden();
}

const forbidden = () =>
  new Problem(403, 'forbidden', 'Cross-site request refused: send it from the Jalon page');

/**
 * The socket's address. X-Forwarded-For is believed only when the socket is the configured proxy,
 * and then only its last entry (the one that proxy appended), so a client cannot choose its IP.
 */
export function clientIp(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustProxy: string | null,
): string {
  const socket = normalise(socketAddress ?? 'unknown');
  if (trustProxy === null || socket !== normalise(trustProxy) || !forwardedFor) return socket;
  const last = forwardedFor.split(',').at(-1)?.trim();
  return last ? normalise(last) : socket;
}

// Node reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d.
const normalise = (ip: string) => ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
