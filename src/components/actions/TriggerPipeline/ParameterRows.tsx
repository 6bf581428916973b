import { ReactElement } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import DeleteIcon from '@material-ui/icons/Delete';
import type { ParameterRow, ParameterType } from '../../../domain/pipelineParameters';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';

/** Props of {@link ParameterRows}. */
export interface ParameterRowsProps {
  /** The rows. */
  rows: ParameterRow[];
  /** Called with the changed rows. */
  onChange: (rows: ParameterRow[]) => void;
}

const TYPES: ParameterType[] = ['string', 'boolean', 'integer'];

/** Typed key/value rows for pipeline parameters. */
export function ParameterRows(props: ParameterRowsProps): ReactElement {
  const { rows, onChange } = props;
  const { t } = useCircleCITranslation();
  const set = (i: number, change: Partial<ParameterRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
      {rows.map((row, i) => (
        <Box key={i} display="flex" alignItems="center" style={{ gap: 8 }}>
          <TextField
            id={`circleci-parameter-${i}-name`}
            label={t('trigger.parameterName', { number: String(i + 1) })}
            size="small"
            variant="outlined"
            value={row.name}
            onChange={e => set(i, { name: e.target.value })}
          />
          <TextField
            select
            id={`circleci-parameter-${i}-type`}
            label={t('trigger.parameterType', { number: String(i + 1) })}
            size="small"
            variant="outlined"
            value={row.type}
            onChange={e => {
              const type = e.target.value as ParameterType;
              let value = row.value;
              if (type === 'boolean') value = 'true';
              else if (row.type === 'boolean') value = '';
              set(i, { type, value });
            }}
            style={{ minWidth: 110 }}
          >
            {TYPES.map(type => (
              <MenuItem key={type} value={type}>
                {t(`trigger.type.${type}`)}
              </MenuItem>
            ))}
          </TextField>
          {row.type === 'boolean' ? (
            <TextField
              select
              id={`circleci-parameter-${i}-value`}
              label={t('trigger.parameterValue', { number: String(i + 1) })}
              size="small"
              variant="outlined"
              value={row.value}
              onChange={e => set(i, { value: e.target.value })}
              style={{ minWidth: 110 }}
            >
              <MenuItem value="true">{t('trigger.booleanTrue')}</MenuItem>
              <MenuItem value="false">{t('trigger.booleanFalse')}</MenuItem>
            </TextField>
          ) : (
            <TextField
              id={`circleci-parameter-${i}-value`}
              label={t('trigger.parameterValue', { number: String(i + 1) })}
              size="small"
              variant="outlined"
              value={row.value}
              inputProps={row.type === 'integer' ? { inputMode: 'numeric' } : undefined}
              onChange={e => set(i, { value: e.target.value })}
            />
          )}
          <IconButton
            size="small"
            aria-label={t('trigger.removeParameter', { number: String(i + 1) })}
            onClick={() => onChange(rows.filter((_r, j) => j !== i))}
          >
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Box>
      ))}
      <Box>
        <Button size="small" onClick={() => onChange([...rows, { name: '', type: 'string', value: '' }])}>
          {t('trigger.addParameter')}
        </Button>
      </Box>
    </Box>
  );
}
