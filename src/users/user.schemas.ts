import { compileValidator } from '../http/validation.js';
import { roles, type Role } from './permissions.js';

export interface NewUserInput {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}
export interface LoginInput {
  email: string;
  password: string;
}

const email = { type: 'string', minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$', description: 'must be an email address' };
const password = { type: 'string', minLength: 10, maxLength: 200 };

export const validateNewUser = compileValidator<NewUserInput>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['email', 'displayName', 'role', 'password'],
    properties: { email, displayName: { type: 'string', minLength: 1, maxLength: 120 }, role: { enum: [...roles] }, password },
  },
  'form',
);
export const validateLogin = compileValidator<LoginInput>(
  { type: 'object', additionalProperties: false, required: ['email', 'password'], properties: { email: { type: 'string', minLength: 1, maxLength: 254 }, password: { type: 'string', minLength: 1, maxLength: 200 } } },
  'form',
);
