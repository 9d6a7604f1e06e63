// Validates the templates of kit/templates (run by check.sh, which installs the pinned tools first):
// - every GitHub workflow against the workflow schema, with action-validator;
// - every Kubernetes manifest against the Kubernetes API's schemas (kubernetes-models: types, required fields,
//   enums), and for fields the API does not know (a typo is silently dropped by the API server) through
//   TypeScript's excess-property check against the same models' interfaces.
// Prints one line per file; exit 1 when any is invalid.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const templates = process.argv[2] ?? dirname(here);
let failed = 0;

function report(file, problems) {
  const name = relative(process.cwd(), file);
  if (problems.length === 0) {
    console.log(`ok       ${name}`);
  } else {
    failed++;
    for (const problem of problems) console.log(`INVALID  ${name}: ${problem}`);
  }
}

function filesIn(folder, pattern) {
  return readdirSync(folder).filter((name) => pattern.test(name)).sort().map((name) => join(folder, name));
}

// GitHub workflows
const validator = join(here, 'node_modules', '.bin', 'action-validator');
for (const file of filesIn(join(templates, 'github'), /\.ya?ml$/)) {
  try {
    execFileSync(validator, [file], { stdio: 'pipe' });
    report(file, []);
  } catch (error) {
    const said = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim() || error.message;
    report(file, [said.split('\n').filter((line) => line.trim()).slice(0, 12).join(' | ')]);
  }
}

// Kubernetes manifests: apiVersion/kind -> the model's module (kubernetes-models lays them out this way)
function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return { module: `kubernetes-models/${group ? `${group}/` : ''}${version}/${kind}`, kind };
}

const typed = [];
for (const file of filesIn(join(templates, 'kubernetes'), /\.ya?ml$/)) {
  const problems = [];
  const documents = parseAllDocuments(readFileSync(file, 'utf8'));
  for (const [index, document] of documents.entries()) {
    if (document.errors.length > 0) {
      problems.push(`document ${index + 1}: ${document.errors[0].message}`);
      continue;
    }
    const manifest = document.toJS();
    if (!manifest?.apiVersion || !manifest?.kind) {
      problems.push(`document ${index + 1}: no apiVersion or kind`);
      continue;
    }
    const { module, kind } = modelOf(manifest.apiVersion, manifest.kind);
    try {
      const Model = (await import(module))[kind];
      new Model(manifest).validate();
      typed.push({ file, index, module, kind, manifest });
    } catch (error) {
      problems.push(`document ${index + 1} (${manifest.kind}): ${error.message.split('\n')[0]}`);
    }
  }
  report(file, problems);
}

// unknown fields: each manifest as an object literal typed with its model's interface
if (typed.length > 0) {
  // inside this folder, so that the models resolve from its node_modules
  const work = mkdtempSync(join(here, '.typecheck-'));
  try {
    const lines = typed.map((item, n) => `import type { I${item.kind} as T${n} } from '${item.module}';\n`
      + `export const m${n}: T${n} = ${JSON.stringify(item.manifest, null, 2)};\n`);
    writeFileSync(join(work, 'manifests.ts'), lines.join('\n'));
    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { noEmit: true, strict: true, skipLibCheck: true, target: 'es2022', module: 'nodenext',
        moduleResolution: 'nodenext', types: [] },
      files: ['manifests.ts'],
    }));
    const tsc = join(here, 'node_modules', '.bin', 'tsc');
    try {
      execFileSync(tsc, ['--project', work], { stdio: 'pipe', cwd: here });
      console.log(`ok       ${typed.length} Kubernetes objects have no field the API does not know`);
    } catch (error) {
      failed++;
      console.log(`INVALID  fields the Kubernetes API does not know:\n${String(error.stdout).trim()}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
process.exit(failed === 0 ? 0 : 1);
