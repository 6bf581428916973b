import { ReactElement, ReactNode } from 'react';
import TextField from '@material-ui/core/TextField';

/**
 * Props of {@link SelectField}.
 * @internal
 */
export interface SelectFieldProps {
  /** The element id (unique on the page). */
  id: string;
  /** The visible label. */
  label: string;
  /** The value of the option chosen. */
  value: string;
  /** Called with the value of the option picked. */
  onChange: (value: string) => void;
  /** Called when the user is about to open it (hover or focus), e.g. to load options. */
  onIntent?: () => void;
  /** The `<option>` elements. */
  children: ReactNode;
}

/**
 * A small outlined select with native options, as the filters of the
 * plugin's pages use: native options are keyboard- and screen-reader
 * friendly and cost no popover.
 * @internal
 */
export function SelectField(props: SelectFieldProps): ReactElement {
  const { id, label, value, onChange, onIntent, children } = props;
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      id={id}
      label={label}
      value={value}
      SelectProps={{ native: true }}
      // A native select always shows an option (also for the value ''), so
      // its label always sits above it rather than over the text.
      InputLabelProps={{ shrink: true }}
      onMouseEnter={onIntent}
      onFocus={onIntent}
      onChange={e => onChange(e.target.value)}
    >
      {children}
    </TextField>
  );
}
