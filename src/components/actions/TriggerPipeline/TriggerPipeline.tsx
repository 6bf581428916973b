import { ReactElement, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import { Progress } from '@backstage/core-components';
import type { TriggeredPipeline } from '@circleci-backstage/plugin-circleci-common';
import { type CircleCIMessage, msg } from '../../../domain/messages';
import { parseParameterRows, type ParameterRow } from '../../../domain/pipelineParameters';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { stripControl } from '../../../domain/text';
import { afterTrigger } from '../../../query/actionEffects';
import { useActionsConfig } from '../hooks/useActionsConfig';
import { useCircleCIAction } from '../hooks/useCircleCIAction';
import { usePipelineDefinitions } from '../hooks/usePipelineDefinitions';
import { ActionError } from '../ActionError';
import { ActionPermissionGate } from '../ActionPermissionGate';
import { focusUnlessInside } from '../ConfirmActionDialog';
import { ErrorState } from '../../shared/ErrorState';
import { useCircleCITranslation } from '../../../hooks/useCircleCITranslation';
import { ParameterRows } from './ParameterRows';

/**
 * Props of {@link TriggerPipeline}.
 * @internal
 */
export interface TriggerPipelineProps {
  /** The project a pipeline is started for. */
  projectSlug: ProjectSlug;
  /** The branch filled in at first (the list's branch filter). */
  branch?: string;
}

interface Request {
  refKind: 'branch' | 'tag';
  ref: string;
  definitionId?: string;
  parameters: Record<string, string | number | boolean>;
}

function TriggerDialog(props: TriggerPipelineProps & { onClose: () => void }): ReactElement {
  const { projectSlug, onClose } = props;
  const project = projectSlug.slug;
  const { t, tm } = useCircleCITranslation();
  // `circleci/<org-id>/<project-id>` projects start pipelines from a
  // pipeline definition; the project id is the slug's last segment.
  const standalone = projectSlug.provider === 'circleci';
  const definitions = usePipelineDefinitions({ projectId: standalone ? projectSlug.repo : undefined });
  const [refKind, setRefKind] = useState<'branch' | 'tag'>('branch');
  const [ref, setRef] = useState(props.branch ?? '');
  const [definitionId, setDefinitionId] = useState<string>('');
  const [rows, setRows] = useState<ParameterRow[]>([]);
  const [problem, setProblem] = useState<CircleCIMessage | undefined>();
  const request = useRef<Request | undefined>();
  // The focus moves into the dialog, on the field most often filled in.
  const refInput = useRef<HTMLInputElement>(null);
  const chosen = definitionId || definitions.value?.[0]?.id || '';

  const trigger = useCircleCIAction<TriggeredPipeline>({
    action: 'trigger-pipeline',
    project,
    run: (api, { entityRef }) => {
      const r = request.current!;
      const refOption = r.ref ? { [r.refKind]: r.ref } : {};
      const parameters = Object.keys(r.parameters).length ? { parameters: r.parameters } : {};
      return r.definitionId
        ? api.runPipeline({ projectSlug, definitionId: r.definitionId, ...refOption, ...parameters, entityRef })
        : api.triggerPipeline({ projectSlug, ...refOption, ...parameters, entityRef });
    },
    // Any 2xx is a success: the list starts over from its first page,
    // where the new pipeline is on top (also when the answer names none).
    onDone: ({ queryClient }) => {
      afterTrigger({ queryClient, projectSlug: project });
      onClose();
    },
  });

  const submit = () => {
    if (trigger.pending) return;
    const parsed = parseParameterRows(rows);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      return;
    }
    if (standalone && !chosen) {
      setProblem(msg('trigger.chooseDefinition'));
      return;
    }
    setProblem(undefined);
    request.current = {
      refKind,
      ref: ref.trim(),
      definitionId: standalone ? chosen : undefined,
      parameters: parsed.parameters,
    };
    trigger.start();
  };

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="circleci-trigger-title"
      maxWidth="md"
      TransitionProps={{ onEntered: node => focusUnlessInside(node, refInput.current) }}
    >
      <DialogTitle id="circleci-trigger-title">{t('trigger.title', { project })}</DialogTitle>
      <DialogContent>
        <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
          {standalone && definitions.error && (
            <ErrorState error={definitions.error} subject={t('trigger.definitionsSubject', { project })} />
          )}
          {standalone && definitions.loading && <Progress />}
          {standalone && definitions.value && (
            <TextField
              select
              id="circleci-trigger-definition"
              label={t('trigger.definition')}
              variant="outlined"
              size="small"
              value={chosen}
              onChange={e => setDefinitionId(e.target.value)}
            >
              {definitions.value.map(d => (
                <MenuItem key={d.id} value={d.id}>
                  {stripControl(d.name)}
                  {d.config_source?.file_path ? ` (${stripControl(d.config_source.file_path)})` : ''}
                </MenuItem>
              ))}
            </TextField>
          )}
          <Box display="flex" style={{ gap: 8 }}>
            <TextField
              select
              id="circleci-trigger-kind"
              label={t('trigger.build')}
              variant="outlined"
              size="small"
              value={refKind}
              onChange={e => setRefKind(e.target.value as 'branch' | 'tag')}
              style={{ minWidth: 110 }}
            >
              <MenuItem value="branch">{t('trigger.branch')}</MenuItem>
              <MenuItem value="tag">{t('trigger.tag')}</MenuItem>
            </TextField>
            <TextField
              id="circleci-trigger-ref"
              inputRef={refInput}
              label={refKind === 'branch' ? t('trigger.branchName') : t('trigger.tagName')}
              variant="outlined"
              size="small"
              value={ref}
              helperText={refKind === 'branch' ? t('trigger.defaultBranchHint') : undefined}
              onChange={e => setRef(e.target.value)}
            />
          </Box>
          <Typography variant="subtitle2" component="h3">
            {t('trigger.parameters')}
          </Typography>
          <ParameterRows rows={rows} onChange={setRows} />
          {problem && (
            <Typography color="error" variant="body2" role="alert">
              {tm(problem)}
            </Typography>
          )}
          {trigger.error && (
            <ActionError error={trigger.error} action="trigger-pipeline" project={project} onClose={trigger.reset} />
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('trigger.close')}</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={trigger.pending || (standalone && !chosen)}
          onClick={submit}
        >
          {trigger.pending ? t('trigger.submitting') : t('trigger.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * "Trigger pipeline": a dialog for a branch or tag and typed pipeline
 * parameters. `gh/` and `bb/` projects use `POST v2/project/{slug}/pipeline`;
 * `circleci/...` projects run a chosen pipeline definition. The new
 * pipeline appears at the top of the list. Renders nothing unless the admin
 * turned triggering on (`circleci.actions.trigger`, which follows
 * `circleci.actions.enabled`). In backend mode the button is disabled,
 * saying why, unless the permission framework lets the user trigger
 * pipelines of the page's entity.
 * @internal
 */
export function TriggerPipeline(props: TriggerPipelineProps): ReactElement | null {
  const { trigger } = useActionsConfig();
  const { t } = useCircleCITranslation();
  const [open, setOpen] = useState(false);
  if (!trigger) return null;
  // `circleci/...` projects run a pipeline definition; both need the trigger permission.
  const action = props.projectSlug.provider === 'circleci' ? 'runPipeline' : 'triggerPipeline';
  return (
    <>
      <ActionPermissionGate action={action}>
        {allowed => (
          <Button
            variant="outlined"
            size="small"
            startIcon={<PlayArrowIcon />}
            disabled={!allowed}
            onClick={() => setOpen(true)}
          >
            {t('trigger.open')}
          </Button>
        )}
      </ActionPermissionGate>
      {open && <TriggerDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}
