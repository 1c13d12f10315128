import type { Role } from './permissions.js';

export interface User {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  /** False for an invited user who has not yet chosen a password (and so cannot sign in). */
  hasPassword: boolean;
  /** The IANA time zone the pages show this user's times in ('UTC' unless chosen). */
  timeZone: string;
  createdAt: Date;
  version: number;
}
