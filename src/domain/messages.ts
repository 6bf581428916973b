/*
 * What domain code says to people: message descriptors, each a key of the
 * plugin's translation ref (`circleCITranslationRef`) and the values its
 * text names. No React: views translate them with `useCircleCITranslation`
 * (`tm`), so an app's translations apply everywhere. The compiler checks
 * every key, and `msg` also checks the values each text names.
 */
import type { circleCITranslationRef } from '../translation';

/**
 * The plugin's messages, flattened: `'errors.notFoundTitle'` and its English
 * text. Plural forms (`commits.notFound_one`, `_other`) count as one key
 * (`commits.notFound`, with a `count`), as the translation function takes them.
 */
type Messages = {
  [K in keyof (typeof circleCITranslationRef)['T'] as K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`
    ? Base
    : K]: (typeof circleCITranslationRef)['T'][K];
};

/**
 * A key of the plugin's translation ref, e.g. `errors.notFoundTitle`.
 * @public
 */
export type CircleCIMessageKey = keyof (typeof circleCITranslationRef)['T'] &
  string extends infer K
  ? K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`
    ? Base
    : K
  : never;

/**
 * A value filled into a message: text, a number, or another message
 * (translated first, e.g. a status word inside a sentence).
 * @public
 */
export type CircleCIMessageValue = string | number | CircleCIMessage;

/**
 * A text for a person, not yet translated: a key of
 * `circleCITranslationRef` and the values its `{{name}}` placeholders take.
 * @public
 */
export interface CircleCIMessage {
  /** The key, e.g. `errors.notFoundMessage`. */
  key: CircleCIMessageKey;
  /** The values of the text's placeholders, e.g. `{ subject: 'project gh/acme/rocket' }`. */
  params?: Readonly<Record<string, CircleCIMessageValue>>;
}

/** Text for a person: as it is (a name, a number, CircleCI's own words), or a message to translate. */
export type CircleCIText = string | CircleCIMessage;

/** The placeholder names of a text: `'{{a}} and {{b}}'` gives `'a' | 'b'`. */
type Placeholders<S> = S extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The arguments after the key: none for a text without placeholders, else a value for each. */
type ParamsArgs<K extends CircleCIMessageKey> = [Placeholders<Messages[K]>] extends [never]
  ? []
  : [params: { [Name in Placeholders<Messages[K]>]: CircleCIMessageValue }];

/**
 * A message descriptor; the compiler checks the key and that every
 * placeholder of its English text gets a value.
 */
export function msg<K extends CircleCIMessageKey>(key: K, ...[params]: ParamsArgs<K>): CircleCIMessage {
  return params ? { key, params } : { key };
}

/** Looks up one key with its values filled in: the app's translation function. */
export type LookUpMessage = (key: CircleCIMessageKey, params?: Record<string, string | number>) => string;

/**
 * The text of a message with a translation function: values that are
 * messages themselves are translated first; plain text is returned as it is.
 */
export function formatMessage(lookUp: LookUpMessage, value: CircleCIMessageValue): string {
  if (typeof value !== 'object' || value === null) return String(value);
  if (!value.params) return lookUp(value.key);
  const params: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(value.params)) {
    params[name] = typeof param === 'object' && param !== null ? formatMessage(lookUp, param) : param;
  }
  return lookUp(value.key, params);
}
