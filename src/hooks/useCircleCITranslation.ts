import { useMemo } from 'react';
import { type TranslationFunction, useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { CircleCITranslate, TranslateParams } from '../domain/messages';
import { circleCITranslationRef } from '../translation';

/**
 * The plugin's typed translation function.
 * @internal
 */
export type CircleCITranslationFunction = TranslationFunction<(typeof circleCITranslationRef)['T']>;

/**
 * The app's translations of the plugin's texts: `t` for a view's own keys,
 * `translate` for domain code (error descriptions, status words), which
 * takes keys it builds itself.
 * @internal
 */
export function useCircleCITranslation(): {
  t: CircleCITranslationFunction;
  translate: CircleCITranslate;
} {
  const { t } = useTranslationRef(circleCITranslationRef);
  const translate = useMemo<CircleCITranslate>(() => {
    const loose = t as unknown as (key: string, params?: TranslateParams) => string;
    return (key, params) => loose(key, params);
  }, [t]);
  return { t, translate };
}
