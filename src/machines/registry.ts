import type { FlowName } from '../lib/taxonomy.ts';
import type { Flow } from './types.ts';
import { applyFlow } from './apply.ts';
import { hardwareFlow } from './hardware.ts';
import { networkFlow } from './network.ts';
import { securityFlow } from './security.ts';
import { softwareFlow } from './software.ts';

/** Every flow of the contract, by name. */
export const flows = {
  hardware: hardwareFlow,
  software: softwareFlow,
  network: networkFlow,
  security: securityFlow,
  apply: applyFlow,
} satisfies Record<FlowName, Flow>;

/** Looks up a flow by name; undefined for an unknown name. */
export function getFlow(name: string): Flow | undefined {
  return Object.hasOwn(flows, name) ? flows[name as FlowName] : undefined;
}
