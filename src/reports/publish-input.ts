import { compileValidator } from '../http/validation.js';

/** Publishing takes no options: the body is `{}` (what is published is what the report shows now). */
export const validatePublishJson = compileValidator<Record<string, never>>({ type: 'object', additionalProperties: false, properties: {} }, 'json');
