/**
 * What the pane's jsdom tests need from the environment, in one place:
 * - jsdom has no ResizeObserver; Fluent's MessageBar watches its own width with one;
 * - role queries skip jsdom's (slow) visibility computation; the pane renders nothing hidden that
 *   the tests query.
 */
import { configure } from '@testing-library/react';

class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;
configure({ defaultHidden: true });
