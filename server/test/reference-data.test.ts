import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiYear } from '../src/clock';
import { ensureReferenceData } from '../src/db/seed/reference-data';
import { createTestApp, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('reference data', () => {
  it('serves the 14 cities of Guangxi with their counties', async () => {
    const regions = (await t.client().get('/api/reference/regions')).json() as Array<{
      code: string;
      name: string;
      level: string;
      parentCode: string | null;
    }>;
    const cities = regions.filter((r) => r.level === 'city');
    expect(cities).toHaveLength(14);
    expect(cities[0]).toMatchObject({ code: '450100', name: '南宁市' });
    expect(cities[13]).toMatchObject({ code: '451400', name: '崇左市' });
    expect(regions.filter((r) => r.level === 'county').length).toBeGreaterThan(100);
    expect(regions.find((r) => r.code === '450103')).toMatchObject({ name: '青秀区', parentCode: '450100' });
  });

  it('serves the training bases of attachment 3: 5 national, 39 regional', async () => {
    const bases = (await t.client().get('/api/reference/bases')).json() as Array<{
      national: boolean;
      regionalBatch: string | null;
      dual: boolean;
      name: string;
      phone: string;
    }>;
    expect(bases.filter((b) => b.national)).toHaveLength(5);
    expect(bases.filter((b) => b.regionalBatch)).toHaveLength(39);
    expect(bases.find((b) => b.name === '广西大学')).toMatchObject({
      dual: true,
      phone: '0771-3237366',
      regionalBatch: '第二批',
    });
  });

  it('has the notice’s annual plans for 2023, 2024 and the current year', async () => {
    const plans = (await t.client().get('/api/reference/plans')).json() as Array<Record<string, unknown>>;
    const years = plans.map((p) => p.year);
    expect(years).toEqual(expect.arrayContaining([2023, 2024, shanghaiYear()]));
    expect(plans.find((p) => p.year === 2024)).toMatchObject({
      totalHours: 90,
      professionalRatioNum: 2,
      professionalRatioDen: 3,
      compulsoryHours: 15,
      electiveHours: 10,
      passScore: 60,
      maxAttempts: 3,
      hoursPerHalfDay: 4,
      publicDeadline: '2024-12-31',
      professionalDeadline: '2025-03-31',
    });
  });

  it('seeding again changes nothing', async () => {
    const before = (await t.client().get('/api/reference/bases')).json();
    await ensureReferenceData(t.db);
    expect((await t.client().get('/api/reference/bases')).json()).toEqual(before);
  });

  it('finds units by name or credit code, publicly, and refuses an empty query', async () => {
    const c = t.client();
    expect((await c.get('/api/units/search?q=')).statusCode).toBe(400);
    expect((await c.get('/api/units/search?q=%25')).json()).toEqual([]);
  });

  it('answers health with the database kind', async () => {
    const res = await t.client().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', db: t.database.kind });
  });

  it('publishes the OpenAPI document generated from the route schemas', async () => {
    const doc = (await t.client().get('/api/docs/json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me', '/api/auth/logout']));
  });
});
