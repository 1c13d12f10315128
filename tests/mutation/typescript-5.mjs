// Stryker's TypeScript checker needs the compiler API of TypeScript 5; the project compiles with
// TypeScript 7, whose package has no such API. This hook hands Stryker's packages (its checker, and its tsconfig rewriter)
// the `typescript-5` alias when it imports `typescript`. Loaded with --import via NODE_OPTIONS, so
// Stryker's checker processes get it too.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === 'typescript' && context.parentURL?.includes('/node_modules/@stryker-mutator/')) {
    return next('typescript-5', context);
  }
  return next(specifier, context);
}`),
  import.meta.url,
);
