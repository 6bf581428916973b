import { CSSProperties, HTMLAttributes, ReactElement, ReactNode, createElement } from 'react';

/** The style that keeps an element in the accessibility tree but off the screen. */
const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/**
 * Props of {@link VisuallyHidden}.
 * @internal
 */
export interface VisuallyHiddenProps extends HTMLAttributes<HTMLElement> {
  /** The element to render; default `span`. */
  component?: 'span' | 'div' | 'caption';
  /** What screen readers read. */
  children?: ReactNode;
}

/**
 * Content for screen readers only: read out, but not drawn (a trend's
 * words beside its arrow, a chart's table, a live announcement).
 * @internal
 */
export function VisuallyHidden(props: VisuallyHiddenProps): ReactElement {
  const { component = 'span', style, ...rest } = props;
  return createElement(component, { ...rest, style: { ...VISUALLY_HIDDEN, ...style } });
}
