/** Support desk settings, given in `cms/config/plugins.ts` from the environment. */
export interface SupportConfig {
  /**
   * The `path` the upload service is given for files nobody may read by URL; the CMS's
   * private upload provider writes them outside the public folder.
   */
  privateUploadPath: string;
  /** The folder those files are written to, to read them back for agents and outgoing mail. */
  privateUploadsDir: string;
  /** The domain of the desk's own Message-IDs, to recognise our mail coming back (loops). */
  mailDomain: string;
  /** Sender of agents' email replies; replies to it reach the polled mailbox. */
  mailFrom: string;
  /** How often queued replies are retried, and tickets checked for return and SLA. */
  workIntervalMs: number;
  /** Redis shared by the CMS nodes, so a Support page hears every node's events; '' for one node. */
  redisUrl: string;
  /** Keeps platforms sharing one Redis apart. */
  redisPrefix: string;
}

export default {
  default: {
    privateUploadPath: 'private',
    privateUploadsDir: '',
    mailDomain: 'support.vixenhealth.local',
    mailFrom: 'VixenHealth Support <support@vixenhealth.local>',
    workIntervalMs: 15_000,
    redisUrl: '',
    redisPrefix: 'vh:',
  } satisfies SupportConfig,

  validator(config: SupportConfig) {
    if (!config.privateUploadsDir) throw new Error('support.privateUploadsDir must be set');
    if (!/^[a-z0-9.-]+$/i.test(config.mailDomain)) {
      throw new Error('support.mailDomain must be a domain name');
    }
    if (!(config.workIntervalMs >= 1000)) throw new Error('support.workIntervalMs must be >= 1000');
  },
};
