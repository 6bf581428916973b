import { useMemo } from 'react';
import { type TranslationFunction, useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { type CircleCIMessageValue, formatMessage, type LookUpMessage } from '../domain/messages';
import { circleCITranslationRef } from '../translation';

/**
 * The plugin's typed translation function.
 * @internal
 */
export type CircleCITranslationFunction = TranslationFunction<(typeof circleCITranslationRef)['T']>;

/**
 * Translates what domain code returns: a message descriptor (its values
 * translated first when they are messages too), or text as it is.
 * @internal
 */
export type CircleCITranslateMessage = (message: CircleCIMessageValue) => string;

/**
 * The app's translations of the plugin's texts: `t` for a view's own keys,
 * `tm` for the message descriptors domain code returns (error
 * descriptions, status words). Both read `circleCITranslationRef`.
 * @internal
 */
export function useCircleCITranslation(): { t: CircleCITranslationFunction; tm: CircleCITranslateMessage } {
  const { t } = useTranslationRef(circleCITranslationRef);
  const tm = useMemo<CircleCITranslateMessage>(() => {
    // The key is checked where the descriptor is made (`CircleCIMessageKey`),
    // and its values by `msg`, so the loose call is safe here.
    const lookUp = t as unknown as LookUpMessage;
    return value => formatMessage(lookUp, value);
  }, [t]);
  return { t, tm };
}
