import { FlowLoadError } from '../../machines/manifest';
import { format, type Translate } from './strings';

/**
 * What the widget says when its flow could not be loaded (network, timeout, a file that does not
 * match its sha384 or is not a flow) or begun (a `start` that is not a question of the flow): a
 * readable message for the merchant (with or without the static steps `host` holds), and the
 * reason for the error event and the console.
 */
export function loadFailure(
  tr: Translate,
  flow: string,
  error: unknown,
  host: Element,
): [message: string, log: string] {
  const embedded = !host.querySelector('[slot="static"]');
  const start = host.getAttribute('start') ?? '';
  const message =
    error instanceof FlowLoadError && error.reason === 'start'
      ? format(tr, 'widget.error.start', { start })
      : format(tr, embedded ? 'widget.error.loadEmbedded' : 'widget.error.load');
  const why = error instanceof Error ? error.message : String(error);
  return [message, `flow "${flow}" failed to load: ${why}`];
}
