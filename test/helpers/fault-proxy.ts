// A fault-injecting HTTP proxy between the browser and the real reference server: what a flaky CDN or origin does
// to a stream, switched on and off per path pattern while a test runs. Everything else (the app, the feed's
// WebSocket) passes through untouched.
//
//   const proxy = await startFaultProxy(server.url);
//   proxy.set('master-down', { match: /\/master\.m3u8$/, status: 503 });
//   … proxy.clear('master-down');
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface FaultRule {
  /** Which request paths (query included) the rule applies to. */
  match: RegExp;
  /** Only some of the matching paths (e.g. every third segment); all of them when absent. */
  when?: (path: string) => boolean;
  /** Answer this status (with a short text body) instead of asking the server. */
  status?: number;
  /** Pass the server's answer on with only this share of its body (a file still being written), its length
   * header saying so, as an origin serving a half-written file does. */
  truncate?: number;
  /** Hold the request without answering until the rule is cleared, then pass it through. */
  hang?: boolean;
  /** Wait this long before passing the request through. */
  delayMs?: number;
  /** Headers to set on the server's answer (e.g. a CDN that marks everything cacheable for a year). */
  headers?: Record<string, string>;
  /** Keep answering the body the server gave the first time the rule matched (a live playlist that stops
   * moving); each path keeps its own copy, or each `freezeAs` name (renditions of one live source stop together). */
  freeze?: boolean;
  freezeAs?: (path: string) => string;
  /** Rewrites the text of the server's answer (e.g. a master playlist cut down to one rendition). */
  rewrite?: (body: string) => string;
}

export interface FaultProxy {
  /** The proxy's base URL: open the page here. */
  url: string;
  /** Adds or replaces the rule called `name`; rules apply in the order they were first set. */
  set(name: string, rule: FaultRule): void;
  /** Removes one rule (or all): held requests go through, frozen copies are forgotten. */
  clear(name?: string): void;
  /** Requests seen whose path matches `pattern` (faulted or not), in order; from request number `from` on (see
   * `seen`), so that one test's count is not another's. */
  requests(pattern: RegExp, from?: number): string[];
  /** The same, each with when it came (ms after `since`, a Date.now()): for failure messages that say what was late. */
  timedRequests(pattern: RegExp, from: number, since: number): string[];
  /** How many requests the proxy has seen so far. */
  seen(): number;
  close(): Promise<void>;
}

type Frozen = { status: number; headers: IncomingMessage['headers']; body: Buffer };

interface ActiveRule extends FaultRule {
  frozen: Map<string, Frozen>;
  held: Set<() => void>;
}

function withoutValidators(headers: IncomingMessage['headers']): IncomingMessage['headers'] {
  const out = { ...headers };
  delete out.etag;
  delete out['last-modified'];
  return out;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const rules = new Map<string, ActiveRule>();
  const seen: string[] = [];
  const seenAt: number[] = [];
  const sockets = new Set<Socket>();

  const ruleFor = (path: string): ActiveRule | undefined => {
    for (const rule of rules.values()) if (rule.match.test(path) && (!rule.when || rule.when(path))) return rule;
    return undefined;
  };

  /** `whole`: ask for the whole file, never a range or a "not modified" (a rewrite needs the whole text). */
  const fetchUpstream = (req: IncomingMessage, body: Buffer, whole = false): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: upstream.host };
      if (whole) for (const name of ['range', 'if-range', 'if-none-match', 'if-modified-since']) delete headers[name];
      const out = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const answer = (res: ServerResponse, status: number, headers: IncomingMessage['headers'], body: Buffer, head: boolean) => {
    const out = { ...headers, 'content-length': String(body.length) };
    delete out['transfer-encoding'];
    delete out.connection;
    res.writeHead(status, out);
    res.end(head ? undefined : body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    seen.push(path);
    seenAt.push(Date.now());
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const head = req.method === 'HEAD';
    let rule = ruleFor(path);
    if (rule?.hang) {
      const held = rule;
      await new Promise<void>((resolve) => {
        held.held.add(resolve);
        res.on('close', () => held.held.delete(resolve));
      });
      if (res.destroyed) return;
      rule = ruleFor(path);
    }
    const delayMs = rule?.delayMs;
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (rule?.status) {
      answer(res, rule.status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, Buffer.from(`fault: ${rule.status}\n`), head);
      return;
    }
    const frozenKey = rule?.freezeAs ? rule.freezeAs(path) : path;
    const frozen = rule?.freeze ? rule.frozen.get(frozenKey) : undefined;
    if (frozen) return answer(res, frozen.status, frozen.headers, frozen.body, head);
    const upstreamReply = await fetchUpstream(req, body, rule?.rewrite !== undefined);
    const headed = rule?.headers ? { ...upstreamReply, headers: { ...upstreamReply.headers, ...rule.headers } } : upstreamReply;
    const rewrite = rule?.rewrite;
    // A rewritten file is another file: its own validator, so that the original never revalidates as it.
    const reply = rewrite && headed.status === 200 ? { ...headed, headers: withoutValidators(headed.headers), body: Buffer.from(rewrite(headed.body.toString('utf8'))) } : headed;
    if (rule?.freeze && reply.status === 200) rule.frozen.set(frozenKey, reply);
    const share = rule?.truncate;
    if (share === undefined || reply.status !== 200) return answer(res, reply.status, reply.headers, reply.body, head);
    // A half-written file has its own size, so its own validator: the complete file must not revalidate as it.
    const sent = reply.body.subarray(0, Math.floor(reply.body.length * share));
    answer(res, 200, { ...reply.headers, etag: `W/"partial-${sent.length}"` }, sent, head);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // The feed's WebSocket: a raw pipe to the server, request line and headers replayed.
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const out = connect(Number(upstream.port), upstream.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      out.write(lines.join('\r\n') + '\r\n\r\n');
      if (head.length) out.write(head);
      out.pipe(socket).pipe(out);
    });
    sockets.add(out);
    out.on('close', () => sockets.delete(out));
    out.on('error', () => socket.destroy());
    socket.on('error', () => out.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const release = (rule: ActiveRule) => {
    for (const go of rule.held) go();
    rule.held.clear();
  };

  return {
    url: `http://127.0.0.1:${port}`,
    set(name, rule) {
      const previous = rules.get(name);
      if (previous) release(previous);
      const frozen: ActiveRule['frozen'] = previous?.freeze && rule.freeze ? previous.frozen : new Map<string, Frozen>();
      rules.set(name, { ...rule, frozen, held: new Set() });
    },
    clear(name) {
      for (const [key, rule] of rules) {
        if (name !== undefined && key !== name) continue;
        rules.delete(key);
        release(rule);
      }
    },
    requests: (pattern, from = 0) => seen.slice(from).filter((path) => pattern.test(path)),
    timedRequests: (pattern, from, since) =>
      seen.flatMap((path, i) => (i >= from && pattern.test(path) ? [`+${seenAt[i]! - since} ms ${path.split('/').pop()}`] : [])),
    seen: () => seen.length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const rule of rules.values()) release(rule);
        rules.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
