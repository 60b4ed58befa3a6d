import { sql, type SQL } from 'drizzle-orm';
import type { IntegrationClient } from './authenticate';

/**
 * Whether a unit (an SQL expression of its id) is one the client may write and read for: a unit of one of
 * its industries (units.industry_code) or one of the units it was given by name.
 */
export function clientUnitScope(client: Pick<IntegrationClient, 'industryCodes' | 'unitIds'>, unitId: SQL): SQL {
  return sql`(${unitId} = ANY(${`{${client.unitIds.join(',')}}`}::integer[])
    OR ${unitId} IN (SELECT u.id FROM units u WHERE u.industry_code = ANY(${`{${client.industryCodes.join(',')}}`}::text[])))`;
}
