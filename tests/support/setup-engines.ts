import type { TestProject } from 'vitest/node';
import { setupEmbedded, setupNeo4j } from './global-setup.js';

/** Global setup of the projects that run on both engines. */
export default async (project: TestProject) => {
  await setupEmbedded(project);
  return setupNeo4j(project);
};
