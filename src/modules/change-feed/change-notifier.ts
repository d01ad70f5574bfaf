import { EventEmitter } from 'node:events';
import { Client } from 'pg';
import type { Logger } from '../../shared/logger';
import { CHANGE_CHANNEL } from './change-channel';

const RECONNECT_MS = { first: 100, most: 5000 };

/**
 * Hears, on a connection of its own, that the change feed grew (PostgreSQL LISTEN on
 * CHANGE_CHANNEL, which every process serving the database notifies on commit). When the
 * connection drops it connects and listens again by itself, and then says the feed grew, since
 * changes may have been written meanwhile: whoever waits reads the feed, which misses nothing.
 */
export class ChangeNotifier {
  private readonly heard = new EventEmitter().setMaxListeners(0);
  private times = 0;
  private client: Client | null = null;
  private closed = false;

  constructor(
    private readonly connectionString: string,
    private readonly logger: Logger,
  ) {}

  /** Connects and listens; retries until it does (or the notifier is closed). */
  async start(): Promise<void> {
    for (let wait = RECONNECT_MS.first; !this.closed; wait = Math.min(2 * wait, RECONNECT_MS.most)) {
      const client = new Client({ connectionString: this.connectionString, application_name: 'registry-listen' });
      client.on('error', (error) => this.logger.warn({ err: error }, 'the change listener\'s connection failed'));
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      } catch (error) {
        this.logger.warn({ err: error }, `could not listen for changes; trying again in ${wait} ms`);
        await client.end().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      client.on('notification', () => this.hear());
      client.once('end', () => {
        this.client = null;
        if (!this.closed) void this.start();
      });
      this.client = client;
      this.hear();
      return;
    }
  }

  /** How many times the feed has been heard to grow so far: give it to `next` so nothing heard meanwhile is missed. */
  get heardSoFar(): number {
    return this.times;
  }

  /** Resolves when the feed has grown since it had been heard `since` times (at once if it has), or after `ms` at the latest. */
  next(ms: number, since = this.times): Promise<void> {
    if (this.times > since) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.heard.off('change', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.heard.on('change', done);
    });
  }

  private hear(): void {
    this.times++;
    this.heard.emit('change');
  }

  async close(): Promise<void> {
    this.closed = true;
    this.hear();
    await this.client?.end().catch(() => undefined);
  }
}
