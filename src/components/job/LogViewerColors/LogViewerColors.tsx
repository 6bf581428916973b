import { ReactElement, ReactNode } from 'react';
import * as colors from '@material-ui/core/colors';
import { Theme, ThemeProvider } from '@material-ui/core/styles';

type Palette = Record<string, string>;

/**
 * ANSI foreground colours (and line numbers) that reach 4.5:1 on the log viewer's background
 * (white in the light theme, #424242 in the dark one). The core-components
 * LogViewer draws the 500 shades, most of which do not.
 */
const LIGHT: Palette = {
  Black: colors.common.black,
  Red: colors.red[800],
  Green: colors.green[800],
  Yellow: '#806600',
  Blue: colors.blue[800],
  Magenta: colors.purple[500],
  Cyan: colors.cyan[900],
  White: colors.grey[700],
  Grey: colors.grey[700],
};

const DARK: Palette = {
  Black: colors.grey[400],
  Red: colors.red[200],
  Green: colors.green[300],
  Yellow: colors.yellow[500],
  Blue: colors.blue[200],
  Magenta: colors.purple[100],
  Cyan: colors.cyan[300],
  White: colors.common.white,
  Grey: colors.grey[400],
};

function withLogColors(outer: Theme): Theme {
  const dark = outer.palette.type === 'dark';
  const palette = dark ? DARK : LIGHT;
  const modifiers = Object.fromEntries(
    Object.entries(palette).map(([name, color]) => [`modifierForeground${name}`, { color }]),
  );
  const overrides = (outer.overrides ?? {}) as Record<string, object>;
  return {
    ...outer,
    overrides: {
      ...outer.overrides,
      // The LogViewer's styles are named, so the theme can override them.
      BackstageLogViewer: {
        ...overrides.BackstageLogViewer,
        ...modifiers,
        // The line numbers are blue[300], 2.2:1 on white.
        lineNumber: { color: dark ? colors.blue[300] : colors.blue[800] },
      },
    } as Theme['overrides'],
  };
}

/**
 * Gives the core-components LogViewer inside it ANSI colours with enough
 * contrast in the current theme.
 * @internal
 */
export function LogViewerColors(props: { children: ReactNode }): ReactElement {
  return <ThemeProvider theme={withLogColors}>{props.children}</ThemeProvider>;
}
