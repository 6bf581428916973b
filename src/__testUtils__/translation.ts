/*
 * An app's translation API for tests: the app's messages win over the
 * plugin's defaults, as `createTranslationMessages` resources do in an app.
 */
import {
  type TranslationApi,
  type TranslationMessages,
  type TranslationRef,
  type TranslationSnapshot,
} from '@backstage/core-plugin-api/alpha';
import { mockApis } from '@backstage/test-utils';

/**
 * The app's translation API with the given resources: their messages win
 * over the plugin's defaults, `{{name}}` values are filled in, and every
 * other key falls through to the default (English) translation.
 */
export function translationApiWith(resources: TranslationMessages[]): TranslationApi {
  const defaults = mockApis.translation();
  return {
    getTranslation<TMessages extends { [key in string]: string }>(
      ref: TranslationRef<string, TMessages>,
    ): TranslationSnapshot<TMessages> {
      const base = defaults.getTranslation(ref);
      const overrides = Object.assign(
        {},
        ...resources.filter(r => r.id === ref.id).map(r => r.messages),
      ) as Record<string, string | null | undefined>;
      const fallback = base.t as unknown as (key: string, options?: object) => string;
      // A plural form (`key_one`, `key_other`) first when a count is given, as i18next does.
      const plural = new Intl.PluralRules('en');
      const t = (key: string, options?: Record<string, unknown>) => {
        const count = options?.count;
        const form = typeof count === 'number' ? overrides[`${key}_${plural.select(count)}`] : undefined;
        const text = form ?? overrides[key];
        if (typeof text !== 'string') return fallback(key, options);
        return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(options?.[name] ?? ''));
      };
      return { ready: true, t: t as unknown as TranslationSnapshot<TMessages>['t'] };
    },
    translation$: defaults.translation$.bind(defaults),
  } as TranslationApi;
}
