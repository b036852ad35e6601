import { createServer, type Server } from 'node:net';

export interface Sink {
  port: number;
  /** Every conversation, as the lines the client sent. */
  sessions: string[][];
  close(): Promise<void>;
}

/** A tiny SMTP server on 127.0.0.1 that accepts everything and keeps what it was told. */
export async function startSmtpSink(): Promise<Sink> {
  const sessions: string[][] = [];
  const server: Server = createServer((socket) => {
    const lines: string[] = [];
    sessions.push(lines);
    let buffer = '';
    let inData = false;
    socket.write('220 sink ready\r\n');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let nl = buffer.indexOf('\r\n'); nl >= 0; nl = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        lines.push(line);
        if (inData) {
          if (line === '.') {
            inData = false;
            socket.write('250 queued\r\n');
          }
        } else if (line.startsWith('EHLO')) socket.write('250-sink\r\n250 8BITMIME\r\n');
        else if (line === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (line === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    sessions,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
