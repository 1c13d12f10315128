import compression from 'compression';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import type { Ctx } from './context.js';
import type { Db } from './db/database.js';
import { loadActor, requireSignedIn } from './users/actor.middleware.js';
import { requireJsonForApiWrites } from './http/api.js';
import { csrfProtection } from './http/csrf.js';
import { trustProxySetting } from './http/trust-proxy.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { inputGuard, verifyFormBody, verifyJsonBody } from './http/input-guard.js';
import { readFlash } from './http/flash.js';
import { logger } from './http/logger.js';
import { redactingSerializers } from './http/log-redaction.js';
import { viewFragments } from './web/view-fragments.js';
import { viewHelpers } from './web/view-helpers.js';
import { ejsEngine, viewsDir } from './http/view-engine.js';
import { routers } from './routes.js';

export interface AppOptions {
  db: Db;
  config: Readonly<Config>;
  secret: string;
  /** Where requests are logged; defaults to the process's logger. Given one, the access log is on even in tests. */
  log?: Logger;
}

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));

/** Builds the Express app around a database; no listen(), so tests drive it with supertest. */
export function createApp({ db, config, secret, log }: AppOptions): express.Express {
  const app = express();
  const ctx: Ctx = { db, config };
  const secure = !!config.publicUrl?.startsWith('https://');
  app.engine('ejs', ejsEngine(config.env === 'production'));
  app.set('views', viewsDir);
  app.set('view engine', 'ejs');
  app.set('trust proxy', trustProxySetting(config.trustProxy));
  app.set('query parser', 'simple');
  app.disable('x-powered-by');
  // Express's own cache keeps the resolved view objects; ejsEngine caches the compiled templates.
  if (config.env === 'production') app.enable('view cache');
  Object.assign(app.locals, viewHelpers, viewFragments, { orgName: config.orgName });

  app.use(
    pinoHttp({
      logger: log ?? logger(config),
      serializers: redactingSerializers,
      genReqId: (_req, res) => {
        const id = randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: config.env !== 'test' || !!log,
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'same-origin' },
      xFrameOptions: { action: 'deny' }, // frame-ancestors 'none' for browsers that predate CSP
      strictTransportSecurity: secure,
    }),
  );
  // Level 1 costs a third of the default level's CPU for about 10% more bytes: a 100 KB queue page
  // becomes 13.5 KB instead of 12 KB in 0.4 ms instead of 1.4 ms (docs/BENCHMARKS.md).
  app.use(compression({ threshold: 2048, level: 1 }));
  app.use('/static', express.static(publicDir, { maxAge: config.env === 'production' ? '1h' : 0, index: false }));
  // The verify hooks see the raw bytes: invalid UTF-8 and over-deep JSON are refused before parsing.
  app.use(express.json({ limit: config.maxTextBytes + 256 * 1024, type: 'application/json', verify: verifyJsonBody }));
  app.use(
    express.urlencoded({ extended: false, limit: config.maxTextBytes * 3 + 256 * 1024, parameterLimit: 2000, verify: verifyFormBody }),
  );
  app.use(inputGuard());
  app.use(requireJsonForApiWrites());
  app.use(cookieParser(secret));
  app.use((req, _res, next) => {
    req.ctx = ctx;
    next();
  });
  app.use(loadActor());
  app.use(readFlash());
  const csrf = csrfProtection(secret);
  app.use((req, res, next) => {
    res.locals.csrfField = () => csrf.fieldFor(req, res);
    res.locals.currentPath = req.path;
    next();
  });
  app.use((req, res, next) => (isUploadRoute(req) ? next() : csrf.protect(req, res, next)));
  const { publicRouters, signedInRouters } = routers({ db, csrf: csrf.protect });
  for (const router of publicRouters) app.use(router);
  app.use(requireSignedIn());
  for (const router of signedInRouters) app.use(router);
  app.use(notFoundHandler());
  app.use(errorHandler());
  return app;
}

/** Multipart forms are checked for CSRF by their route, after the upload is parsed. */
export const uploadRoutes = new Set(['/documents']);
function isUploadRoute(req: express.Request): boolean {
  return req.method === 'POST' && uploadRoutes.has(req.path) && !!req.is('multipart/form-data');
}
