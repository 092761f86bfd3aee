/**
 * "Tạo phụ lục từ văn bản": paste the plan's text (or take it from a sheet column), preview the tasks
 * found, create the appendix sheet, then check it. Collapsed by default; hidden when the host cannot
 * write an appendix. Every flow is the controller's (state/draft.ts).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  CheckmarkRegular,
  DismissRegular,
  DocumentTextRegular,
  TableAddRegular,
  TableSearchRegular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import { displayTt } from '../../engine/appendix-layout';
import type { DraftPreview } from '../state/draft';
import { usePane } from './context';
import { usePaneStyles } from './styles';

const useStyles = makeStyles({
  preview: {
    maxHeight: '22rem',
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { fontSize: tokens.fontSizeBase200 },
  tt: { width: '3rem' },
  cell: { verticalAlign: 'top', wordBreak: 'break-word' },
  column: { width: '5rem' },
  textarea: { minHeight: '8rem' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function DraftPanel() {
  const { state, t } = usePane();
  const styles = usePaneStyles();
  if (!state.draft.available) return null;
  return (
    <section className={styles.section} aria-label={t('ui.draft.heading')}>
      <Accordion collapsible>
        <AccordionItem value="draft">
          <AccordionHeader as="h2" expandIconPosition="end" icon={<DocumentTextRegular />}>
            {t('ui.draft.heading')}
          </AccordionHeader>
          <AccordionPanel>
            <DraftBody />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}

function DraftBody() {
  const { controller, state, t } = usePane();
  const styles = usePaneStyles();
  const own = useStyles();
  const busy = state.busy !== null;
  const { draft } = state;
  return (
    <div className={styles.section}>
      <p id="pc-draft-hint" className={styles.hint}>
        {t('ui.draft.hint')}
      </p>
      <Field label={t('ui.draft.text.label')}>
        <Textarea
          className={own.textarea}
          aria-describedby="pc-draft-hint"
          resize="vertical"
          placeholder={t('ui.draft.text.placeholder')}
          value={draft.text}
          disabled={busy}
          onChange={(_, data) => controller.setDraftText(data.value)}
        />
      </Field>
      <div className={styles.row}>
        <Button
          appearance={draft.preview ? 'secondary' : 'primary'}
          icon={<TableSearchRegular />}
          disabled={busy || !draft.text.trim()}
          onClick={() => void controller.draftFromText()}
        >
          {t('ui.draft.read')}
        </Button>
      </div>
      {draft.columnAvailable && <ColumnSource />}
      {draft.preview && <Preview preview={draft.preview} />}
    </div>
  );
}

/** "Lấy từ cột trên trang tính": a sheet and a column letter. */
function ColumnSource() {
  const { controller, state, t } = usePane();
  const styles = usePaneStyles();
  const own = useStyles();
  const busy = state.busy !== null;
  const [picked, setPicked] = useState<string | null>(null);
  const [column, setColumn] = useState('A');
  const sheet =
    picked && state.sheets.some((s) => s.name === picked)
      ? picked
      : (state.sheet ?? state.sheets[0]?.name ?? null);
  return (
    <fieldset className={styles.section} style={{ border: 'none', margin: 0, padding: 0 }}>
      <legend className={styles.subheading}>{t('ui.draft.column.heading')}</legend>
      <p id="pc-draft-column-hint" className={styles.hint}>
        {t('ui.draft.column.hint')}
      </p>
      <div className={styles.row}>
        <Field className={styles.grow} label={t('ui.draft.column.sheet')}>
          <Dropdown
            value={sheet ?? ''}
            selectedOptions={sheet ? [sheet] : []}
            disabled={busy || state.sheets.length === 0}
            onOptionSelect={(_, data) => data.optionValue && setPicked(data.optionValue)}
          >
            {state.sheets.map((s) => (
              <Option key={s.name} value={s.name}>
                {s.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field className={own.column} label={t('ui.draft.column.column')}>
          <Input
            value={column}
            maxLength={3}
            aria-describedby="pc-draft-column-hint"
            disabled={busy}
            onChange={(_, data) => setColumn(data.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && sheet) void controller.draftFromColumn(sheet, column);
            }}
          />
        </Field>
        <Button
          disabled={busy || !sheet || !column.trim()}
          onClick={() => sheet && void controller.draftFromColumn(sheet, column)}
        >
          {t('ui.draft.column.read')}
        </Button>
      </div>
    </fieldset>
  );
}

function Preview({ preview }: { preview: DraftPreview }) {
  const { controller, state, t } = usePane();
  const styles = usePaneStyles();
  const own = useStyles();
  const busy = state.busy !== null;
  const empty = t('ui.draft.preview.empty');
  const created = state.draft.created;
  return (
    <section className={styles.section} aria-labelledby="pc-draft-preview">
      <h3 id="pc-draft-preview" className={styles.subheading}>
        {t('ui.draft.preview.heading')}
      </h3>
      <p className={styles.hint} data-draft="summary">
        {t('ui.draft.preview.summary', {
          tasks: preview.tasks,
          groups: preview.groups,
          sections: preview.sections,
        })}
        {preview.planYear !== null &&
          ` ${t('ui.draft.preview.planYear', { year: preview.planYear })}`}
      </p>
      {preview.skipped.length > 0 && (
        <p className={styles.hint}>
          {t('ui.draft.preview.skipped', {
            list: preview.skipped.map((s) => `${s.label}. ${s.title}`).join('; '),
          })}
        </p>
      )}
      {preview.rows.length > 0 && (
        // Scrollable and focusable, so the keyboard can scroll a long list.
        <div
          className={own.preview}
          role="region"
          aria-label={t('ui.draft.preview.table')}
          tabIndex={0}
        >
          <Table size="extra-small" className={own.table} aria-label={t('ui.draft.preview.table')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={own.tt}>{t('draft.header.tt')}</TableHeaderCell>
                <TableHeaderCell>{t('draft.header.task')}</TableHeaderCell>
                <TableHeaderCell>{t('draft.header.lead')}</TableHeaderCell>
                <TableHeaderCell>{t('draft.header.support')}</TableHeaderCell>
                <TableHeaderCell>{t('draft.header.deadline')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.rows.map((r, i) => (
                <TableRow key={`${r.tt}-${i}`} data-draft-task={i}>
                  <TableCell className={own.cell}>{displayTt(r.tt)}</TableCell>
                  <TableCell className={own.cell}>{r.task}</TableCell>
                  <TableCell className={own.cell}>{r.lead ?? empty}</TableCell>
                  <TableCell className={own.cell}>{r.support ?? empty}</TableCell>
                  <TableCell className={own.cell}>{r.deadline ?? empty}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {preview.unplaced.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-draft="unplaced">
          <MessageBarBody>
            {t('ui.draft.preview.unplaced', { count: preview.unplaced.length })}
            <ul className={own.list}>
              {preview.unplaced.map((u) => (
                <li key={`${u.line}-${u.reason}`}>
                  {t('ui.draft.preview.unplacedLine', {
                    line: u.line,
                    reason: t(`draft.reason.${u.reason}`),
                    text: u.text.length > 160 ? `${u.text.slice(0, 157)}…` : u.text,
                  })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <p id="pc-draft-create-hint" className={styles.hint}>
        {t('ui.draft.createHint')}
      </p>
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<TableAddRegular />}
          aria-describedby="pc-draft-create-hint"
          disabled={busy || preview.tasks === 0}
          onClick={() => void controller.createAppendix()}
        >
          {t('ui.draft.create')}
        </Button>
        <Button icon={<DismissRegular />} disabled={busy} onClick={() => controller.clearDraft()}>
          {t('ui.draft.clear')}
        </Button>
      </div>
      {created && (
        <div className={styles.row}>
          <Button
            icon={<CheckmarkRegular />}
            disabled={busy}
            onClick={() => {
              // The findings show in the Kiểm tra view.
              controller.setTab('check');
              void controller.check(created);
            }}
          >
            {t('ui.draft.checkNew', { sheet: created })}
          </Button>
        </div>
      )}
    </section>
  );
}
