/*
 * The demo entities (dev/demoEntities.ts) for the real catalog backend: a
 * catalog file written at startup, registered as a `file` location in
 * `catalog.locations`, as an admin registers a catalog-info.yaml. The
 * catalog then reads, validates, processes (owner relations...) and stitches
 * them like any entity; no entity provider of our own.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { demoEntities, liveEntity } from '../demoEntities';

/** The entities the dev catalog serves: the demo ones, plus the live project's in live mode. */
export function devCatalogEntities(options: { liveProjectSlug?: string }): Entity[] {
  const { liveProjectSlug } = options;
  return liveProjectSlug ? [...demoEntities, liveEntity(liveProjectSlug)] : demoEntities;
}

/** Their refs (`component:default/rocket`, ...), for the readiness check. */
export function devCatalogRefs(entities: Entity[]): string[] {
  return entities.map(entity => stringifyEntityRef(entity));
}

/**
 * Writes `entities` into `dir` as one YAML file (JSON documents separated
 * by `---`: JSON is YAML) and a config file that adds it to
 * `catalog.locations`; returns the config file's path.
 */
export function writeDevCatalog(options: { dir: string; entities: Entity[] }): string {
  const { dir, entities } = options;
  const catalogFile = join(dir, 'demo-entities.yaml');
  writeFileSync(
    catalogFile,
    `# The CircleCI plugin's demo entities (dev/demoEntities.ts), written by dev/backend at startup.\n${entities
      .map(entity => `---\n${JSON.stringify(entity, null, 2)}\n`)
      .join('')}`,
  );
  const configFile = join(dir, 'app-config.catalog.yaml');
  writeFileSync(
    configFile,
    JSON.stringify({ catalog: { locations: [{ type: 'file', target: catalogFile }] } }),
  );
  return configFile;
}
