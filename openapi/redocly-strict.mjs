// Runs `redocly lint` and fails on any problem, warnings included (Redocly itself exits 0 on warnings).
import { spawnSync } from 'node:child_process';

const file = process.argv[2] ?? 'payscore-payafter.yaml';
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
process.exit(errors + warnings === 0 && run.status === 0 ? 0 : 1);
