import type { Role } from './permissions.js';

export interface User {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  /** False for an invited user who has not yet chosen a password (and so cannot sign in). */
  hasPassword: boolean;
  createdAt: Date;
  version: number;
}
