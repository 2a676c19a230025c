import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { composeLab, inMemoryLabApp, synthesisOf } from '../../lib/lab-app';
import { shareSynthesizedOutput } from './synthesized-output-cache';
import { TEST_DAY } from './test-day';

export interface NagViolation {
  readonly rule: string;
  readonly description: string;
  readonly constructPaths: readonly string[];
}

interface ValidationReport {
  readonly pluginReports: readonly {
    readonly violations: readonly {
      readonly ruleName: string;
      readonly description: string;
      readonly violatingConstructs: readonly { readonly constructPath: string }[];
    }[];
  }[];
}

/**
 * Synthesizes the lab for a context, on the test day, with cdk-nag's AwsSolutions checks and returns the
 * unacknowledged findings (empty when compliant). Assets are not staged: the checks read templates only. A compliant
 * synthesis (the checks add nothing to a template) is shared with the later test files of the run, as
 * synthesizeForTest's is.
 */
export function runAwsSolutionsChecks(context: Readonly<Record<string, unknown>>): NagViolation[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-nag-'));
  try {
    const app = inMemoryLabApp(context, { outdir });
    const stack = composeLab(app, { today: TEST_DAY });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    try {
      app.synth();
    } catch (error) {
      if (!fs.existsSync(path.join(outdir, 'validation-report.json'))) throw error;
    }
    const reportFile = path.join(outdir, 'validation-report.json');
    if (!fs.existsSync(reportFile)) {
      shareSynthesizedOutput(context, synthesisOf(stack));
      return [];
    }
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ValidationReport;
    return report.pluginReports.flatMap((plugin) =>
      plugin.violations.map((violation) => ({
        rule: violation.ruleName,
        description: violation.description,
        constructPaths: violation.violatingConstructs.map((construct) => construct.constructPath),
      })),
    );
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
