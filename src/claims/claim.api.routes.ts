import { Router } from 'express';
import { withVersion } from '../http/api.js';
import { idParam } from '../http/params.js';
import { findEventsByClaimId } from '../history/event.repository.js';
import { noteJson } from '../notes/note.json.js';
import { validateNoteEditJson, validateNoteJson } from '../notes/note.js';
import { addNote, editNote } from '../notes/note.service.js';
import { sourceJson } from '../sources/source.json.js';
import { validateSourceEditJson, validateSourceJson } from '../sources/source.js';
import { addSource, editSource, removeSource } from '../sources/source.service.js';
import { claimDetailJson, claimJson } from './claim.json.js';
import { validateClaimPatchJson, validateNewClaimJson } from './claim.js';
import { claimSentenceText, createClaim, getClaimDetail, updateClaim } from './claim.service.js';
import { invalid } from '../http/errors.js';

/** The JSON API for claims, their sources and notes. Every route calls one service function. */
export function claimApiRoutes(): Router {
  const router = Router();

  router.post('/api/v1/documents/:id/claims', async (req, res) => {
    const claim = await createClaim(req.ctx, req.actor!, idParam(req, 'id', 'Document'), validateNewClaimJson(req.body));
    res
      .status(201)
      .location(`/api/v1/claims/${claim.id}`)
      .json({ claim: claimJson(claim) });
  });

  router.get('/api/v1/claims/:id', async (req, res) => {
    const { claim, sources, notes, events } = await getClaimDetail(req.ctx, req.actor!, idParam(req, 'id', 'Claim'));
    res.set('ETag', `"${claim.version}"`).json({
      claim: claimDetailJson(claim, await claimSentenceText(req.ctx, claim)),
      sources: sources.map(sourceJson),
      notes: notes.map(noteJson),
      history: events,
    });
  });

  router.patch('/api/v1/claims/:id', async (req, res) => {
    const { claim, warnings } = await updateClaim(
      req.ctx,
      req.actor!,
      idParam(req, 'id', 'Claim'),
      validateClaimPatchJson(withVersion(req)),
    );
    res.set('ETag', `"${claim.version}"`).json({ claim: claimDetailJson(claim, await claimSentenceText(req.ctx, claim)), warnings });
  });

  router.get('/api/v1/claims/:id/history', async (req, res) => {
    const { claim } = await getClaimDetail(req.ctx, req.actor!, idParam(req, 'id', 'Claim'));
    res.json({ history: await findEventsByClaimId(req.ctx.db, claim.id) });
  });

  router.post('/api/v1/claims/:id/sources', async (req, res) => {
    const source = await addSource(req.ctx, req.actor!, idParam(req, 'id', 'Claim'), validateSourceJson(req.body));
    res.status(201).json({ source: sourceJson(source) });
  });

  router.patch('/api/v1/sources/:id', async (req, res) => {
    res.json({
      source: sourceJson(await editSource(req.ctx, req.actor!, idParam(req, 'id', 'Source'), validateSourceEditJson(withVersion(req)))),
    });
  });

  router.delete('/api/v1/sources/:id', async (req, res) => {
    const version = Number(/^(?:W\/)?"?(\d{1,10})"?$/.exec(req.get('if-match') ?? String(req.query.version ?? ''))?.[1]);
    if (!version) throw invalid('version', 'is required (If-Match header or ?version=)');
    await removeSource(req.ctx, req.actor!, idParam(req, 'id', 'Source'), version);
    res.status(204).end();
  });

  router.post('/api/v1/claims/:id/notes', async (req, res) => {
    const note = await addNote(req.ctx, req.actor!, idParam(req, 'id', 'Claim'), validateNoteJson(req.body).body);
    res.status(201).json({ note: noteJson(note) });
  });

  router.patch('/api/v1/notes/:id', async (req, res) => {
    const edit = validateNoteEditJson(withVersion(req));
    res.json({ note: noteJson(await editNote(req.ctx, req.actor!, idParam(req, 'id', 'Note'), edit.body, edit.version)) });
  });

  return router;
}
