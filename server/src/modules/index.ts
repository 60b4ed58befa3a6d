import type { FastifyPluginAsync } from 'fastify';
import { accountsRoutes } from './accounts/index';
import { auditRoutes } from './audit/index';
import { authRoutes } from './auth/index';
import { examsRoutes } from './exams/index';
import { certificatesRoutes } from './certificates/index';
import { complianceRoutes } from './compliance/index';
import { hoursRoutes } from './hours/index';
import { importsRoutes } from './excel/index';
import { learningRoutes } from './learning/index';
import { orgRoutes } from './org/index';
import { plansRoutes } from './plans/index';
import { referenceRoutes } from './reference/index';
import { systemRoutes } from './system/index';

/** Every area's routes, mounted under /api. A new area adds one line. */
export const API_MODULES: FastifyPluginAsync[] = [
  systemRoutes,
  authRoutes,
  accountsRoutes,
  referenceRoutes,
  auditRoutes,
  orgRoutes,
  hoursRoutes,
  importsRoutes,
  complianceRoutes,
  certificatesRoutes,
  learningRoutes,
  examsRoutes,
  plansRoutes,
] as FastifyPluginAsync[];
