import React from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import { defaultPipelineColumns, PipelineRow } from './columns';

/**
 * Props of {@link PipelinesTable}.
 * @public
 */
export interface PipelinesTableProps {
  rows: PipelineRow[];
  /** Shown as the table's title. */
  title?: string | React.ReactElement;
  /** True while the first page loads. */
  loading?: boolean;
  /** Replaces the default columns. */
  columns?: TableColumn<PipelineRow>[];
  /** Shown below the rows, e.g. a "load more" control. */
  footer?: React.ReactNode;
}

/**
 * A table of pipelines. Purely presentational: the rows come from the
 * container, which loads them.
 * @public
 */
export function PipelinesTable(props: PipelinesTableProps) {
  const { rows, title, loading, columns, footer } = props;
  const defaults = React.useMemo(() => defaultPipelineColumns(), []);
  return (
    <>
      <Table<PipelineRow>
        title={title ?? 'Pipelines'}
        isLoading={loading}
        columns={columns ?? defaults}
        data={rows.map(r => ({ ...r }))}
        options={{
          paging: false,
          search: false,
          padding: 'dense',
          draggable: false,
          sorting: false,
        }}
      />
      {footer}
    </>
  );
}
