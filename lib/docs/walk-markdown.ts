import { type LabWalk, walkDeployCommand, walkVerifyCommand } from '../walks/lab-walk';

const cell = (text: string): string => text.replace(/\|/g, '\\|');
const code = (text: string): string => `\`${cell(text)}\``;

/** A lab guide's walk: per step the commands to paste, what to look at, and the verdict of each named check. */
export function walkMarkdown(walk: LabWalk): string {
  const lines = [
    `Check the whole walk offline first: \`npm run verify -- --walk ${walk.module}\` synthesizes every step and prints`,
    'the verdicts below. Each step is one deploy; its context is complete (not relative to the previous step), and',
    'lab-wide keys such as `adminPrincipalArn` come from `cdk.json` or `~/.cdk.json`, set once.',
    '',
  ];
  walk.steps.forEach((step, index) => {
    lines.push(
      `**Step ${index + 1} of ${walk.steps.length} (${step.moment}): ${step.title}.** Workshop: ${step.workshop}.`,
      '',
      '```bash',
      walkDeployCommand(step),
      walkVerifyCommand(step, true),
      '```',
      '',
      '| Look at | At this step it shows |',
      '|---|---|',
      ...step.look.map((look) => `| ${code(look.command)} | ${cell(look.shows)} |`),
      '',
      '| Check | Expected at this step |',
      '|---|---|',
      ...step.checks.map((check) => `| ${code(check.id)} | ${cell(check.expected)} |`),
      '',
    );
  });
  if (walk.notReproducible?.length) {
    lines.push('Not reproducible here:', '', ...walk.notReproducible.map((reason) => `- ${reason}`), '');
  }
  return lines.join('\n');
}
