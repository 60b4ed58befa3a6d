/** 待办: what waits for the caller on the 用户管理中心, collected from the providers of the owning modules. */
export { todoRoutes } from './routes';
export { listTodo } from './list-todo';
export type { TodoProvider } from './providers';
