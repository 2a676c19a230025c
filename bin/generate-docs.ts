#!/usr/bin/env node
/** `npm run docs`: regenerates README.md's generated blocks (context keys, validation, modules, max pods, ...). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderReadme } from '../lib/docs/readme-sections';

const file = path.join(__dirname, '..', 'README.md');
const current = fs.readFileSync(file, 'utf8');
const updated = renderReadme(current);
if (updated !== current) {
  fs.writeFileSync(file, updated);
  console.log('README.md updated');
} else {
  console.log('README.md is up to date');
}
