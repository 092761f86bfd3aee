/**
 * The pane's Web Worker (bundled by webpack from bundled-worker.js: same origin, no remote code):
 * the engine's check, and in the standalone page the .xlsx read, off the UI thread. One handler for
 * the worker's life: it keeps the sheets it read and was sent, and warms the engine up while idle.
 * Ended by the page to cancel a check or when a read passes its deadline.
 */
import { createHandler, type WorkerReply, type WorkerRequest } from './protocol';

interface WorkerScope {
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;
const handle = createHandler();
scope.onmessage = (event) => void handle(event.data, (reply) => scope.postMessage(reply));
