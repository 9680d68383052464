// What an operator watches on each node, in Prometheus' text format (GET /metrics): connections, events and
// packets sent (Prometheus turns the counters into per-second rates), how late events reach this node's
// sockets, Redis errors, readiness, the event loop's delay.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

type MetricType = 'counter' | 'gauge';

interface Sample {
  name: string;
  help: string;
  type: MetricType;
  value: number;
  labels?: Record<string, string>;
}

/** Counters this node adds to as things happen; gauges are read when scraped. */
export class NodeMetrics {
  connectionsAccepted = 0;
  /** Distinct feed events this node wrote to its sockets (one per event, however many sockets). */
  feedEventsSent = 0;
  /** Socket.io packets written to sockets: roughly events × audience on this node. */
  packetsSent = 0;
  /** Stored-at → written to this node's sockets, summed over feedEventsSent events. */
  feedLagSecondsSum = 0;
  feedLagSecondsLast = 0;
  redisErrors = 0;
  storageErrors = 0;
  private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 20 });
  private readonly gauges: (() => Sample[])[] = [];

  constructor(readonly nodeId: string) {
    this.loopDelay.enable();
  }

  /** Adds samples read at scrape time (connections, readiness, pool state…). */
  addGauges(read: () => Sample[]): void {
    this.gauges.push(read);
  }

  recordFeedLag(seconds: number): void {
    this.feedEventsSent++;
    this.feedLagSecondsLast = seconds;
    this.feedLagSecondsSum += seconds;
  }

  render(): string {
    const samples: Sample[] = [
      { name: 'setvisit_node_info', help: 'This node (value always 1).', type: 'gauge', value: 1, labels: { node: this.nodeId } },
      { name: 'setvisit_socket_connections_accepted_total', help: 'Socket connections accepted since start.', type: 'counter', value: this.connectionsAccepted },
      { name: 'setvisit_feed_events_sent_total', help: 'Distinct feed events written to this node\'s sockets.', type: 'counter', value: this.feedEventsSent },
      { name: 'setvisit_socket_packets_sent_total', help: 'Socket.io packets written to sockets (events x audience).', type: 'counter', value: this.packetsSent },
      { name: 'setvisit_feed_lag_seconds_sum', help: 'Sum over sent events of stored-at to written-to-sockets on this node.', type: 'counter', value: this.feedLagSecondsSum },
      { name: 'setvisit_feed_lag_seconds_count', help: 'Events in setvisit_feed_lag_seconds_sum.', type: 'counter', value: this.feedEventsSent },
      { name: 'setvisit_feed_lag_last_seconds', help: 'Lag of the latest event written to sockets.', type: 'gauge', value: this.feedLagSecondsLast },
      { name: 'setvisit_redis_errors_total', help: 'Errors reported by the Redis connections.', type: 'counter', value: this.redisErrors },
      { name: 'setvisit_storage_errors_total', help: 'Errors of idle storage connections and failed readiness checks.', type: 'counter', value: this.storageErrors },
      { name: 'setvisit_event_loop_delay_p99_seconds', help: 'Event loop delay, 99th percentile since the last scrape.', type: 'gauge', value: this.loopDelay.percentile(99) / 1e9 },
      ...this.gauges.flatMap((read) => read()),
    ];
    this.loopDelay.reset();
    const described = new Set<string>();
    const lines: string[] = [];
    for (const sample of samples) {
      if (!described.has(sample.name)) {
        described.add(sample.name);
        lines.push(`# HELP ${sample.name} ${sample.help}`, `# TYPE ${sample.name} ${sample.type}`);
      }
      lines.push(`${sample.name}${formatLabels(sample.labels)} ${Number.isFinite(sample.value) ? sample.value : 0}`);
    }
    return `${lines.join('\n')}\n`;
  }

  dispose(): void {
    this.loopDelay.disable();
  }
}

export type { Sample as MetricSample };

function formatLabels(labels: Record<string, string> | undefined): string {
  if (!labels) return '';
  const parts = Object.entries(labels).map(([key, value]) => `${key}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return `{${parts.join(',')}}`;
}
