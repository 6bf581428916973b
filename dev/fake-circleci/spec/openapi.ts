/*
 * Turns OpenAPI 3.0 response schemas into JSON schemas that ajv can check:
 * `$ref`s are resolved, `nullable` / `x-nullable` become a `null` type, and
 * OpenAPI-only keywords are dropped. Used by the fake's spec tests.
 */

/** A JSON value. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

const DROPPED = new Set([
  'example',
  'examples',
  'discriminator',
  'xml',
  'externalDocs',
  'deprecated',
  'readOnly',
  'writeOnly',
  'nullable',
]);

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function resolveRef(options: { root: JsonObject; ref: string }): JsonValue {
  if (!options.ref.startsWith('#/')) throw new Error(`Unsupported $ref ${options.ref}`);
  let node: JsonValue = options.root;
  for (const raw of options.ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !(key in node)) throw new Error(`Unresolvable $ref ${options.ref}`);
    node = node[key];
  }
  return node;
}

/**
 * Converts one OpenAPI schema node. With `closeObjects`, objects that list
 * `properties` and say nothing about `additionalProperties` get
 * `additionalProperties: false`, so that fields the spec does not know fail.
 */
export function toJsonSchema(options: {
  node: JsonValue;
  root: JsonObject;
  closeObjects: boolean;
  seen?: ReadonlySet<string>;
}): JsonValue {
  const { node, root, closeObjects } = options;
  const seen = options.seen ?? new Set<string>();
  if (Array.isArray(node))
    return node.map(n => toJsonSchema({ node: n, root, closeObjects, seen }));
  if (!isObject(node)) return node;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    if (seen.has(ref)) throw new Error(`Recursive $ref ${ref}`);
    return toJsonSchema({
      node: resolveRef({ root, ref }),
      root,
      closeObjects,
      seen: new Set([...seen, ref]),
    });
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [
          name,
          toJsonSchema({ node: schema, root, closeObjects, seen }),
        ]),
      );
    } else if (key === 'enum' || key === 'required' || key === 'type') {
      out[key] = value;
    } else {
      out[key] = toJsonSchema({ node: value, root, closeObjects, seen });
    }
  }
  if (closeObjects && isObject(out.properties) && !('additionalProperties' in out)) {
    out.additionalProperties = false;
  }
  if (node.nullable === true || node['x-nullable'] === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    if (out.type === undefined) return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/** The JSON schema of an operation's response (`status` e.g. `'200'` or `'default'`). */
export function responseSchema(options: {
  spec: JsonObject;
  path: string;
  method: string;
  status: string;
  closeObjects?: boolean;
}): JsonValue {
  const { spec } = options;
  const paths = spec.paths;
  const item = isObject(paths) ? paths[options.path] : undefined;
  const op = isObject(item) ? item[options.method] : undefined;
  const responses = isObject(op) ? op.responses : undefined;
  let response = isObject(responses) ? responses[options.status] : undefined;
  if (isObject(response) && typeof response.$ref === 'string')
    response = resolveRef({ root: spec, ref: response.$ref });
  const content = isObject(response) ? response.content : undefined;
  const media = isObject(content) ? content['application/json'] : undefined;
  const schema = isObject(media) ? media.schema : undefined;
  if (schema === undefined) {
    throw new Error(
      `No JSON schema for ${options.method.toUpperCase()} ${options.path} ${options.status}`,
    );
  }
  return toJsonSchema({ node: schema, root: spec, closeObjects: options.closeObjects ?? true });
}
