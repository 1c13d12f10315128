// The mutation-testing scope (issue 20): the code whose mistakes cost most, one module at a time,
// each with the test files that guard it. Running a module's own tests (not the whole suite) is
// what makes Stryker practical on two cores; a test that kills a mutant elsewhere does not count.
export const modules = {
  rules: {
    // claim.policy.ts: who may do what to which claim; claim-rules.ts: the review rules built on it.
    mutate: ['src/claims/claim.policy.ts', 'src/claims/claim-rules.ts', 'src/users/permissions.ts'],
    // Not the permissions matrix: it sends every route as every role, so each mutant here re-ran it
    // whole (a run took over two hours on the shared machine); the policy is asked through the API
    // by the two files below, and the matrix still guards the permission table in `npm test`.
    testFiles: ['tests/integration/guards/claim-rules.test.ts', 'tests/integration/claim-page/review.test.ts'],
  },
  'claim-services': {
    mutate: [
      'src/claims/claim.service.ts',
      'src/claims/restructure.service.ts',
      'src/claims/bulk.service.ts',
      'src/notes/note.service.ts',
      'src/sources/source.service.ts',
    ],
    testFiles: [
      // What each service writes, row and history, asked directly (fast: no app, no pages).
      'tests/integration/guards/claim-services.test.ts',
      'tests/integration/guards/claim-rules.test.ts',
      'tests/integration/reliability/transactions.test.ts',
      'tests/integration/reliability/stale-edits.test.ts',
      'tests/integration/claim-page/restructure.test.ts',
      'tests/integration/claim-page/sources-notes.test.ts',
      'tests/integration/claim-page/review.test.ts',
      'tests/integration/review-desk/bulk.test.ts',
      // A claim marked by hand (by quote and occurrence) and re-extraction around it.
      'tests/integration/review-desk/add-and-reextract.test.ts',
    ],
  },
  'auth-csrf': {
    mutate: ['src/http/csrf.ts', 'src/http/session-cookie.ts', 'src/users/actor.middleware.ts'],
    ambient: ['src/request-context.ts'],
    testFiles: [
      'tests/integration/security/csrf.test.ts',
      'tests/integration/security/sessions.test.ts',
      'tests/integration/security/setup-login.test.ts',
      // The actor middleware puts a user's own time zone into the views' helpers.
      'tests/integration/security/time-zone.test.ts',
    ],
  },
  validation: {
    mutate: ['src/http/validation.ts', 'src/http/input-guard.ts', 'src/http/params.ts'],
    // The rules word for word (unit), and the guard in front of every route (input-guard); the
    // bad-input corpus checks each route's wiring, and running it per mutant costs minutes.
    testFiles: ['tests/unit/http/validation.test.ts', 'tests/integration/reliability/input-guard.test.ts'],
  },
  reports: {
    mutate: ['src/reports/corrections.ts', 'src/reports/passage.ts', 'src/reports/formats/*.ts', 'src/reports/report-claims.repository.ts'],
    testFiles: [
      'tests/unit/reports/*.test.ts',
      'tests/integration/guards/exports.test.ts',
      'tests/integration/reports/exports.test.ts',
      'tests/integration/reports/claimreview.test.ts',
    ],
  },
  backup: {
    mutate: ['src/backup/*.ts'],
    testFiles: [
      'tests/integration/reliability/backup.test.ts',
      // The reader of a backup file, line by line, on hand-made files (no database).
      'tests/unit/backup/backup-reader.test.ts',
      'tests/integration/reliability/backup-cli.test.ts',
    ],
  },
  // The pre-checks' arithmetic and date rules (issue 18): figures stated in the text, impossible or
  // out-of-order dates, and the calendar arithmetic they rest on (date-values.ts lines 88-106:
  // the range a date can mean, days in a month; the rest of that file is date detection).
  prechecks: {
    mutate: ['src/extraction/checks/figures.ts', 'src/extraction/checks/dates.ts', 'src/extraction/date-values.ts:88-106'],
    testFiles: ['tests/unit/extraction/prechecks.test.ts'],
  },
};
