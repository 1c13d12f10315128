import { pino, type Logger } from 'pino';
import type { Config } from '../config.js';

let shared: Logger | undefined;

/** One logger per process, JSON lines on stdout. */
export function logger(config: Pick<Config, 'logLevel'>): Logger {
  shared ??= pino({ level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] });
  return shared;
}
