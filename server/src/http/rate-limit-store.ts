import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;
interface RouteOptions {
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A store for @fastify/rate-limit that keeps the counters in PostgreSQL, so a limit holds across
 * every app process behind a load balancer (the plugin's default store is per process). One
 * UPSERT per limited request: it restarts the window when it has passed, else counts the hit.
 */
export function postgresRateLimitStore(db: Db) {
  return class PostgresRateLimitStore {
    private readonly prefix: string;

    constructor(options: RouteOptions & { prefix?: string } = {}) {
      this.prefix = options.prefix ?? '';
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      const k = this.prefix + key;
      const seconds = timeWindow / 1000;
      db.execute(
        sql`
        INSERT INTO rate_limits (key, window_start, hits) VALUES (${k}, now(), 1)
        ON CONFLICT (key) DO UPDATE SET
          hits = CASE WHEN rate_limits.window_start + make_interval(secs => ${seconds}) <= now() THEN 1 ELSE rate_limits.hits + 1 END,
          window_start = CASE WHEN rate_limits.window_start + make_interval(secs => ${seconds}) <= now() THEN now() ELSE rate_limits.window_start END
        RETURNING hits, ceil(extract(epoch FROM (window_start + make_interval(secs => ${seconds}) - now())) * 1000)::int AS ttl`,
      )
        .then((r) => {
          const row = (r.rows as Array<{ hits: number; ttl: number }>)[0]!;
          cb(null, { current: Number(row.hits), ttl: Math.max(0, Number(row.ttl)) });
        })
        .catch((e: Error) => cb(e));
    }

    child(routeOptions: RouteOptions) {
      const method = routeOptions.routeInfo?.method ?? '';
      return new PostgresRateLimitStore({
        prefix: `${this.prefix}${String(method)}${routeOptions.routeInfo?.url ?? ''}|`,
      });
    }
  };
}
