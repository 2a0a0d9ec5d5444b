// Runs `redocly lint` on each file given and fails on any problem, warnings included (Redocly itself
// exits 0 on warnings). Problems listed in .redocly.lint-ignore.yaml are not counted.
import { spawnSync } from 'node:child_process';

const files = process.argv.length > 2 ? process.argv.slice(2) : ['payscore-payafter.yaml'];
let failed = false;
for (const file of files) {
  const run = spawnSync('npx', ['--no-install', 'redocly', 'lint', '--format=json', file], {
    encoding: 'utf8',
  });
  const start = run.stdout.indexOf('{');
  if (start < 0) {
    process.stderr.write(run.stdout + run.stderr);
    process.exit(1);
  }
  const report = JSON.parse(run.stdout.slice(start));
  for (const problem of report.problems ?? []) {
    const where = problem.location?.[0]?.pointer ?? '';
    console.log(`${problem.severity} ${problem.ruleId} ${where}: ${problem.message}`);
  }
  const { errors = 0, warnings = 0 } = report.totals ?? {};
  console.log(`redocly: ${errors} errors, ${warnings} warnings in ${file}`);
  if (errors + warnings !== 0 || run.status !== 0) {
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
