import { extract } from '../extraction/index.js';
import type { Command } from './commands.js';
import { readTextFile } from './read-text-file.js';

/** Prints the claims extraction finds in a file, without touching any database. */
export const extractCommand: Command = {
  options: { language: { type: 'string' }, json: { type: 'boolean' } },
  async run({ config, values, positionals }) {
    const text = readTextFile(positionals[0], config.maxTextBytes);
    const result = extract(text, typeof values.language === 'string' ? { language: values.language } : {});
    if (values.json) {
      process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      return 0;
    }
    console.log(`${result.claims.length} claims in ${result.sentences.length} sentences (language: ${result.language})\n`);
    for (const c of result.claims) {
      const suggestion = c.suggestion ? ` → ${c.suggestion}` : '';
      console.log(`s${c.sentenceIndex}  ${c.kind.padEnd(11)} ${c.score.toFixed(2)}  [${c.start}–${c.end}] ${c.quote}${suggestion}`);
      console.log(`${' '.repeat(4)}${c.reasons.join('; ')}`);
      for (const f of c.findings) console.log(`${' '.repeat(4)}! ${f.message}${f.evidence ? ` [${f.evidence}]` : ''}`);
    }
    return 0;
  },
};
