import { invalid } from '../http/errors.js';
import { compileValidator, noBidiControls } from '../http/validation.js';
import { timeZones } from './time-zones.js';
import { roles, type Role } from './permissions.js';

export interface NewUserInput {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}
export type InviteInput = Omit<NewUserInput, 'password'>;
export interface LoginInput {
  email: string;
  password: string;
}
export interface SetPasswordInput {
  password: string;
  confirmPassword: string;
}
export interface PasswordChangeInput extends SetPasswordInput {
  currentPassword: string;
}
export interface AuditQuery {
  page: number;
  q?: string;
}

/** The one spelling of an email address: how it is stored, looked up and rate-limited. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase().slice(0, 254);

const email = { type: 'string', minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$', description: 'must be an email address' };
const displayName = { type: 'string', minLength: 1, maxLength: 120, ...noBidiControls };
const role = { enum: [...roles] };
// Long passphrases are welcome; the upper bound only keeps one scrypt call cheap to refuse.
const password = { type: 'string', minLength: 10, maxLength: 200 };

export const validateNewUser = compileValidator<NewUserInput>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['email', 'displayName', 'role', 'password'],
    properties: { email, displayName, role, password },
  },
  'form',
);
export const validateInvite = compileValidator<InviteInput>(
  { type: 'object', additionalProperties: false, required: ['email', 'displayName', 'role'], properties: { email, displayName, role } },
  'form',
);
export const validateRoleChange = compileValidator<{ role: Role }>(
  { type: 'object', additionalProperties: false, required: ['role'], properties: { role } },
  'form',
);
export const validateLogin = compileValidator<LoginInput>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['email', 'password'],
    properties: { email: { type: 'string', minLength: 1, maxLength: 254 }, password: { type: 'string', minLength: 1, maxLength: 200 } },
  },
  'form',
);
export const validateSetPassword = compileValidator<SetPasswordInput>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['password', 'confirmPassword'],
    properties: { password, confirmPassword: { type: 'string', maxLength: 200 } },
  },
  'form',
);
export const validatePasswordChange = compileValidator<PasswordChangeInput>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['currentPassword', 'password', 'confirmPassword'],
    properties: {
      currentPassword: { type: 'string', minLength: 1, maxLength: 200 },
      password,
      confirmPassword: { type: 'string', maxLength: 200 },
    },
  },
  'form',
);
export const validateTokenName = compileValidator<{ name: string }>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: { name: { type: 'string', minLength: 1, maxLength: 100 } },
  },
  'form',
);
export const validateTimeZone = compileValidator<{ timeZone: string }>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['timeZone'],
    properties: {
      timeZone: { type: 'string', enum: timeZones, description: 'must be a time zone from the list, such as Asia/Manila or UTC' },
    },
  },
  'form',
);
export const validateAuditQuery = compileValidator<AuditQuery>(
  {
    type: 'object',
    additionalProperties: false,
    properties: { page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 }, q: { type: 'string', maxLength: 200 } },
  },
  'form',
);

/** The typed-twice check a schema cannot express: the confirmation must repeat the password. */
export function requireConfirmation<T extends SetPasswordInput>(input: T): T {
  if (input.password !== input.confirmPassword) throw invalid('confirmPassword', 'does not match the new password');
  return input;
}
