// @ts-check
import { checkedFlowData } from './flow-data.mjs';

/**
 * Runs the flow checks of src/machines/ over every file in src/content/flows/ (the catalogue,
 * read once per build) before the pages are built; authoring mistakes stop the build with one
 * AstroError naming each file, node, field and fix.
 * @param {string} root
 * @returns {Promise<number>} how many flows passed
 */
export async function checkFlows(root) {
  return (await checkedFlowData(root)).names.length;
}
