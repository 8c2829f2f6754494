import { HttpStatus, INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';

interface BodyParserError {
  type?: string;
  status?: number;
  message: string;
}

/**
 * JSON for API calls, text/plain for raw log lines, text/csv for registry imports, all bounded by `INGEST_MAX_BODY_BYTES` (threat-intel
 * imports arrive as JSON and run to megabytes); a bad body gets a JSON 4xx naming the problem instead of
 * express's HTML page.
 */
export function installBodyParsers(app: INestApplication, maxBodyBytes: number): void {
  app.use(express.json({ limit: maxBodyBytes }));
  app.use(express.text({ type: ['text/plain', 'text/csv', 'application/x-ndjson', 'application/jsonl'], limit: maxBodyBytes, defaultCharset: 'utf-8' }));
  app.use((error: BodyParserError, _req: Request, res: Response, next: NextFunction) => {
    const known: Record<string, [HttpStatus, string, string]> = {
      'entity.too.large': [HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', `body larger than the limit of ${maxBodyBytes} bytes (INGEST_MAX_BODY_BYTES)`],
      'entity.parse.failed': [HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'body is not valid JSON'],
      'charset.unsupported': [HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_MEDIA_TYPE', 'send UTF-8'],
      'encoding.unsupported': [HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_MEDIA_TYPE', 'unsupported content encoding'],
    };
    const match = error.type ? known[error.type] : undefined;
    if (!match) return next(error);
    const [status, code, message] = match;
    res.status(status).json({ statusCode: status, error: code, message });
  });
}
