-- A reviewer researches and proposes; an editor decides. The proposal is kept apart from the
-- final verdict so that "a verdict exactly when resolved" still holds, and so the editor sees
-- what was proposed when resolving (and the history shows who proposed what).
ALTER TABLE claims
  ADD COLUMN proposed_verdict text
  CONSTRAINT claims_proposed_verdict_check
  CHECK (proposed_verdict IN ('accurate', 'inaccurate', 'misleading', 'needs_context', 'unverifiable', 'typo'));
