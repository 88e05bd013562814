// npm run lint: the import boundaries between the rooms (ESLint), the layers
// inside the core (dependency-cruiser) and the formatting (Prettier, check
// only: `npm run format` writes). Runs all three, then fails if any failed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const tools = [
  ['eslint', ['server/src', 'client/src']],
  ['depcruise', ['server/src', 'client/src', '--config', '.dependency-cruiser.cjs']],
  ['prettier', ['--check', '--log-level', 'warn', '.']],
];
const failed = [];
for (const [tool, args] of tools) {
  const run = spawnSync(join('node_modules', '.bin', tool), args, { stdio: 'inherit' });
  if (run.status !== 0) failed.push(tool);
}
console.log(failed.length === 0 ? 'lint: clean' : `lint: ${failed.join(', ')} found problems`);
process.exit(failed.length === 0 ? 0 : 1);
