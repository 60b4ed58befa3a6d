import { TodoList } from '@ptce/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context';
import { listTodo } from './list-todo';
import { todoPolicy } from './policy';

export const todoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/todo',
    {
      schema: {
        tags: ['todo'],
        summary: '待办事项（用户管理中心）：各项数量及其列表',
        response: { 200: TodoList },
      },
      config: { policy: todoPolicy.list },
    },
    async (req) => listTodo(ctxOf(req)),
  );
};
