/**
 * "Gộp báo cáo" (Theo dõi view) and "So sánh với bản trước" (Báo cáo view), issue 13. They render
 * the gather store (state/gather.ts) and call it; no host call and no rule here. Files are picked
 * with a plain file input and read in the pane (ExcelJS, loaded on demand).
 */
import { Button, Checkbox, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { TableArrowUpRegular, DocumentSearchRegular } from '@fluentui/react-icons';
import { useRef, useState, useSyncExternalStore } from 'react';
import type { GatherStore, PickedFile } from '../state/gather';
import { placeLabel } from '../../engine/compare-table';
import { a1 } from '../../engine/text';
import { usePane } from './context';
import { usePaneStyles } from './styles';

async function readFiles(list: FileList | null): Promise<PickedFile[]> {
  return Promise.all(
    [...(list ?? [])].map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })),
  );
}

function useStore(store: GatherStore) {
  return useSyncExternalStore(store.subscribe, store.getState);
}

/** A heading and one line per cell of the master: its address (a click selects it), then what happened there. */
function CellList<T extends { row: number; col: number; field: string }>({
  heading,
  items,
  onSelect,
  describe,
}: {
  heading: string;
  items: readonly T[];
  onSelect: (cell: string) => void;
  describe: (item: T) => string;
}) {
  const styles = usePaneStyles();
  if (items.length === 0) return null;
  return (
    <>
      <h3 className={styles.heading}>{heading}</h3>
      <ul>
        {items.map((x) => (
          <li key={`${x.row}:${x.field}`}>
            <Button
              appearance="transparent"
              size="small"
              onClick={() => onSelect(a1(x.row, x.col))}
            >
              {a1(x.row, x.col)}
            </Button>{' '}
            {describe(x)}
          </li>
        ))}
      </ul>
    </>
  );
}

export function GatherPanel() {
  const { controller } = usePane();
  if (!controller.gather?.available.gather) return null;
  return <GatherBody store={controller.gather} />;
}

function GatherBody({ store }: { store: GatherStore }) {
  const { state, t } = usePane();
  const styles = usePaneStyles();
  const g = useStore(store);
  const input = useRef<HTMLInputElement>(null);
  const sheet = state.sheet;
  const plan = g.plan;
  return (
    <section className={styles.section} aria-labelledby="pc-gather">
      <h2 id="pc-gather" className={styles.heading}>
        {t('ui.gather.heading')}
      </h2>
      <p className={styles.hint}>
        {sheet ? t('ui.gather.hint', { sheet }) : t('ui.gather.noSheet')}
      </p>
      <input
        ref={input}
        id="pc-gather-files"
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        onChange={async (e) => {
          const files = await readFiles(e.target.files);
          e.target.value = '';
          if (sheet && files.length)
            await store.plan(sheet, files, { asOf: state.asOf, lang: state.lang });
        }}
      />
      <div className={styles.row}>
        <Button
          icon={<TableArrowUpRegular />}
          disabled={!sheet || g.busy !== null}
          onClick={() => input.current?.click()}
        >
          {t('ui.gather.pick')}
        </Button>
      </div>
      {g.busy === 'gather' && <Spinner size="tiny" label={t('ui.gather.busy')} />}
      {g.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t(g.error.id, { file: '', reason: '', ...(g.error.data ?? {}) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {plan && (
        <div className={styles.section} data-testid="pc-gather-plan">
          <p>{t('ui.gather.files', { files: g.files.join(', ') })}</p>
          <p>
            <strong>
              {t('ui.gather.summary', {
                applied: plan.applied.length,
                conflicts: plan.conflicts.length,
                unmatched: plan.unmatched.length,
              })}
            </strong>
          </p>
          {plan.addedColumns.length > 0 && (
            <p>
              {t('ui.gather.addedColumns', {
                columns: plan.addedColumns.map((c) => c.header).join(', '),
              })}
            </p>
          )}
          <CellList
            heading={t('ui.gather.group.applied')}
            items={plan.applied}
            onSelect={(cell) => store.select(plan.master.sheet, cell)}
            describe={(x) =>
              `${x.tt} · ${t(`tracking.${x.field}`)}: "${x.before}" → "${x.after}" (${x.source.file})`
            }
          />
          <CellList
            heading={t('ui.gather.group.conflicts')}
            items={plan.conflicts}
            onSelect={(cell) => store.select(plan.master.sheet, cell)}
            describe={(x) =>
              `${x.tt} · ${t(`tracking.${x.field}`)}: ${x.values
                .map((v) =>
                  t('ui.gather.conflictValue', {
                    value: v.value,
                    file: v.source.file,
                    row: v.source.row,
                  }),
                )
                .join(' / ')}`
            }
          />
          {plan.unmatched.length > 0 && (
            <>
              <h3 className={styles.heading}>{t('ui.gather.group.unmatched')}</h3>
              <ul>
                {plan.unmatched.map((x) => (
                  <li key={`${x.file}:${x.row}`}>
                    {x.file} · {x.row} · {x.tt}: {x.task}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={
                g.busy !== null ||
                (plan.applied.length === 0 && plan.addedColumns.length === 0) ||
                g.applied !== null
              }
              onClick={() => store.apply(state.lang)}
            >
              {t('ui.gather.apply')}
            </Button>
          </div>
          {g.applied && (
            <MessageBar intent="success">
              <MessageBarBody>{t('ui.gather.done', { sheet: g.applied })}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}
    </section>
  );
}

export function ComparePanel() {
  const { controller } = usePane();
  if (!controller.gather?.available.compare) return null;
  return <CompareBody store={controller.gather} />;
}

function CompareBody({ store }: { store: GatherStore }) {
  const { state, t } = usePane();
  const styles = usePaneStyles();
  const g = useStore(store);
  const input = useRef<HTMLInputElement>(null);
  const [writeSheet, setWriteSheet] = useState(true);
  const sheet = state.sheet;
  const c = g.comparison?.comparison;
  const go = (cell: string) => sheet && store.select(sheet, cell);
  return (
    <section className={styles.section} aria-labelledby="pc-compare">
      <h2 id="pc-compare" className={styles.heading}>
        {t('ui.compare.heading')}
      </h2>
      <p className={styles.hint}>
        {sheet ? t('ui.compare.hint', { sheet }) : t('ui.gather.noSheet')}
      </p>
      <input
        ref={input}
        id="pc-compare-file"
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        onChange={async (e) => {
          const [file] = await readFiles(e.target.files);
          e.target.value = '';
          if (sheet && file)
            await store.compare(sheet, file, { asOf: state.asOf, lang: state.lang, writeSheet });
        }}
      />
      <Checkbox
        checked={writeSheet}
        onChange={(_, d) => setWriteSheet(d.checked === true)}
        label={t('ui.compare.writeSheet')}
      />
      <div className={styles.row}>
        <Button
          icon={<DocumentSearchRegular />}
          disabled={!sheet || g.busy !== null}
          onClick={() => input.current?.click()}
        >
          {t('ui.compare.pick')}
        </Button>
      </div>
      {g.busy === 'compare' && <Spinner size="tiny" label={t('ui.compare.busy')} />}
      {g.error && g.busy === null && !g.plan && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t(g.error.id, { file: '', reason: '', ...(g.error.data ?? {}) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {c && (
        <div className={styles.section} data-testid="pc-compare-result">
          {g.comparison?.same && <p>{t('ui.compare.same')}</p>}
          {g.compareSheet && <p>{t('ui.compare.written', { sheet: g.compareSheet })}</p>}
          {!g.comparison?.same && (
            <div className={styles.row}>
              <Button
                data-testid="pc-compare-mark"
                disabled={g.busy !== null || !g.comparison?.marks.rules.length}
                onClick={() => store.mark()}
              >
                {t('ui.compare.mark')}
              </Button>
              <Button
                data-testid="pc-compare-unmark"
                disabled={g.busy !== null}
                onClick={() => store.unmark()}
              >
                {t('ui.compare.unmark')}
              </Button>
            </div>
          )}
          {g.marks && (
            <p role="status" data-testid="pc-compare-marks">
              {t(g.marks.id, g.marks.data)}
            </p>
          )}
          {c.added.length > 0 && (
            <>
              <h3 className={styles.heading}>
                {t('ui.compare.group.added', { count: c.added.length })}
              </h3>
              <ul>
                {c.added.map((x) => (
                  <li key={`a${x.row}`}>
                    <Button appearance="transparent" size="small" onClick={() => go(`A${x.row}`)}>
                      {placeLabel(x)}
                    </Button>{' '}
                    {x.task}
                  </li>
                ))}
              </ul>
            </>
          )}
          {c.removed.length > 0 && (
            <>
              <h3 className={styles.heading}>
                {t('ui.compare.group.removed', { count: c.removed.length })}
              </h3>
              <ul>
                {c.removed.map((x) => (
                  <li key={`r${x.row}`}>
                    {placeLabel(x)} {x.task}
                  </li>
                ))}
              </ul>
            </>
          )}
          {c.moved.length > 0 && (
            <>
              <h3 className={styles.heading}>
                {t('ui.compare.group.moved', { count: c.moved.length })}
              </h3>
              <ul>
                {c.moved.map((x) => (
                  <li key={`m${x.to.row}`}>
                    <Button
                      appearance="transparent"
                      size="small"
                      onClick={() => go(`A${x.to.row}`)}
                    >
                      {placeLabel(x.from)} → {placeLabel(x.to)}
                    </Button>{' '}
                    {x.task}
                  </li>
                ))}
              </ul>
            </>
          )}
          {c.changed.length > 0 && (
            <>
              <h3 className={styles.heading}>
                {t('ui.compare.group.changed', { count: c.changed.length })}
              </h3>
              <ul>
                {c.changed.map((x) => (
                  <li key={`c${x.row}:${x.field}`}>
                    <Button appearance="transparent" size="small" onClick={() => go(`A${x.row}`)}>
                      {placeLabel(x)}
                    </Button>{' '}
                    {t(`role.${x.field}`)}:{' '}
                    {x.words
                      ? x.words.map((w, i) =>
                          w.kind === 'same' ? (
                            <span key={i}>{w.text} </span>
                          ) : w.kind === 'added' ? (
                            <ins key={i}>{w.text} </ins>
                          ) : (
                            <del key={i}>{w.text} </del>
                          ),
                        )
                      : `"${x.before}" → "${x.after}"`}
                    {x.sameDue
                      ? ` ${t('diff.sameDue', { due: x.dueAfter ? `${x.dueAfter.slice(8, 10)}/${x.dueAfter.slice(5, 7)}/${x.dueAfter.slice(0, 4)}` : '' })}`
                      : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
