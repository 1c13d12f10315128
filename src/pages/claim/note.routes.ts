import { Router } from 'express';
import { noteConflict } from '../conflict/claim-conflict.js';
import { claimIdOfNote } from './claim-page.service.js';
import { formValues as values, numericId, submitForm } from './claim-page.js';
import { flash } from '../../http/flash.js';
import { idParam } from '../../http/params.js';
import { formInput } from '../../http/validation.js';
import type { Note } from '../../notes/note.js';
import { validateNoteEditForm, validateNoteForm } from '../../notes/note.js';
import { addNote, editNote } from '../../notes/note.service.js';

/** The claim page's note forms: add a note, edit one's own. Each redirects back to the claim. */
export function noteRoutes(): Router {
  const router = Router();

  router.post('/claims/:id/notes', numericId, async (req, res) => {
    const claimId = idParam(req, 'id', 'Claim');
    await submitForm(req, res, {
      form: 'note-new',
      values: values(req.body),
      claimId,
      run: async () => {
        const note = await addNote(req.ctx, req.actor!, claimId, validateNoteForm(formInput(req.body)).body);
        flash(res, 'success', 'Added your note.');
        return `/claims/${claimId}#note-${note.id}`;
      },
    });
  });

  router.post('/notes/:id', numericId, async (req, res) => {
    const id = idParam(req, 'id', 'Note');
    await submitForm(req, res, {
      form: `note-${id}`,
      values: values(req.body),
      claimId: () => claimIdOfNote(req.ctx, req.actor!, id),
      conflict: (current: Note) => noteConflict(current, values(req.body)),
      run: async () => {
        const edit = validateNoteEditForm(formInput(req.body));
        const note = await editNote(req.ctx, req.actor!, id, edit.body, edit.version);
        flash(res, 'success', note.version === edit.version ? 'Nothing to save: the note is unchanged.' : 'Saved your note.');
        return `/claims/${note.claimId}#note-${note.id}`;
      },
    });
  });

  return router;
}
