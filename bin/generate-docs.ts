#!/usr/bin/env node
/** `npm run docs`: regenerates the generated blocks of README.md and of each lab guide (docs/labs/<module>.md). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedDocuments, renderGeneratedBlocks } from '../lib/docs/generated-documents';

const root = path.join(__dirname, '..');
process.env.CDK_VALIDATION = 'false';
for (const document of generatedDocuments()) {
  const file = path.join(root, document.file);
  const current = fs.readFileSync(file, 'utf8');
  const updated = renderGeneratedBlocks(current, document);
  if (updated !== current) fs.writeFileSync(file, updated);
  console.log(`${document.file} ${updated !== current ? 'updated' : 'is up to date'}`);
}
