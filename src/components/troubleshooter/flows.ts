import type { Flow } from '../../machines/types';
import type { FlowName } from '../../lib/taxonomy';

/**
 * Loads one flow on demand, so a page downloads only the flow it shows. The embed bundle inlines
 * these imports into its single file.
 */
export const flowLoaders: Record<FlowName, () => Promise<Flow>> = {
  hardware: () => import('../../machines/hardware').then((m) => m.hardwareFlow),
  software: () => import('../../machines/software').then((m) => m.softwareFlow),
  network: () => import('../../machines/network').then((m) => m.networkFlow),
  security: () => import('../../machines/security').then((m) => m.securityFlow),
  apply: () => import('../../machines/apply').then((m) => m.applyFlow),
};
