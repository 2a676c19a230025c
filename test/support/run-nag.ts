import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { ReadLabConfigOptions } from '../../lib/config/read-lab-config';
import { composeLab, inMemoryLabApp } from '../../lib/lab-app';

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
 * Synthesizes the lab for a context with cdk-nag's AwsSolutions checks and returns the unacknowledged findings
 * (empty when compliant). Assets are not staged: the checks read templates only.
 */
export function runAwsSolutionsChecks(
  context: Readonly<Record<string, unknown>>,
  options: ReadLabConfigOptions = {},
): NagViolation[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-nag-'));
  try {
    const app = inMemoryLabApp(context, { outdir });
    composeLab(app, options);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    try {
      app.synth();
    } catch (error) {
      if (!fs.existsSync(path.join(outdir, 'validation-report.json'))) throw error;
    }
    const reportFile = path.join(outdir, 'validation-report.json');
    if (!fs.existsSync(reportFile)) return [];
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
