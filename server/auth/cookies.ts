/**
 * The session cookie. Over https it carries the `__Host-` prefix, which makes the browser refuse
 * it unless it is Secure, host-only and Path=/ (ASVS 3.3.1–3.3.4). Plain http exists only for a
 * local `npm start`, where a Secure cookie would not be sent back.
 */
export interface CookiePolicy {
  name: string;
  secure: boolean;
}

export function cookiePolicy(linkOrigin: string): CookiePolicy {
  const secure = linkOrigin.startsWith('https://');
  return { name: secure ? '__Host-jalon_session' : 'jalon_session', secure };
}

const attributes = (p: CookiePolicy) =>
  `Path=/; HttpOnly; ${p.secure ? 'Secure; ' : ''}SameSite=Lax`;

/** No Max-Age: the cookie ends with the browser; the server enforces idle and absolute limits. */
export const sessionCookie = (p: CookiePolicy, token: string) =>
  `${p.name}=${token}; ${attributes(p)}`;

export const clearedCookie = (p: CookiePolicy) => `${p.name}=; Max-Age=0; ${attributes(p)}`;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The token from a Cookie header, or null; a malformed value is no token. */
export function readSessionToken(p: CookiePolicy, header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== p.name) continue;
    const value = part.slice(eq + 1).trim();
    return TOKEN.test(value) ? value : null;
  }
  return null;
}
