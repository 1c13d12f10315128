import { Router, type Request, type Response } from 'express';
import { validateNewClaimForm, type NewClaimInput } from '../../claims/claim.js';
import { createClaim } from '../../claims/claim.service.js';
import { READER_PAGE_SIZE, validateReaderQuery, type ReaderQuery } from '../../documents/reader.js';
import { reextractDocument } from '../../documents/reextract.service.js';
import { flash } from '../../http/flash.js';
import { formRoute, type FieldErrors, type PageForm } from '../../http/forms.js';
import { idParam } from '../../http/params.js';
import { formInput } from '../../http/validation.js';
import { matchingProgress } from '../../matching/background-matching.js';
import { readerPage } from './reader-page.js';

/** The reader, with the add-claim form filled with `values` and `errors` after a refused post. */
async function renderReader(
  req: Request,
  res: Response,
  status: number,
  query: ReaderQuery | null,
  filterErrors: FieldErrors,
  form: { values: Record<string, unknown>; errors: FieldErrors },
) {
  const id = idParam(req, 'id', 'Document');
  const page = await readerPage(req, id, query ?? {});
  // How far a long document's background matching has got (no query unless this process is matching it).
  const matching = await matchingProgress(req.ctx.db, id);
  res.status(status).render('documents/show', {
    title: page.document.title,
    ...page,
    matching,
    pageSize: READER_PAGE_SIZE,
    filterErrors,
    values: form.values,
    errors: form.errors,
  });
}

const noForm = { values: {}, errors: {} };
const readerQuery = (req: Request) => validateReaderQuery({ ...formInput(req.query) });

/**
 * The reader's query (a GET form: the list's filters, its page or the claim whose page to show,
 * and the part of the text): a refused one shows the list's first page, unfiltered, with the messages.
 */
const filterForm: PageForm<ReaderQuery> = {
  validate: (raw) => validateReaderQuery({ ...(raw as object) }),
  labels: {
    status: 'Status filter',
    kind: 'Kind filter',
    verdict: 'Verdict filter',
    page: 'Page',
    claim: 'Claim',
    part: 'Part of the text',
  },
  fieldIds: {
    status: 'f-status',
    kind: 'f-kind',
    verdict: 'f-verdict',
    page: 'list-position',
    claim: 'list-position',
    part: 'text-position',
  },
  render: (req, res, { status, errors }) => renderReader(req, res, status, null, errors, noForm),
};

/** Adding a claim by its passage: a passage not found, ambiguous or already a claim of that kind goes back to the form. */
const addClaimForm: PageForm<NewClaimInput> = {
  validate: validateNewClaimForm,
  labels: { quote: 'Exact passage', occurrence: 'Occurrence', kind: 'Kind' },
  conflictField: 'quote',
  render: (req, res, { status, values, errors }) => renderReader(req, res, status, readerQuery(req), {}, { values, errors }),
};

/** The reader (`/documents/:id`): the text with its claims, marking a claim by its passage, re-extraction. */
export function readerRoutes(): Router {
  const router = Router();

  router.get(
    '/documents/:id',
    formRoute(filterForm, (req, res, query) => renderReader(req, res, 200, query, {}, noForm)),
  );

  router.post(
    '/documents/:id/claims',
    formRoute(addClaimForm, async (req, res, input) => {
      const id = idParam(req, 'id', 'Document');
      const claim = await createClaim(req.ctx, req.actor!, id, input);
      flash(
        res,
        'success',
        `Added claim #${claim.id} (${claim.kind}): “${claim.quote.length > 80 ? `${claim.quote.slice(0, 79)}…` : claim.quote}”.`,
      );
      res.redirect(303, `/documents/${id}?claim=${claim.id}#claim-${claim.id}`);
    }),
  );

  router.post('/documents/:id/reextract', async (req, res) => {
    const id = idParam(req, 'id', 'Document');
    const { created } = await reextractDocument(req.ctx, req.actor!, id);
    flash(
      res,
      'success',
      created.length === 0
        ? 'Re-extraction found no new claims; every existing claim is unchanged.'
        : `Re-extraction added ${created.length} new ${created.length === 1 ? 'claim' : 'claims'}; existing claims are unchanged.`,
    );
    res.redirect(303, `/documents/${id}`);
  });

  return router;
}
