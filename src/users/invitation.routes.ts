import { Router } from 'express';
import { ValidationError } from '../http/errors.js';
import { flash } from '../http/flash.js';
import { formInput } from '../http/validation.js';
import { fieldMap, startSession } from './auth.routes.js';
import { acceptInvitation, findInvitation } from './invitation.service.js';
import { requireConfirmation, validateSetPassword } from './user.schemas.js';

/** Public: an invited (or reset) user follows their link, chooses a password and is signed in. */
export function invitationRoutes(): Router {
  const router = Router();
  const gone = { title: 'Link not valid', message: 'This link is unknown, has already been used or has expired. Ask an admin for a new one.' };

  router.get('/invitations/:token', async (req, res) => {
    const invitation = await findInvitation(req.ctx, String(req.params.token));
    // The link's secret must not leak through the Referer of anything this page loads or links to.
    res.set('Referrer-Policy', 'no-referrer').set('Cache-Control', 'no-store');
    if (!invitation) return res.status(404).render('auth/invitation-gone', gone);
    res.render('auth/invitation', { title: 'Choose your password', invitation, token: req.params.token, errors: {} });
  });

  router.post('/invitations/:token', async (req, res) => {
    const token = String(req.params.token);
    res.set('Referrer-Policy', 'no-referrer').set('Cache-Control', 'no-store');
    try {
      const input = requireConfirmation(validateSetPassword(formInput(req.body)));
      const user = await acceptInvitation(req.ctx, token, input.password, req.ip ?? null);
      await startSession(req, res, user.id);
      flash(res, 'success', `Welcome, ${user.displayName}. Your password is set and you are signed in.`);
      res.redirect(303, '/');
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const invitation = await findInvitation(req.ctx, token);
      if (!invitation) return res.status(404).render('auth/invitation-gone', gone);
      res.status(400).render('auth/invitation', { title: 'Choose your password', invitation, token, errors: fieldMap(err) });
    }
  });

  return router;
}
