import type { Role } from './permissions.js';

export interface User {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  version: number;
}
