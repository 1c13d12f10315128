import type { Response } from 'supertest';
import type { browser } from '../../helpers/app.js';

/** Follows a POST/redirect/GET as a browser would, carrying the flash cookie the POST set. */
export async function follow(user: ReturnType<typeof browser>, res: Response) {
  const cookies = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  const flash = cookies.find((c) => c.startsWith('claimdesk_flash='))?.split(';')[0];
  return user.get(res.headers.location!).set('Cookie', [user.cookie, flash].filter(Boolean).join('; '));
}
