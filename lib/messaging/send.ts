/** The typed sending side of the protocol. */
import { browser } from 'wxt/browser';
import type { ErrorReply, Request, Response } from './protocol';

export class MessageError extends Error {}

/** Send a request to the background and get its typed answer; a refusal becomes a MessageError. */
export async function send<T extends Request>(request: T): Promise<Response<T['type']>> {
  const reply = (await browser.runtime.sendMessage(request)) as Response<T['type']> | ErrorReply | undefined;
  if (reply && typeof reply === 'object' && 'error' in reply) throw new MessageError(reply.error);
  if (reply === undefined) throw new MessageError('Brandline did not answer (the extension may have been reloaded).');
  return reply as Response<T['type']>;
}
