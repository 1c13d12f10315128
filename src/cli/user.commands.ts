import { generatePassword } from '../users/passwords.js';
import { cliActor, roles, type Role } from '../users/permissions.js';
import { normaliseEmail, validateNewUser } from '../users/user.schemas.js';
import { findUserRowByEmail } from '../users/user.repository.js';
import { createUser } from '../users/user.service.js';
import { createApiToken } from '../users/token.service.js';
import type { Command } from './commands.js';
import { withWorkspace } from './open-ctx.js';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const usageError = (message: string) => Object.assign(new Error(message), { status: 2 });

/** `claimdesk user add --email E --role R [--name N]`: the password comes from stdin or is generated and printed once. */
export const userCommand: Command = {
  options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
  async run({ config, values, positionals }) {
    if (positionals[0] !== 'add') throw usageError('usage: claimdesk user add --email E --role R [--name N] (password on stdin)');
    const role = values.role as Role;
    if (!roles.includes(role)) throw usageError(`--role must be one of: ${roles.join(', ')}`);
    const email = String(values.email ?? '');
    const piped = await readStdin();
    const password = piped || generatePassword();
    const input = validateNewUser({ email, role, password, displayName: String(values.name ?? email.split('@')[0] ?? email) });
    return withWorkspace(config, async (ctx) => {
      const user = await createUser(ctx, cliActor, input);
      console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
      if (!piped) console.log(`Password (shown once): ${password}`);
      return 0;
    });
  },
};

/** `claimdesk token create --email E [--name N]`: prints a new API token once. */
export const tokenCommand: Command = {
  options: { email: { type: 'string' }, name: { type: 'string' } },
  async run({ config, values, positionals }) {
    if (positionals[0] !== 'create') throw usageError('usage: claimdesk token create --email E [--name N]');
    const email = normaliseEmail(String(values.email ?? ''));
    if (!email) throw usageError('usage: claimdesk token create --email E [--name N]');
    return withWorkspace(config, async (ctx) => {
      const user = await findUserRowByEmail(ctx.db, email);
      if (!user) throw Object.assign(new Error(`no user with the email ${email}`), { status: 1 });
      if (user.disabled_at) throw Object.assign(new Error(`${email} is disabled; enable the account first`), { status: 1 });
      const { token, record } = await createApiToken(ctx, cliActor, user.id, String(values.name ?? 'CLI token'));
      console.log(`Token ${record.id} for ${email} (shown once):\n${token}`);
      return 0;
    });
  },
};
