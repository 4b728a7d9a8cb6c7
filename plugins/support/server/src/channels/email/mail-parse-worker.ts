import { Worker } from 'node:worker_threads';

import type { HeaderValue } from 'mailparser';

import { MailParseFailedError, MailParseTimeoutError } from './mail-errors';

/** What the worker hands back of mailparser's result: only what the desk reads, cloneable. */
export interface ParsedMailData {
  /** Parsed headers, keys in lower case, as mailparser gives them. */
  headers: [string, HeaderValue][];
  from?: { name: string; address?: string };
  subject?: string;
  text: string;
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  attachments: { filename?: string; contentType: string; content: Uint8Array }[];
}

// mailparser runs in a worker thread because it cannot be interrupted: a pathological mail is
// stopped by terminating the thread. The source is evaluated (plain CommonJS) so that the same
// code runs from the compiled plugin and from the TypeScript sources under test.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { simpleParser } = require(workerData.mailparser);
const OPTIONS = { skipTextToHtml: true, skipImageLinks: true, keepCidLinks: true, checksumAlgo: false };
const list = (value) => (value === undefined ? [] : [].concat(value));
parentPort.on('message', async ({ id, raw }) => {
  try {
    const mail = await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), OPTIONS);
    const from = mail.from && mail.from.value[0];
    parentPort.postMessage({ id, mail: {
      headers: [...mail.headers],
      from: from && { name: from.name, address: from.address },
      subject: mail.subject,
      text: typeof mail.text === 'string' ? mail.text : '',
      messageId: mail.messageId,
      inReplyTo: mail.inReplyTo,
      references: list(mail.references),
      attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    } });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

/** Room for a 25 MB mail decoded in memory a few times over; more is a mail bomb. */
const WORKER_HEAP_MB = 512;

interface Job {
  id: number;
  raw: Uint8Array<ArrayBuffer>;
  timeLimitMs: number;
  resolve(mail: ParsedMailData): void;
  reject(error: Error): void;
}

type WorkerAnswer = { id: number; mail: ParsedMailData } | { id: number; error: string };

/**
 * One reused worker thread running mailparser, one mail at a time. A mail still being parsed
 * after its time limit, or one that kills the thread (out of memory), fails alone: the thread is
 * terminated and the next mail gets a fresh one.
 */
export class MailParseWorker {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | null = null;
  private nextId = 1;

  parse(raw: Uint8Array, timeLimitMs: number): Promise<ParsedMailData> {
    return new Promise((resolve, reject) => {
      // A copy of its own, so that it can be transferred without detaching the caller's buffer.
      const copy = new Uint8Array(raw);
      this.queue.push({ id: this.nextId++, raw: copy, timeLimitMs, resolve, reject });
      this.pump();
    });
  }

  /** Ends the thread; mails still queued fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const job of this.queue.splice(0)) job.reject(new MailParseFailedError('closed'));
    this.finish(new MailParseFailedError('closed'));
    if (worker) await worker.terminate();
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift() as Job;
    const worker = this.ensureWorker();
    const timer = setTimeout(() => {
      this.discardWorker();
      this.finish(new MailParseTimeoutError(job.timeLimitMs));
    }, job.timeLimitMs);
    this.current = { job, timer };
    worker.postMessage({ id: job.id, raw: job.raw }, [job.raw.buffer]);
  }

  private finish(outcome: ParsedMailData | Error): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    clearTimeout(current.timer);
    if (outcome instanceof Error) current.job.reject(outcome);
    else current.job.resolve(outcome);
    this.pump();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { mailparser: require.resolve('mailparser') },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    // An idle parser must not keep the process alive; a running job's timer does meanwhile.
    worker.unref();
    worker.on('message', (answer: WorkerAnswer) => {
      if (this.worker !== worker || this.current?.job.id !== answer.id) return;
      this.finish('error' in answer ? new MailParseFailedError(answer.error) : answer.mail);
    });
    const lost = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.finish(new MailParseFailedError(reason));
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`the parser thread exited with ${code}`));
    this.worker = worker;
    return worker;
  }

  private discardWorker(): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }
}
