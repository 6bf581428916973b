import { ReactElement, useMemo } from 'react';
import Typography from '@material-ui/core/Typography';
import { Link, Table, TableColumn } from '@backstage/core-components';
import type { FlakyTests as FlakyTestsValue } from '@circleci-backstage/plugin-circleci-common';
import { formatCount } from '../../../domain/insights';
import { runTimeText } from '../../../domain/insightsRuns';
import { stripControl } from '../../../domain/text';
import { type CircleCITranslationFunction, useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { CircleCIPaths, useCircleCIPaths } from '../../../navigation';

/**
 * Props of {@link FlakyTests}.
 * @internal
 */
export interface FlakyTestsProps {
  /** The project's flaky tests. */
  value: FlakyTestsValue;
  /** The project, for job links of monorepo entities (undefined: the only project). */
  projectSlug?: string;
}

interface Row {
  id: string;
  name: string;
  classname: string;
  job: string;
  jobNumber?: number;
  workflow: string;
  timesFlaked?: number;
  lastFlaked?: number;
  lastFlakedText: string;
}

function columnsOf(options: {
  t: CircleCITranslationFunction;
  paths: CircleCIPaths;
  projectSlug?: string;
}): TableColumn<Row>[] {
  const { t, paths, projectSlug } = options;
  return [
    { title: t('insights.testColumn'), field: 'name', highlight: true },
    { title: t('insights.classColumn'), field: 'classname', render: r => r.classname || '—' },
    {
      title: t('insights.jobColumn'),
      field: 'job',
      render: r =>
        r.jobNumber === undefined ? (
          r.job
        ) : (
          <>
            {r.job}{' '}
            <Link to={paths.job({ jobNumber: r.jobNumber, projectSlug })}>
              {t('insights.openJob', { number: String(r.jobNumber) })}
            </Link>
          </>
        ),
    },
    { title: t('insights.workflowColumn'), field: 'workflow' },
    {
      title: t('insights.timesFlakedColumn'),
      field: 'timesFlaked',
      type: 'numeric',
      render: r => formatCount(r.timesFlaked),
    },
    {
      title: t('insights.lastFlakedColumn'),
      field: 'lastFlaked',
      render: r => r.lastFlakedText,
    },
  ];
}

/**
 * The flaky tests of a project, most flaky first: test, class, job (linked
 * to the job of its last flake when CircleCI gives its number), workflow,
 * how often and when last it flaked.
 * @internal
 */
export function FlakyTests(props: FlakyTestsProps): ReactElement {
  const { value, projectSlug } = props;
  const { t } = useCircleCITranslation();
  const paths = useCircleCIPaths();
  const columns = useMemo(() => columnsOf({ t, paths, projectSlug }), [t, paths, projectSlug]);
  const rows = useMemo<Row[]>(
    () =>
      value['flaky-tests']
        .map((f, i) => {
          const n = f['job-number'];
          const last = Date.parse(f['workflow-created-at'] ?? '');
          return {
            id: `${i}`,
            name: stripControl(f['test-name']),
            classname: stripControl(f.classname),
            job: stripControl(f['job-name']),
            jobNumber: n !== undefined && Number.isSafeInteger(n) && n > 0 ? n : undefined,
            workflow: stripControl(f['workflow-name']),
            timesFlaked: f['times-flaked'],
            lastFlaked: Number.isFinite(last) ? last : undefined,
            lastFlakedText: runTimeText(f['workflow-created-at']),
          };
        })
        .sort((a, b) => (b.timesFlaked ?? 0) - (a.timesFlaked ?? 0)),
    [value],
  );
  return (
    <Table<Row>
      title={t('insights.flakyTitle')}
      columns={columns}
      data={rows}
      options={{ padding: 'dense', paging: rows.length > 20, pageSize: 20, search: false, draggable: false, overflowY: 'visible' }}
      emptyContent={<Typography variant="body2" style={{ padding: 16 }}>{t('insights.flakyNone')}</Typography>}
    />
  );
}
