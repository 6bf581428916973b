import { ReactElement } from 'react';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/** The label's secondary grey is 4.47:1 on the light page background; a darker one reaches 4.5:1. */
const useStyles = makeStyles(theme => ({
  label: {
    '&&:not(.Mui-focused):not(.Mui-error)': {
      color: theme.palette.type === 'light' ? theme.palette.grey[700] : theme.palette.text.secondary,
    },
  },
}));

/**
 * Props of {@link BranchFilter}.
 * @internal
 */
export interface BranchFilterProps {
  /** The branches seen in what has been loaded. */
  branches: string[];
  /** The branch filtered on, if any. */
  value?: string;
  /** Called with the chosen or typed branch, or undefined for all. */
  onChange: (branch: string | undefined) => void;
}

/**
 * Filters pipelines by branch: pick one seen so far, or type any name.
 * @internal
 */
export function BranchFilter(props: BranchFilterProps): ReactElement {
  const { branches, value, onChange } = props;
  const classes = useStyles();
  const { t } = useCircleCITranslation();
  return (
    <Autocomplete<string, false, false, true>
      freeSolo
      size="small"
      options={branches}
      value={value ?? null}
      onChange={(_, next) => onChange(next?.trim() ? next.trim() : undefined)}
      style={{ minWidth: 260 }}
      renderInput={params => (
        <TextField
          {...params}
          label={t('branchFilter.label')}
          variant="outlined"
          placeholder={t('branchFilter.placeholder')}
          InputLabelProps={{ ...params.InputLabelProps, className: classes.label }}
        />
      )}
    />
  );
}
