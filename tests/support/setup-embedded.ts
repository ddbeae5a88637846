import type { TestProject } from 'vitest/node';
import { setupEmbedded } from './global-setup.js';

/** Global setup of the projects that read the embedded graph only. */
export default (project: TestProject) => setupEmbedded(project);
