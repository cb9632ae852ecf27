import type { TestProject } from 'vitest/node';
import { startPostgres } from '../src/testing';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const postgres = await startPostgres();
  project.provide('postgresUrl', postgres.baseUrl);
  return () => postgres.stop();
}
