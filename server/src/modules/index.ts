import type { FastifyPluginAsync } from 'fastify';
import { accountsRoutes } from './accounts/routes';
import { auditRoutes } from './audit/routes';
import { authRoutes } from './auth/index';
import { examsRoutes } from './exams/routes';
import { certificatesRoutes } from './certificates/routes';
import { complianceRoutes } from './compliance/routes';
import { hoursRoutes } from './hours/routes';
import { importsRoutes } from './excel/routes';
import { learningRoutes } from './learning/routes';
import { orgRoutes } from './org/routes';
import { plansRoutes } from './plans/routes';
import { referenceRoutes } from './reference/routes';
import { systemRoutes } from './system/routes';

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
