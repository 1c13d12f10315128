import { Router } from 'express';
import { flash } from '../../http/flash.js';
import { formRoute, type PageForm } from '../../http/forms.js';
import { startSession } from './auth.routes.js';
import { acceptInvitation, findInvitation } from '../../users/invitation.service.js';
import { requireConfirmation, validateSetPassword, type SetPasswordInput } from '../../users/user.schemas.js';

const gone = {
  title: 'Link not valid',
  message: 'This link is unknown, has already been used or has expired. Ask an admin for a new one.',
};

/** Choosing a password from an invitation; the link may have expired while the form was open. */
const setPasswordForm: PageForm<SetPasswordInput> = {
  validate: (body) => requireConfirmation(validateSetPassword(body)),
  values: () => ({}),
  labels: { password: 'Password', confirmPassword: 'The confirmation' },
  render: async (req, res, { status, errors }) => {
    const token = String(req.params.token);
    const invitation = await findInvitation(req.ctx, token);
    if (!invitation) return void res.status(404).render('auth/invitation-gone', gone);
    res.status(status).render('auth/invitation', { title: 'Choose your password', invitation, token, errors });
  },
};

/** Public: an invited (or reset) user follows their link, chooses a password and is signed in. */
export function invitationRoutes(): Router {
  const router = Router();

  router.get('/invitations/:token', async (req, res) => {
    const invitation = await findInvitation(req.ctx, String(req.params.token));
    // The link's secret must not leak through the Referer of anything this page loads or links to.
    res.set('Referrer-Policy', 'no-referrer').set('Cache-Control', 'no-store');
    if (!invitation) return res.status(404).render('auth/invitation-gone', gone);
    res.render('auth/invitation', { title: 'Choose your password', invitation, token: req.params.token, errors: {} });
  });

  router.post(
    '/invitations/:token',
    (_req, res, next) => {
      res.set('Referrer-Policy', 'no-referrer').set('Cache-Control', 'no-store');
      next();
    },
    formRoute(setPasswordForm, async (req, res, input) => {
      const user = await acceptInvitation(req.ctx, String(req.params.token), input.password, req.ip ?? null);
      await startSession(req, res, user.id);
      flash(res, 'success', `Welcome, ${user.displayName}. Your password is set and you are signed in.`);
      res.redirect(303, '/');
    }),
  );

  return router;
}
