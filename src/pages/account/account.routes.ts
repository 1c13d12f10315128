import type { RouteDeps } from '../../routes.js';
import { Router, type Request, type Response } from 'express';
import { flash } from '../../http/flash.js';
import { formRoute, type PageForm } from '../../http/forms.js';
import { idParam } from '../../http/params.js';
import { passwordCheckLimiter } from '../../web/rate-limit.js';
import { timeZones } from '../../users/time-zones.js';
import { changeOwnPassword, getAccount, setOwnTimeZone } from '../../users/account.service.js';
import { createApiToken, revokeApiToken } from '../../users/token.service.js';
import {
  requireConfirmation,
  validatePasswordChange,
  validateTimeZone,
  validateTokenName,
  type PasswordChangeInput,
} from '../../users/user.schemas.js';

type Form = { values: Record<string, unknown>; errors: Record<string, string> };
const emptyForm: Form = { values: {}, errors: {} };

/** Passwords are never sent back into a form; other values are, so a mistake costs no retyping. */
async function renderAccount(req: Request, res: Response, status = 200, forms: { password?: Form; token?: Form; zone?: Form } = {}) {
  const { user, tokens } = await getAccount(req.ctx, req.actor!);
  res.status(status).render('account/index', {
    title: 'Your account',
    user,
    tokens,
    timeZones,
    password: forms.password ?? emptyForm,
    token: forms.token ?? emptyForm,
    zone: forms.zone ?? emptyForm,
  });
}

const passwordForm: PageForm<PasswordChangeInput> = {
  validate: (body) => requireConfirmation(validatePasswordChange(body)),
  values: () => ({}),
  labels: { currentPassword: 'Current password', password: 'New password', confirmPassword: 'The confirmation' },
  render: (req, res, { status, errors }) => renderAccount(req, res, status, { password: { values: {}, errors } }),
};

const tokenForm: PageForm<{ name: string }> = {
  validate: validateTokenName,
  labels: { name: 'Token name' },
  render: (req, res, { status, values, errors }) => renderAccount(req, res, status, { token: { values, errors } }),
};

const timeZoneForm: PageForm<{ timeZone: string }> = {
  validate: validateTimeZone,
  labels: { timeZone: 'Time zone' },
  render: (req, res, { status, values, errors }) => renderAccount(req, res, status, { zone: { values, errors } }),
};

/** /account: one's own time zone, password and API tokens. */
export function accountRoutes(deps: Pick<RouteDeps, 'db'>): Router {
  const router = Router();
  const limited = passwordCheckLimiter(
    deps.db,
    (req, res, message, next) =>
      void renderAccount(req, res, 429, { password: { values: {}, errors: { currentPassword: message } } }).catch(next),
  );

  router.get('/account', (req, res) => renderAccount(req, res));

  router.post(
    '/account/password',
    limited,
    formRoute(passwordForm, async (req, res, input) => {
      await changeOwnPassword(req.ctx, req.actor!, input, req.ip ?? null);
      flash(res, 'success', 'Your password is changed. Your other sessions have been signed out.');
      res.redirect(303, '/account');
    }),
  );

  router.post(
    '/account/time-zone',
    formRoute(timeZoneForm, async (req, res, input) => {
      await setOwnTimeZone(req.ctx, req.actor!, input.timeZone);
      flash(res, 'success', `Times are now shown in ${input.timeZone}.`);
      res.redirect(303, '/account');
    }),
  );

  router.post(
    '/account/tokens',
    formRoute(tokenForm, async (req, res, input) => {
      const { token, record } = await createApiToken(req.ctx, req.actor!, req.actor!.id, input.name);
      // The secret exists only in this response (only its hash is stored), so it is rendered
      // from the POST and never cached, rather than carried through a redirect.
      res.set('Cache-Control', 'no-store');
      res.status(201).render('account/token-created', { title: 'New API token', token, record });
    }),
  );

  router.post('/account/tokens/:id/revoke', async (req, res) => {
    const token = await revokeApiToken(req.ctx, req.actor!, idParam(req, 'id', 'Token'));
    flash(res, 'success', `The token “${token.name}” (${token.prefix}…) is revoked; it stopped working at once.`);
    res.redirect(303, '/account');
  });

  return router;
}
