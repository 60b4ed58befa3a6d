import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import type { Caller } from '../modules/auth/index';

/** The caller of a signed-in request: who, from where, and the database — what commands and queries take. */
export function ctxOf(req: FastifyRequest): Caller {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return { db: req.server.deps.db, readDb: req.server.deps.readDb, actor: req.actor, ip: req.ip };
}
