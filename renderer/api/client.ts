import type { CallArgs, CallName, CallResult, OffloadBridge } from '../../shared/api/contract';
import { ApiError, type Envelope } from '../../shared/api/errors';

declare global {
  interface Window {
    /** Present in the desktop app: exposed by the preload, one function per call. */
    offload?: OffloadBridge;
  }
}

type Transport = (name: CallName, input: unknown) => Promise<Envelope<unknown>>;

function bridgeTransport(bridge: OffloadBridge): Transport {
  return (name, input) => (bridge[name] as (input: unknown) => Promise<Envelope<unknown>>)(input);
}

/** Browser mode: the same calls as JSON over HTTP to the local server that served this page. */
const httpTransport: Transport = async (name, input) => {
  let response: Response;
  try {
    response = await fetch(`./api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: input === undefined ? '' : JSON.stringify(input),
      credentials: 'same-origin',
    });
  } catch {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'Offload’s local server is not answering. Is it still running? Start it again with npm start.' },
    };
  }
  try {
    return (await response.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `Offload’s local server answered ${response.status} without a result.` } };
  }
};

const transport: Transport = window.offload ? bridgeTransport(window.offload) : httpTransport;

/** Makes one call of the contract; resolves with its result or rejects with an ApiError. */
export async function call<Name extends CallName>(name: Name, ...args: CallArgs<Name>): Promise<CallResult<Name>> {
  const envelope = await transport(name, args[0]);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value as CallResult<Name>;
}
