import { ReactElement, ReactNode, useMemo } from 'react';
import { Table, TableColumn } from '@backstage/core-components';
import { defaultPipelineColumns, PipelineRow, WorkflowLinkOptions } from './columns';

/**
 * Props of {@link PipelinesTable}.
 * @public
 */
export interface PipelinesTableProps extends WorkflowLinkOptions {
  rows: PipelineRow[];
  /** Shown as the table's title. */
  title?: string | ReactElement;
  /** True while the first page loads. */
  loading?: boolean;
  /** Replaces the default columns. */
  columns?: TableColumn<PipelineRow>[];
  /** Shown below the rows, e.g. a "load more" control. */
  footer?: ReactNode;
}

/**
 * A table of pipelines. Purely presentational: the rows come from the
 * container, which loads them.
 * @public
 */
export function PipelinesTable(props: PipelinesTableProps) {
  const { rows, title, loading, columns, footer, workflowLink } = props;
  const defaults = useMemo(() => defaultPipelineColumns({ workflowLink }), [workflowLink]);
  return (
    <>
      <Table<PipelineRow>
        title={title ?? 'Pipelines'}
        isLoading={loading}
        columns={columns ?? defaults}
        data={rows}
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
