import { Router, type Request, type Response } from 'express';
import { flash } from '../../http/flash.js';
import { formRoute, type PageForm } from '../../http/forms.js';
import { idParam } from '../../http/params.js';
import { formInput } from '../../http/validation.js';
import { readAuditLog } from '../../users/audit.service.js';
import { inviteUser, issueInvitation, type Invitation } from '../../users/invitation.service.js';
import { roles } from '../../users/permissions.js';
import { changeUser, listUsers } from '../../users/user.service.js';
import { validateAuditQuery, validateInvite, validateRoleChange, type InviteInput } from '../../users/user.schemas.js';

/** The address an invitee opens: PUBLIC_URL when configured, else the address the admin used. */
function invitationLink(req: Request, token: string): string {
  const base = req.ctx.config.publicUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.get('host')}`;
  return `${base}/invitations/${token}`;
}

/**
 * The link's secret exists only in this response: it is neither stored nor put in a cookie, so
 * this page is rendered straight from the POST (and never cached) instead of redirecting.
 */
function showInvitation(req: Request, res: Response, invitation: Invitation, isNew: boolean): void {
  res.set('Cache-Control', 'no-store');
  res
    .status(isNew ? 201 : 200)
    .render('admin/invitation', { title: 'Invitation link', invitation, link: invitationLink(req, invitation.token), isNew });
}

async function renderUsers(
  req: Request,
  res: Response,
  status = 200,
  form: { values: Record<string, unknown>; errors: Record<string, string> } = { values: {}, errors: {} },
) {
  res.status(status).render('admin/users', { title: 'Users', users: await listUsers(req.ctx, req.actor!), roles, ...form });
}

/** Inviting someone: an address already in use (409) is refused next to the email field. */
const inviteForm: PageForm<InviteInput> = {
  validate: validateInvite,
  labels: { email: 'Email address', displayName: 'Name', role: 'Role' },
  conflictField: 'email',
  render: (req, res, { status, values, errors }) => renderUsers(req, res, status, { values, errors }),
};

/** Admin pages: users (invite, change role, disable/enable, new sign-in link) and the audit log. */
export function adminRoutes(): Router {
  const router = Router();

  router.get('/admin/users', (req, res) => renderUsers(req, res));

  router.post(
    '/admin/users',
    formRoute(inviteForm, async (req, res, input) => {
      showInvitation(req, res, await inviteUser(req.ctx, req.actor!, input), true);
    }),
  );

  router.post('/admin/users/:id/role', async (req, res) => {
    const { role } = validateRoleChange(formInput(req.body));
    const user = await changeUser(req.ctx, req.actor!, idParam(req, 'id', 'User'), { role });
    flash(res, 'success', `${user.displayName} is now ${role === 'admin' ? 'an' : 'a'} ${role}.`);
    res.redirect(303, '/admin/users');
  });

  router.post('/admin/users/:id/disable', async (req, res) => {
    const user = await changeUser(req.ctx, req.actor!, idParam(req, 'id', 'User'), { disabled: true });
    flash(res, 'success', `${user.displayName} is disabled: signed out everywhere, API tokens revoked.`);
    res.redirect(303, '/admin/users');
  });

  router.post('/admin/users/:id/enable', async (req, res) => {
    const user = await changeUser(req.ctx, req.actor!, idParam(req, 'id', 'User'), { disabled: false });
    flash(res, 'success', `${user.displayName} can sign in again.`);
    res.redirect(303, '/admin/users');
  });

  router.post('/admin/users/:id/link', async (req, res) => {
    showInvitation(req, res, await issueInvitation(req.ctx, req.actor!, idParam(req, 'id', 'User')), false);
  });

  router.get('/admin/audit', async (req, res) => {
    const query = validateAuditQuery(formInput(req.query));
    res.render('admin/audit', { title: 'Audit log', audit: await readAuditLog(req.ctx, req.actor!, query) });
  });

  return router;
}
