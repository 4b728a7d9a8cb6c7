import { createSocket } from 'node:dgram';

const TXT = 16;
const CLASS_IN = 1;
const NXDOMAIN = 3;

export interface DnsServer {
  /** `127.0.0.1:<port>`, as `DOMAIN_VERIFICATION_DNS_SERVERS` takes it. */
  address: string;
  /** Publishes TXT records under `name`, or removes them all (`null`): then it does not exist. */
  setTxt(name: string, values: string[] | null): void;
  stop(): Promise<void>;
}

/** The name a question asks about, and where the question ends. */
const readQuestion = (packet: Buffer) => {
  const labels: string[] = [];
  let offset = 12;
  while (packet[offset] !== 0) {
    const length = packet[offset];
    labels.push(packet.subarray(offset + 1, offset + 1 + length).toString('latin1'));
    offset += length + 1;
  }
  const type = packet.readUInt16BE(offset + 1);
  return { name: labels.join('.').toLowerCase(), type, end: offset + 5 };
};

/** One TXT answer pointing back at the question's name (offset 12). */
const txtAnswer = (value: string) => {
  const text = Buffer.from(value, 'utf8');
  const answer = Buffer.alloc(12);
  answer.writeUInt16BE(0xc00c, 0);
  answer.writeUInt16BE(TXT, 2);
  answer.writeUInt16BE(CLASS_IN, 4);
  answer.writeUInt32BE(60, 6);
  answer.writeUInt16BE(text.length + 1, 10);
  return Buffer.concat([answer, Buffer.from([text.length]), text]);
};

/**
 * An authoritative DNS server on 127.0.0.1 (UDP, the real wire format of RFC 1035) answering TXT
 * questions from records a test sets: the outside party a domain check talks to, on loopback.
 */
export const startDnsServer = async (): Promise<DnsServer> => {
  const records = new Map<string, string[]>();
  const socket = createSocket('udp4');
  socket.on('message', (packet, from) => {
    const question = readQuestion(packet);
    const values = records.get(question.name);
    const answers = question.type === TXT && values ? values.map(txtAnswer) : [];
    const header = Buffer.alloc(12);
    packet.copy(header, 0, 0, 2);
    const recursionDesired = packet[2] & 0x01;
    header[2] = 0x84 | recursionDesired; // a response, authoritative
    header[3] = 0x80 | (values ? 0 : NXDOMAIN);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    const reply = Buffer.concat([header, packet.subarray(12, question.end), ...answers]);
    socket.send(reply, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    setTxt(name, values) {
      if (values) records.set(name.toLowerCase(), values);
      else records.delete(name.toLowerCase());
    },
    stop: () => new Promise((resolve) => socket.close(() => resolve())),
  };
};
