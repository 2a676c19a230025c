/**
 * Node.js versions per the aws-cdk support policy (CDK developer guide, "Supported Node.js versions for the AWS
 * CDK", read 2026-12-04): the CDK supports an LTS line until six months after its community end of life.
 */
export const CDK_NODE_SUPPORT: readonly {
  readonly major: number;
  readonly nodeEndOfLife: string;
  readonly cdkSupportEnds: string;
}[] = [
  { major: 24, nodeEndOfLife: '2028-04-30', cdkSupportEnds: '2028-10-30' },
  { major: 22, nodeEndOfLife: '2027-04-30', cdkSupportEnds: '2027-10-30' },
  { major: 20, nodeEndOfLife: '2026-04-30', cdkSupportEnds: '2026-10-30' },
];

/** The oldest Node.js the project runs on (node:util parseArgs and styleText, recursive readdir): package.json engines. */
export const MINIMUM_NODE_VERSION = '20.12.0';

export type NodeSupport =
  | { readonly kind: 'supported' }
  | { readonly kind: 'runs-unsupported'; readonly message: string }
  | { readonly kind: 'does-not-run'; readonly message: string };

const supportedLines = (today: string) =>
  CDK_NODE_SUPPORT.filter((line) => line.cdkSupportEnds >= today).map((line) => `${line.major}`);

/** Whether the running Node.js is supported on `today` (ISO date), and what to say when it is not. */
export function nodeSupport(version: string, today: string): NodeSupport {
  const [major, minor, patch] = version.replace(/^v/, '').split('.').map(Number);
  const [minMajor, minMinor, minPatch] = MINIMUM_NODE_VERSION.split('.').map(Number);
  const upgrade = `use Node.js ${supportedLines(today).join(' or ')} (aws-cdk support policy)`;
  const tooOld = major !== minMajor ? major < minMajor : minor !== minMinor ? minor < minMinor : patch < minPatch;
  if (tooOld) {
    return {
      kind: 'does-not-run',
      message: `Node.js ${version} is older than ${MINIMUM_NODE_VERSION}, the oldest this lab runs on: ${upgrade}.`,
    };
  }
  const line = CDK_NODE_SUPPORT.find((candidate) => candidate.major === major);
  if (line && line.cdkSupportEnds >= today) return { kind: 'supported' };
  if (line) {
    return {
      kind: 'runs-unsupported',
      message:
        `Note: Node.js ${version} reached end of life on ${line.nodeEndOfLife} and the AWS CDK stopped supporting it on ` +
        `${line.cdkSupportEnds}. The lab still runs on it; ${upgrade}.`,
    };
  }
  // Odd (non-LTS) lines and lines newer than the table: not in the policy, but newer than the minimum.
  return {
    kind: 'runs-unsupported',
    message: `Note: Node.js ${version} is not an LTS line the AWS CDK supports; ${upgrade}.`,
  };
}
