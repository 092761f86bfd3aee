/**
 * The sheet as a table: the workbook's values (merges, bold, dates), the add-in's marks drawn from
 * the workbook's own conditional formats, and the cell a finding selected (scrolled into view).
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import type { StandaloneHost, PreviewState } from '../adapters/standalone/host';
import { MARK_ORDER, MARK_STYLES } from '../engine/marks';
import { columnLetter } from '../engine/text';
import type { Translate } from '../messages';
import {
  displayValue,
  markCounts,
  mergeLayout,
  parseCell,
  rowMarks,
  rowWindow,
  visibleCell,
} from './grid';

/** Rows drawn at once (a window around the selected cell beyond that). */
export const PREVIEW_ROW_LIMIT = 1500;

const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    // Its own layer, laid out and painted apart: up to 1,500 rows of cells are not laid out,
    // painted or rastered again when the pane beside it changes (a check's progress bar).
    contain: 'content',
    willChange: 'transform',
    flexGrow: 1,
    minHeight: '12rem',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  caption: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 4px',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'right',
    padding: '2px 6px',
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  corner: { left: 0, zIndex: 3 },
  cell: {
    padding: '2px 4px',
    verticalAlign: 'top',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
    color: tokens.colorNeutralForeground1,
  },
  bold: { fontWeight: tokens.fontWeightSemibold },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  selectedRow: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: {
    display: 'inline-block',
    width: '2.5rem',
    textAlign: 'center',
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase200,
  },
  note: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Excel's character width → pixels (Calibri 11: ~7 px per character plus padding). */
function widthPx(width: number | undefined): number {
  const px = Math.round((width ?? 8.43) * 7 + 5);
  return Math.max(24, Math.min(px, 480));
}

export interface SheetPreviewProps {
  host: StandaloneHost;
  preview: PreviewState;
  t: Translate;
}

export function SheetPreview({ host, preview, t }: SheetPreviewProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const sheet = preview.sheet;
  // The snapshot and marks change only with the workbook's version (or another sheet): the version
  // is the memos' key, as the host's workbook changes in place.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- preview.version: see above
  const snapshot = useMemo(() => host.snapshot(sheet), [host, sheet, preview.version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- preview.version: see above
  const marks = useMemo(() => rowMarks(host.marks(sheet)), [host, sheet, preview.version]);
  const layout = useMemo(() => mergeLayout(snapshot?.merges ?? []), [snapshot]);
  const selected = useMemo(() => {
    if (!snapshot || preview.selected?.sheet !== sheet) return null;
    const cell = parseCell(preview.selected.cell);
    return cell ? visibleCell(snapshot, cell.row, cell.col) : null;
  }, [snapshot, preview.selected, sheet]);

  // A finding was clicked: bring its cell into view (every time, even the same cell again).
  useEffect(() => {
    if (!selected || !scroller.current) return;
    const el = scroller.current.querySelector<HTMLElement>(
      `[data-cell="${columnLetter(selected.col)}${selected.row + 1}"]`,
    );
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [selected, preview.selectSeq]);

  if (!snapshot) return null;
  const rows = snapshot.values.length;
  const cols = rows ? Math.max(...snapshot.values.map((r) => r.length)) : 0;
  const widths = host.columnWidths(sheet, cols);
  const window = rowWindow(rows, PREVIEW_ROW_LIMIT, selected?.row ?? null);
  const counts = markCounts(marks);
  const own = host.ownKind(sheet) !== null;
  const label = t('standalone.preview', { sheet });

  return (
    <>
      {!own && (
        <section aria-label={t('standalone.legend')}>
          {marks.size === 0 ? (
            <p className={styles.note} data-legend="none">
              {t('standalone.legendNone')}
            </p>
          ) : (
            <ul className={styles.legend} data-legend="marks">
              {MARK_ORDER.filter((k) => counts[k]).map((kind) => (
                <li key={kind} className={styles.legendItem} data-legend-kind={kind}>
                  <span
                    className={styles.swatch}
                    style={{
                      backgroundColor: MARK_STYLES[kind].fill,
                      color: MARK_STYLES[kind].font,
                    }}
                    aria-hidden="true"
                  >
                    Aa
                  </span>
                  <span>{t(`standalone.mark.${kind}`, { count: counts[kind] ?? 0 })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {window.from > 0 || window.to < rows ? (
        <p className={styles.note}>
          {t('standalone.previewTruncated', { from: window.from + 1, to: window.to, total: rows })}
        </p>
      ) : null}
      {selected && (
        <p
          className={styles.note}
          aria-live="polite"
          data-selected-cell={`${columnLetter(selected.col)}${selected.row + 1}`}
        >
          {t('standalone.selected', { cell: `${columnLetter(selected.col)}${selected.row + 1}` })}
        </p>
      )}
      <div
        ref={scroller}
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={label}
        data-preview={sheet}
      >
        {rows === 0 ? (
          <p className={styles.note}>{t('standalone.previewEmpty')}</p>
        ) : (
          <table
            className={styles.table}
            style={{ width: 48 + widths.reduce<number>((n, w) => n + widthPx(w), 0) }}
          >
            <caption className={styles.caption}>{label}</caption>
            <colgroup>
              <col style={{ width: 48 }} />
              {widths.map((w, c) => (
                <col key={c} style={{ width: widthPx(w) }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <td className={mergeClasses(styles.colHead, styles.corner)} />
                {widths.map((_, c) => (
                  <th key={c} scope="col" className={styles.colHead}>
                    {columnLetter(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {snapshot.values.slice(window.from, window.to).map((values, i) => {
                const r = window.from + i;
                const mark = marks.get(r);
                const isSelectedRow = selected?.row === r;
                return (
                  <tr key={r} data-row={r + 1} data-mark={mark?.kind}>
                    <th
                      scope="row"
                      className={mergeClasses(styles.rowHead, isSelectedRow && styles.selectedRow)}
                    >
                      {r + 1}
                    </th>
                    {Array.from({ length: cols }, (_, c) => {
                      const key = `${r},${c}`;
                      if (layout.covered.has(key)) return null;
                      const span = layout.masters.get(key);
                      const markHere =
                        mark && c >= mark.left && c <= mark.right ? MARK_STYLES[mark.kind] : null;
                      const isSelected = selected?.row === r && selected.col === c;
                      const address = `${columnLetter(c)}${r + 1}`;
                      return (
                        <td
                          key={c}
                          rowSpan={span?.rowSpan}
                          colSpan={span?.colSpan}
                          data-cell={address}
                          data-selected={isSelected ? 'true' : undefined}
                          className={mergeClasses(
                            styles.cell,
                            snapshot.bold?.[r]?.[c] && styles.bold,
                            isSelected && styles.selected,
                          )}
                          style={
                            markHere
                              ? { backgroundColor: markHere.fill, color: markHere.font }
                              : undefined
                          }
                        >
                          {displayValue(values[c] ?? null, snapshot.numberFormats?.[r]?.[c])}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
