import { Ajv } from 'ajv';
import { resolve } from 'node:path';

/** claimdesk's settings, read once from the environment, validated and frozen. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** `on` imports the seed article on first start, `reviewed` also applies its answer key. */
  demo: 'off' | 'on' | 'reviewed';
  maxTextBytes: number;
  /** The most claims one document may hold after an import or re-extraction; more is refused (422) before anything is written. */
  maxClaimsPerDocument: number;
  /** A document with more claims than this is matched with earlier documents after its import commits, in the background (docs/MATCHING.md). */
  matchInlineClaims: number;
  /** How long finding claims in one text may take before the import is refused (422). */
  extractionTimeoutMs: number;
  /** A signed-in session ends after this long without a request, whatever its absolute lifetime. */
  sessionIdleTimeoutMinutes: number;
  sessionSecret: string | null;
  trustProxy: string | null;
  logLevel: string;
  dbPoolMax: number;
  dbStatementTimeoutMs: number;
  dbConnectTimeoutMs: number;
  /** Embedded mode: PGlite's shared_buffers, in MB (its memory is the app process's). */
  pgliteSharedBuffersMb: number;
  /**
   * Embedded mode: `compact` runs PGlite's WebAssembly as V8's baseline compiler makes it; `fast`
   * lets V8 recompile its hot code with the optimizing compiler (about 60 MB more memory, database
   * work about a quarter faster). V8 holds it for the whole process.
   */
  pgliteCode: 'compact' | 'fast';
  /** How far the JavaScript heap may grow past its live size before a full collection, in percent; 0 leaves it to V8 (src/runtime/heap-growth.ts). */
  heapGrowingPercent: number;
  /**
   * log2 of scrypt's N for new password hashes (r=8, p=1). Raising it upgrades each hash at its
   * owner's next sign-in. Tests lower it; production refuses less than the default.
   */
  passwordHashCost: number;
  shutdownTimeoutMs: number;
  orgName: string;
  orgUrl: string;
  publicUrl: string | null;
  /** REQUIRE_EVIDENCE=1: an inaccurate or misleading verdict needs a refuting or context source (else a warning). */
  requireEvidence: boolean;
  /** The organisation's published corrections policy, named as correctionsPolicy in NewsArticle markup. */
  correctionsPolicyUrl: string | null;
}

const schema = {
  type: 'object',
  properties: {
    NODE_ENV: { enum: ['development', 'production', 'test'] },
    PORT: { type: 'string', pattern: '^[0-9]{1,5}$' },
    HOST: { type: 'string', minLength: 1 },
    DATA_DIR: { type: 'string', minLength: 1 },
    DATABASE_URL: { type: 'string', pattern: '^postgres(ql)?://' },
    DEMO: { enum: ['0', '1', 'off', 'on', 'reviewed', 'false', 'true'] },
    MAX_TEXT_BYTES: { type: 'string', pattern: '^[0-9]+$' },
    MAX_CLAIMS_PER_DOCUMENT: { type: 'string', pattern: '^[1-9][0-9]{0,6}$' },
    MATCH_INLINE_CLAIMS: { type: 'string', pattern: '^[0-9]{1,7}$' },
    EXTRACTION_TIMEOUT_MS: { type: 'string', pattern: '^[1-9][0-9]{2,6}$' },
    SESSION_IDLE_TIMEOUT_MINUTES: { type: 'string', pattern: '^[1-9][0-9]{0,4}$' },
    SESSION_SECRET: { type: 'string', minLength: 32 },
    TRUST_PROXY: { type: 'string' },
    LOG_LEVEL: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
    DB_POOL_MAX: { type: 'string', pattern: '^[1-9][0-9]*$' },
    DB_STATEMENT_TIMEOUT_MS: { type: 'string', pattern: '^[0-9]+$' },
    DB_CONNECT_TIMEOUT_MS: { type: 'string', pattern: '^[0-9]+$' },
    PGLITE_SHARED_BUFFERS_MB: { type: 'string', pattern: '^([1-9]|[1-9][0-9]|[1-9][0-9][0-9]|1[0-9][0-9][0-9])$' },
    PGLITE_CODE: { enum: ['compact', 'fast'] },
    HEAP_GROWING_PERCENT: { type: 'string', pattern: '^(0|[1-9][0-9]{0,2})$' },
    PASSWORD_HASH_COST: { type: 'string', pattern: '^(1[0-9]|20)$' },
    SHUTDOWN_TIMEOUT_MS: { type: 'string', pattern: '^[0-9]+$' },
    ORG_NAME: { type: 'string', minLength: 1 },
    ORG_URL: { type: 'string', pattern: '^https?://' },
    PUBLIC_URL: { type: 'string', pattern: '^https?://' },
    REQUIRE_EVIDENCE: { enum: ['0', '1', 'false', 'true'] },
    CORRECTIONS_POLICY_URL: { type: 'string', pattern: '^https?://' },
  },
} as const;

/** scrypt N = 2^15: 32 MiB and about 175 ms per hash on these machines. */
const DEFAULT_PASSWORD_HASH_COST = 15;

const validateEnv = new Ajv({ allErrors: true }).compile(schema);

/** Reads the environment (or the given overrides) into a frozen Config; throws naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  if (!validateEnv(defined)) {
    const problems = (validateEnv.errors ?? []).map((e) => `${e.instancePath.slice(1)} ${e.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const get = (name: string) => defined[name];
  const nodeEnv = (get('NODE_ENV') ?? 'development') as Config['env'];
  const demo = get('DEMO') ?? 'on';
  const config: Config = {
    env: nodeEnv,
    port: Number(get('PORT') ?? 3000),
    host: get('HOST') ?? '127.0.0.1',
    dataDir: resolve(get('DATA_DIR') ?? './data'),
    databaseUrl: get('DATABASE_URL') ?? null,
    demo: demo === 'reviewed' ? 'reviewed' : ['0', 'off', 'false'].includes(demo) ? 'off' : 'on',
    maxTextBytes: Number(get('MAX_TEXT_BYTES') ?? 5 * 1024 * 1024),
    maxClaimsPerDocument: Number(get('MAX_CLAIMS_PER_DOCUMENT') ?? 5000),
    matchInlineClaims: Number(get('MATCH_INLINE_CLAIMS') ?? 500),
    extractionTimeoutMs: Number(get('EXTRACTION_TIMEOUT_MS') ?? 30_000),
    sessionIdleTimeoutMinutes: Number(get('SESSION_IDLE_TIMEOUT_MINUTES') ?? 8 * 60),
    sessionSecret: get('SESSION_SECRET') ?? null,
    trustProxy: get('TRUST_PROXY') ?? null,
    logLevel: get('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    dbPoolMax: Number(get('DB_POOL_MAX') ?? 10),
    dbStatementTimeoutMs: Number(get('DB_STATEMENT_TIMEOUT_MS') ?? 15_000),
    dbConnectTimeoutMs: Number(get('DB_CONNECT_TIMEOUT_MS') ?? 3_000),
    pgliteSharedBuffersMb: Number(get('PGLITE_SHARED_BUFFERS_MB') ?? 16),
    heapGrowingPercent: Number(get('HEAP_GROWING_PERCENT') ?? 50),
    pgliteCode: (get('PGLITE_CODE') ?? 'compact') as Config['pgliteCode'],
    passwordHashCost: Number(get('PASSWORD_HASH_COST') ?? DEFAULT_PASSWORD_HASH_COST),
    shutdownTimeoutMs: Number(get('SHUTDOWN_TIMEOUT_MS') ?? 10_000),
    orgName: get('ORG_NAME') ?? 'claimdesk',
    orgUrl: get('ORG_URL') ?? 'https://example.org/',
    publicUrl: get('PUBLIC_URL') ?? null,
    requireEvidence: ['1', 'true'].includes(get('REQUIRE_EVIDENCE') ?? '0'),
    correctionsPolicyUrl: get('CORRECTIONS_POLICY_URL') ?? null,
  };
  if (config.env === 'production' && config.databaseUrl && !config.sessionSecret) {
    throw new Error('Invalid configuration: SESSION_SECRET (at least 32 characters) is required in production.');
  }
  if (config.env === 'production' && config.passwordHashCost < DEFAULT_PASSWORD_HASH_COST) {
    throw new Error(`Invalid configuration: PASSWORD_HASH_COST below ${DEFAULT_PASSWORD_HASH_COST} is for tests, not production.`);
  }
  return Object.freeze(config);
}
