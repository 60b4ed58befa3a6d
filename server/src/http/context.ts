import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { AppError } from '../errors';

/** What a service needs to know about the request: who, from where, and the database. */
export interface Ctx {
  db: Db;
  actor: Actor;
  ip: string;
}

export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return { db: req.server.deps.db, actor: req.actor, ip: req.ip };
}
