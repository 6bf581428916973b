/*
 * The English text of a message descriptor, for tests of domain rules:
 * looked up with Backstage's own (mock) translation API in the plugin's
 * default messages, as a view without an app translation shows it.
 */
import { mockApis } from '@backstage/test-utils';
import { type CircleCIMessageValue, formatMessage, type LookUpMessage } from '../domain/messages';
import { circleCITranslationRef } from '../translation';

const lookUp = mockApis.translation().getTranslation(circleCITranslationRef).t as unknown as LookUpMessage;

/** The English text of a message (plain text is returned as it is). */
export function english(value: CircleCIMessageValue): string;
/** The English text of a message; undefined stays undefined. */
export function english(value: CircleCIMessageValue | undefined): string | undefined;
export function english(value: CircleCIMessageValue | undefined): string | undefined {
  return value === undefined ? undefined : formatMessage(lookUp, value);
}
