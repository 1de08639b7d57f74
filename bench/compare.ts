/**
 * `npm run bench:compare -- FIRST.txt SECOND.txt`: two saved `npm run bench` reports side by side,
 * typically ten years against a hundred (`--scale 10`), each figure's ratio beside the issue's 1.5×
 * (compare-runs.ts). A report, like the bench: it prints and exits 0 whatever the verdicts.
 */
import fs from 'node:fs';
import { compareReports, FLAT_AT_MOST, parseReport } from './compare-runs';
import { printTable } from './report';

const print = (line: string) => console.log(line);
const [firstFile, secondFile] = process.argv.slice(2);
if (!firstFile || !secondFile) {
  console.error('usage: npm run bench:compare -- FIRST.txt SECOND.txt (two saved outputs of npm run bench)');
  process.exit(2);
}
const first = parseReport(fs.readFileSync(firstFile, 'utf8'));
const second = parseReport(fs.readFileSync(secondFile, 'utf8'));
const reference = (ms: number | null) => (ms === null ? 'no machine reference' : `machine reference ${ms.toFixed(1)} ms`);
print(`# first:  ${first.title || firstFile} · ${reference(first.referenceMs)}`);
print(`# second: ${second.title || secondFile} · ${reference(second.referenceMs)}`);
print(`# each figure's p50; a time is judged on its ratio divided by the machine references' (${first.referenceMs !== null && second.referenceMs !== null ? `${(second.referenceMs / first.referenceMs).toFixed(2)}×` : 'none'}); flat: at most ${FLAT_AT_MOST}×`);
const lines = compareReports(first, second);
printTable('the second run against the first', ['figure', 'first', 'second', 'ratio', 'target', 'verdict', 'note'], lines, [1, 2, 3], print);
const count = (verdict: string) => lines.filter((line) => line[5] === verdict).length;
print('');
print(`${lines.length} figures in both: ${count('flat')} flat, ${count('NOT FLAT')} not flat, ${count('history')} all of history (not judged), ${count('report')} without a target (not judged)`);
