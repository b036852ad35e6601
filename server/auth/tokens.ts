import { createHash, randomBytes } from 'node:crypto';

/** 256 bits from the CSPRNG, URL-safe: session cookies and single-use account links. */
export const newToken = () => randomBytes(32).toString('base64url');

/** What the database keeps instead of a token (or of an e-mail in security events). */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
