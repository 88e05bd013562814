/** The check fixtures under `test/fixtures/checks/<id>/`, read at run time. */
import { readdirSync, readFileSync } from 'node:fs';

export const FIXTURE_ROOT = new URL('../../../../test/fixtures/checks/', import.meta.url);

export interface Fixture {
  /** The check the fixture is for (its folder). */
  readonly id: string;
  /** `<id>/<file>`. */
  readonly name: string;
  readonly text: string;
}

export function readFixtures(): Fixture[] {
  return readdirSync(FIXTURE_ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) =>
      readdirSync(new URL(`${d.name}/`, FIXTURE_ROOT))
        .filter((name) => name.endsWith('.contract.md'))
        .sort()
        .map((name) => ({ id: d.name, name: `${d.name}/${name}`, text: readFileSync(new URL(`${d.name}/${name}`, FIXTURE_ROOT), 'utf8') })),
    );
}
