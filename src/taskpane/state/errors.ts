/**
 * Turn anything thrown by a host or the engine into a catalogue notice. The user never sees a raw
 * message or a stack: known failures get their own message, everything else the action's fallback.
 */
import { hasMessage } from '../../messages';
import type { MessageData, Notice } from './base';

/** Office.js error codes (OfficeExtension.Error#code) that the user can do something about. */
const OFFICE_CODES: Record<string, string> = {
  ItemNotFound: 'ui.error.itemNotFound',
  InvalidReference: 'ui.error.itemNotFound',
  AccessDenied: 'ui.error.accessDenied',
  InvalidOperationInCellEditMode: 'ui.error.cellEditMode',
  ActivityLimitReached: 'ui.error.busyHost',
  RequestAborted: 'ui.error.busyHost',
  ServiceNotAvailable: 'ui.error.busyHost',
};

/** Host errors (src/host/types.ts), recognised by name so that a copy from another bundle counts too. */
const HOST_ERRORS: Record<string, string> = {
  StaleSheetError: 'ui.error.stale',
  NameTakenError: 'ui.error.nameTaken',
};

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  sheet?: unknown;
  messageId?: unknown;
  data?: unknown;
}

export function errorNotice(error: unknown, fallback: string, data: MessageData = {}): Notice {
  if (typeof error !== 'object' || error === null) return { id: fallback, data };
  const e = error as ErrorLike;
  if (typeof e.name === 'string' && HOST_ERRORS[e.name] && typeof e.sheet === 'string') {
    return { id: HOST_ERRORS[e.name], data: { sheet: e.sheet } };
  }
  // An adapter may throw an error that already names a catalogue message.
  if (typeof e.messageId === 'string' && hasMessage(e.messageId)) {
    const extra = typeof e.data === 'object' && e.data !== null ? (e.data as MessageData) : {};
    return { id: e.messageId, data: { ...data, ...extra } };
  }
  if (typeof e.code === 'string' && OFFICE_CODES[e.code]) return { id: OFFICE_CODES[e.code], data };
  return { id: fallback, data };
}
