import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  baseFor,
  BASES,
  bodyRoutes,
  EVIL,
  jsonSchemaOf,
  judge,
  NUMBERS,
  routes,
  send,
  typeOf,
  unknownProblems,
  unreproducedDefects,
  type Base,
  type JsonSchema,
} from './bad-input-kit';
import { aRoleAllowedBy } from './catalog';

/**
 * Every JSON route with a body (enumerated from the app), called by a role its policy admits: malformed JSON, wrong
 * types, missing fields, huge strings, unicode edge cases, SQL-injection and XSS strings → a 4xx with
 * {error:{code,message}}, never a 5xx, and a refusal writes nothing (bad-input-kit). Query strings and path
 * parameters: bad-input-queries.
 */
describe('bad JSON bodies, every route with a body', () => {
  it('finds the body routes', () => {
    expect(bodyRoutes.length).toBeGreaterThan(15);
    // Routes of the areas that existed when this suite was written have a hand-made valid body.
    expect(Object.keys(BASES).filter((k) => !routes.some((r) => r.key === k))).toEqual([]);
  });

  it.each(bodyRoutes.map((r) => [r.key, r] as const))(
    '%s',
    async (_key, route) => {
      const role = aRoleAllowedBy(route.policy!);
      const schema = jsonSchemaOf(route.schema!.body);
      const problems: string[] = [];
      const probe = async (
        label: string,
        build: (b: Base) => string | undefined,
        opts: { contentType?: string | null; expect?: number[] } = {},
      ) => {
        const b = await baseFor(route);
        judge(
          problems,
          label,
          await send(
            route,
            role,
            b.url,
            build(b),
            opts.contentType === undefined ? 'application/json' : opts.contentType,
          ),
          opts.expect,
        );
      };

      // The valid body itself, to know whether field-level refusals below are due to the field.
      const b0 = await baseFor(route);
      const base = await send(route, role, b0.url, JSON.stringify(b0.body));
      judge(problems, 'valid body', base);
      // Field-level expectations only where the valid body is hand-made (synthesized ones may be refused for other
      // reasons).
      const baseAccepted = !!BASES[route.key] && base.res.statusCode !== 400;
      const strict = (codes: number[]) => (baseAccepted ? codes : undefined);

      // Malformed JSON, wrong media types, prototype pollution.
      for (const [label, text] of [
        ['truncated', '{"a":'],
        ['trailing comma', '{"a":1,}'],
        ['single quotes', "{'a':1}"],
        ['garbage after', '{}x'],
        ['deep nesting', '['.repeat(5000) + ']'.repeat(5000)],
        ['empty', ''],
      ] as const) {
        await probe(`malformed JSON (${label})`, () => text, { expect: [400] });
      }
      await probe('__proto__ key', (b) => JSON.stringify(b.body).replace(/^\{/, '{"__proto__":{"polluted":true},'), {
        expect: [400],
      });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      await probe(
        'constructor.prototype key',
        (b) => JSON.stringify({ ...b.body, constructor: { prototype: { polluted: true } } }),
        { expect: [400] },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      await probe('text/plain', (b) => JSON.stringify(b.body), { contentType: 'text/plain', expect: [400, 415] });
      await probe('form-urlencoded', () => 'a=1&b=2', {
        contentType: 'application/x-www-form-urlencoded',
        expect: [415],
      });
      await probe('no content-type', (b) => JSON.stringify(b.body), { contentType: null });

      // The whole body of the wrong type; an empty object; a body over the 1 MB limit.
      const nullable = !!z
        .toJSONSchema(route.schema!.body as z.ZodType, { io: 'input', unrepresentable: 'any' })
        .anyOf?.some((x) => (x as JsonSchema).type === 'null');
      for (const text of ['[]', '"text"', '42', 'true', ...(nullable ? [] : ['null'])])
        await probe(`body ${text}`, () => text, { expect: [400] });
      if (schema?.required?.length) await probe('{}', () => '{}', { expect: [400] });
      await probe('1.1 MB body', (b) => JSON.stringify({ ...b.body, pad: 'x'.repeat(1_100_000) }), { expect: [413] });

      // Field by field.
      for (const [field, fs] of Object.entries(schema?.properties ?? {})) {
        const type = typeOf(fs);
        const withField = (v: unknown) => (b: Base) => JSON.stringify({ ...b.body, [field]: v });
        if (schema?.required?.includes(field)) {
          await probe(
            `${field} missing`,
            (b) => JSON.stringify(Object.fromEntries(Object.entries(b.body).filter(([k]) => k !== field))),
            { expect: strict([400]) },
          );
        }
        const wrong =
          type === 'string'
            ? 12345
            : type === 'number' || type === 'integer'
              ? 'twelve'
              : type === 'boolean'
                ? 'yes'
                : type === 'array'
                  ? { 0: 1 }
                  : type === 'object'
                    ? 'text'
                    : undefined;
        if (wrong !== undefined) await probe(`${field} of the wrong type`, withField(wrong), { expect: strict([400]) });
        await probe(`${field} as an object`, withField({ $gt: '' }), {
          expect: type === 'object' ? undefined : strict([400]),
        });
        if (type === 'string') {
          await probe(`${field} 100 KB`, withField('长'.repeat(100_000 / 3)), { expect: strict([400]) });
          for (const [label, v] of EVIL) await probe(`${field} ${label}`, withField(v));
        }
        if (type === 'number' || type === 'integer')
          for (const [label, v] of NUMBERS) await probe(`${field} ${label}`, withField(v));
        if (type === 'array' && ['number', 'integer'].includes(typeOf(fs.items) ?? '')) {
          for (const [label, v] of NUMBERS) await probe(`${field} [${label}]`, withField([v]));
          await probe(`${field} with 10,000 items`, withField(Array.from({ length: 10_000 }, (_, i) => i + 1)), {
            expect: strict([400]),
          });
        }
      }
      expect(unknownProblems(route.key, problems)).toEqual([]);
      // A record's ten text fields take some 250 probes, each counting the rows of every table before and after.
    },
    120_000,
  );
});

describe('known defects', () => {
  it('each listed defect of a body still reproduces (remove the entry when it is fixed)', () => {
    expect(unreproducedDefects('bodies')).toEqual([]);
  });
});
