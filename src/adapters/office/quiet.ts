/// <reference types="office-js" />
/**
 * The add-in's own writes into a user's sheet do not wake its own live re-check (issue 12): each
 * write batch is wrapped in `context.runtime.enableEvents = false … = true` (Excel.Runtime.enableEvents,
 * ExcelApi 1.8; "Events are enabled and disabled at the runtime level. The enableEvents property
 * determines if events are fired and their handlers are activated", Microsoft's "Work with events
 * using the Excel JavaScript API"). Both settings are queued into the same batch as the writes, so no
 * round trip is added. Below ExcelApi 1.8 nothing is queued (the live re-check then runs once more
 * after the add-in's write, which is harmless: the re-check of an unchanged sheet changes nothing).
 *
 * Should the batch fail part-way, Excel stops at the failing action and `enableEvents = true` would
 * never run, leaving the add-in deaf to the user's edits; `syncQuietly` then switches events back on
 * in one more round trip (only on failure) and rethrows the error.
 */

/** Queue `writes` between enableEvents = false and = true (when `supported`). Returns what `writes` returns. */
export function queueQuietly<T>(
  context: Excel.RequestContext,
  supported: boolean,
  writes: () => T,
): T {
  if (supported) context.runtime.enableEvents = false;
  const out = writes();
  if (supported) context.runtime.enableEvents = true;
  return out;
}

/** Sync a batch queued by queueQuietly; on failure switch events back on (1 more sync) and rethrow. */
export async function syncQuietly(
  context: Excel.RequestContext,
  supported: boolean,
): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    if (supported) {
      try {
        context.runtime.enableEvents = true;
        await context.sync();
      } catch {
        // The original error says more than this one.
      }
    }
    throw e;
  }
}
