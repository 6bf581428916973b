import { ReactElement, useEffect, useRef, useState } from 'react';
import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { VisuallyHidden } from '../../shared/VisuallyHidden';

/**
 * The announcement for pipelines that arrived after the first load, or ''
 * when none did. Its text changes only when another pipeline arrives, so a
 * poll that brings nothing new announces nothing.
 */
function useNewPipelinesText(pipelines: readonly Pick<Pipeline, 'id' | 'number'>[]): string {
  const known = useRef<Set<string> | undefined>(undefined);
  const [text, setText] = useState('');
  const { t } = useCircleCITranslation();
  useEffect(() => {
    if (pipelines.length === 0) return;
    if (!known.current) {
      known.current = new Set(pipelines.map(p => p.id));
      return;
    }
    // Older pages ("Load more") are not news: only pipelines newer than the newest known.
    const newest = Math.max(...pipelines.filter(p => known.current!.has(p.id)).map(p => p.number));
    const unseen = pipelines.filter(p => !known.current!.has(p.id));
    for (const p of unseen) known.current.add(p.id);
    const arrived = unseen.filter(p => p.number > newest);
    if (arrived.length === 0) return;
    const numbers = arrived.map(p => `#${p.number}`).join(', ');
    setText(t('pipelines.newPipelines', { count: arrived.length, numbers }));
  }, [pipelines, t]);
  return text;
}

/**
 * A polite live region that announces each pipeline arriving after the
 * first load, once.
 * @internal
 */
export function NewPipelinesAnnouncement(props: {
  pipelines: readonly Pick<Pipeline, 'id' | 'number'>[];
}): ReactElement {
  const text = useNewPipelinesText(props.pipelines);
  return (
    <VisuallyHidden component="div" role="status" aria-live="polite" data-testid="new-pipelines">
      {text}
    </VisuallyHidden>
  );
}
