import type { FastifyPluginAsync } from 'fastify';
import { accountsRoutes } from './accounts/index';
import { auditRoutes } from './audit/index';
import { basesRoutes } from './bases/index';
import { authRoutes } from './auth/index';
import { examsRoutes } from './exams/index';
import { certificatesRoutes } from './certificates/index';
import { classesRoutes } from './classes/index';
import { complianceRoutes } from './compliance/index';
import { helpdeskRoutes } from './helpdesk/index';
import { hoursRoutes } from './hours/index';
import { importsRoutes } from './excel/index';
import { integrationRoutes } from './integration/index';
import { learningRoutes } from './learning/index';
import { noticesRoutes } from './notices/index';
import { orgRoutes } from './org/index';
import { plansRoutes } from './plans/index';
import { referenceRoutes } from './reference/index';
import { spotChecksRoutes } from './spot-checks/index';
import { systemRoutes } from './system/index';
import { statsRoutes } from './stats/index';
import { todoRoutes } from './todo/index';
import { wechatRoutes } from './wechat/index';

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
  todoRoutes,
  noticesRoutes,
  integrationRoutes,
  helpdeskRoutes,
  spotChecksRoutes,
  wechatRoutes,
  statsRoutes,
  basesRoutes,
  classesRoutes,
] as FastifyPluginAsync[];
